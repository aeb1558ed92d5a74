"""Downloads and presentation mode in Chromium, as a user does them: the
PNG/SVG of a chart, the CSV/XLSX of a table and the slide deck from the
profile page; presentation mode driven by the keyboard. Screenshots in
artifacts/screenshots/present-*.png."""
from __future__ import annotations

import io
import re

import pytest

from papi_data import export
from tests.e2e.browser import assert_no_exception, open_page, screenshot

pytestmark = pytest.mark.e2e

PROFILE = "profile?lang={lang}&year=2019&province=10"


def _download(page, name: str, menu: str | None = None, timeout: float = 180_000) -> tuple[str, bytes]:
    """Click the download button `name`, first opening the "Download" menu
    of the chart or table keyed `menu` when the button lives in one."""
    button = page.get_by_role("button", name=name, exact=True).first
    if menu and not button.is_visible():
        page.locator(f".st-key-dl_{menu} button").first.click()
        button.wait_for(state="visible")
    with page.expect_download(timeout=timeout) as d:
        button.click()
    dl = d.value
    return dl.suggested_filename, open(dl.path(), "rb").read()


@pytest.mark.skipif(export.browser_path() is None, reason="no Chromium for chart images; CI installs it")
def test_chart_images_from_the_profile(server, page):
    from PIL import Image
    open_page(page, f"{server}/{PROFILE.format(lang='vi')}", wait_for=".js-plotly-plot .main-svg")
    assert_no_exception(page)
    name, png = _download(page, "Ảnh PNG", menu="trend")
    assert name.endswith(".png") and "lao-cai" in name
    im = Image.open(io.BytesIO(png))
    assert im.size[0] == 2400 and im.size[1] > 600          # 1200 px wide at scale 2
    name, svg = _download(page, "Ảnh SVG", menu="trend")
    text = svg.decode("utf-8")
    assert name.endswith(".svg") and 'width="1200"' in text
    assert "Lào Cai" in text and "Nguồn: PAPI" in text      # diacritics and the source travel with the image


def test_table_downloads_are_what_is_shown(server, page):
    from openpyxl import load_workbook
    open_page(page, f"{server}/{PROFILE.format(lang='en')}", wait_for='.st-key-tbl_subdims .papi-table')
    assert_no_exception(page)
    name, csv = _download(page, "CSV", menu="subdims")
    assert name.endswith(".csv") and csv.startswith(b"\xef\xbb\xbf")
    rows = csv.decode("utf-8-sig").splitlines()
    assert len(rows) > 20 and any(r.startswith("D1.1") or ",D1.1" in r or "D1.1 " in r for r in rows)
    name, xlsx = _download(page, "Excel", menu="subdims")
    wb = load_workbook(io.BytesIO(xlsx))
    data = [[c.value for c in r] for r in wb.worksheets[0].iter_rows()]
    assert len(data) == len(rows)                              # same rows (header included)
    assert any("Source: PAPI 2019" in str(r[0].value) for r in wb.worksheets[1].iter_rows())


def test_the_deck_from_the_profile_button(server, page):
    from pptx import Presentation
    open_page(page, f"{server}/{PROFILE.format(lang='vi')}", wait_for=".js-plotly-plot .main-svg")
    name, raw = _download(page, "Tạo bài trình chiếu")
    assert name == "papi-2019-lao-cai-vi.pptx"
    prs = Presentation(io.BytesIO(raw))
    head = "\n".join(sh.text_frame.text for sh in prs.slides[1].shapes if sh.has_text_frame)
    assert "45,06" in head and "13/63" in head and "Cao nhất" in head


@pytest.mark.parametrize("lang,next_label,exit_label", [("vi", "Sau", "Thoát trình chiếu"),
                                                         ("en", "Next", "Leave presentation")])
def test_presentation_mode_by_keyboard(server, page, lang, next_label, exit_label):
    open_page(page, f"{server}/{PROFILE.format(lang=lang)}&present=1",
              wait_for=".js-plotly-plot .main-svg")
    assert_no_exception(page)
    assert page.locator('[data-testid="stSidebar"]').count() == 0
    headline = page.locator(".js-plotly-plot").inner_text()
    assert ("45,06" if lang == "vi" else "45.06") in headline and "13/63" in headline
    screenshot(page, f"present-1-{lang}")
    page.get_by_role("button", name=re.compile(next_label)).wait_for()
    page.locator("[data-testid=stCaptionContainer]").first.click()   # focus the page, as a presenter does with a first click
    for i in (2, 3):
        page.keyboard.press("ArrowRight")
        page.wait_for_url(re.compile(rf"slide={i}"), timeout=60_000)
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        # one chart per screen (the previous screen's chart goes when the run ends)
        page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length === 1", timeout=60_000)
    assert_no_exception(page)
    screenshot(page, f"present-3-{lang}")
    # pressing again as soon as the address changes, before the screen has redrawn, still moves on
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"slide=4"), timeout=60_000)
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"slide=5"), timeout=60_000)
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(re.compile(r"slide=4"), timeout=60_000)
    # leaving is tried from a drawn screen: the presses above are still being answered
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.get_by_role("button", name=re.compile(exit_label)).click()
    page.wait_for_selector('[data-testid="stSidebar"]', timeout=60_000)
    assert "present=1" not in page.url


@pytest.mark.parametrize("width,height", [(1024, 768), (1440, 900)])
def test_presentation_fits_a_projector_screen(server, browser, width, height):
    """Every screen, buttons included, fits the projector without scrolling,
    and no chart is wider than the screen."""
    page = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN").new_page()
    for slide in range(1, 8):
        open_page(page, f"{server}/profile?present=1&province=10&year=2019&slide={slide}",
                  wait_for=".js-plotly-plot .main-svg")
        assert_no_exception(page)
        for name in ("◀ Trước", "Sau ▶"):
            box = page.get_by_role("button", name=name).bounding_box()
            assert box["y"] + box["height"] <= height, (slide, name, box)
        svg = page.locator(".js-plotly-plot .main-svg").first.bounding_box()
        assert svg["x"] >= 0 and svg["x"] + svg["width"] <= width, (slide, svg)
        if slide in (1, 4):
            screenshot(page, f"present-{width}-{slide}")
    page.context.close()


def test_the_sidebar_switch_folds_the_sidebar_away(server, browser):
    """Entered through the sidebar's switch, the presentation has the whole
    screen (no empty sidebar left open); leaving brings the sidebar back."""
    page = browser.new_context(viewport={"width": 1024, "height": 768}, locale="vi-VN").new_page()
    width = "() => document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().width"
    open_page(page, f"{server}/profile?year=2019&province=10", wait_for=".js-plotly-plot .main-svg")
    page.get_by_text("Chế độ trình chiếu").click()
    page.wait_for_url(re.compile(r"present=1"))
    page.wait_for_function(f"() => ({width})() === 0", timeout=30_000)
    page.get_by_role("button", name=re.compile("Thoát trình chiếu")).click()
    page.wait_for_function(f"() => ({width})() > 200", timeout=30_000)
    page.context.close()


PHONE_UA = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/126.0 Mobile Safari/537.36")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_on_a_phone_headlines_fit_and_charts_keep_their_titles(server, browser, lang):
    """On a phone held upright (390×844): the headline slide stacks its four
    figures, each inside the screen; the chart toolbar does not cover titles
    and the trend's years read in full."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN", user_agent=PHONE_UA,
                              is_mobile=True, has_touch=True)
    page = ctx.new_page()
    open_page(page, f"{server}/profile?present=1&province=10&year=2023&lang={lang}", wait_for=".js-plotly-plot .main-svg")
    assert_no_exception(page)
    texts = page.locator(".js-plotly-plot .annotation-text")
    boxes = [texts.nth(i).bounding_box() for i in range(texts.count())]
    assert len(boxes) >= 8
    for b in boxes:
        assert b["x"] >= 0 and b["x"] + b["width"] <= 390, b
    for a, b in zip(boxes, boxes[1:]):                      # stacked: each below the one before
        assert b["y"] >= a["y"] + a["height"] - 2, (a, b)
    screenshot(page, f"phone-present-1-{lang}")
    open_page(page, f"{server}/profile?province=10&year=2023&lang={lang}", wait_for=".js-plotly-plot .main-svg")
    chart = page.locator(".js-plotly-plot").first
    chart.scroll_into_view_if_needed()
    chart.tap()
    page.wait_for_timeout(500)
    assert page.locator(".js-plotly-plot .modebar").count() == 0      # no toolbar over the title
    ticks = [t for t in chart.locator(".xtick text").evaluate_all("els => els.map(e => e.textContent)") if t.strip()]
    assert ticks and all(re.fullmatch(r"\d{4}", t) for t in ticks), ticks
    title = chart.locator(".gtitle").bounding_box()
    assert title["x"] + title["width"] <= 390
    screenshot(page, f"phone-profile-trend-{lang}")
    ctx.close()


@pytest.mark.parametrize("lang,label,total,tier", [("vi", "Soạn dự thảo kế hoạch 2020", "45,06", "Cao nhất"),
                                                  ("en", "Draft the 2020 plan", "45.06", "High")])
def test_the_plan_draft_from_the_targets_page(server, page, lang, label, total, tier):
    """The targets page drafts next year's plan as the command line does:
    Lào Cai 2020 from the 2019 results, in the page's language."""
    import docx
    open_page(page, f"{server}/targets?lang={lang}&year=2019&province=10", wait_for=".papi-table")
    assert_no_exception(page)
    name, raw = _download(page, label)
    assert name == f"papi-plan-2020-lao-cai-{lang}.docx"
    doc = docx.Document(io.BytesIO(raw))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert total in body and "13/63" in body and tier in body
    assert len(doc.tables) >= 2 and any("D8" in c.text or "8" in c.text for c in doc.tables[-1].columns[0].cells)
