"""The what-if form in Chromium: a link with ?whatif= opens the profile with
the scenario set and its result said, with a decimal comma in Vietnamese
and a point in English; the address keeps the scenario. Screenshots:
artifacts/screenshots/whatif-{vi,en}.png."""
import pytest

from tests.e2e.browser import SHOTS, assert_no_exception, open_page, screenshot

pytestmark = pytest.mark.e2e

EXPANDER = '[data-testid="stExpander"]:has([data-testid="stMultiSelect"])'


@pytest.mark.parametrize("lang, result, assumed", [
    ("vi", "Tổng 43,2506: nhóm Trung bình cao, hạng 22/63, nếu các tỉnh khác giữ nguyên như năm 2020.",
     "Giả định: D5 +0,20; D7 +0,10."),
    ("en", "Total 43.2506: High-average tier, rank 22/63, if other provinces stay as in 2020.",
     "Assumed: D5 +0.20; D7 +0.10."),
])
def test_whatif_link_opens_the_scenario(server, page, lang, result, assumed):
    # the link as a person types it: a '+' in an address may arrive as a space, and must still read as a sign
    open_page(page, f"{server}/profile?whatif=D5:+0.2,D7:+0.1&province=10&year=2020&lang={lang}",
              wait_for=EXPANDER, timeout=180_000)
    page.wait_for_selector(f'{EXPANDER} >> text="{result}"', timeout=180_000)
    assert_no_exception(page)
    box = page.locator(EXPANDER)
    text = box.inner_text()
    assert result in text and assumed in text
    assert ("43,2506" if lang == "vi" else "43.2506") in text
    assert ("43.2506" if lang == "vi" else "43,2506") not in text
    assert "D5" in text and "D7" in text                           # the picked indicators shown in the form
    assert "whatif=D5" in page.url                                 # the address keeps the scenario
    assert not page.locator('[data-testid="stToast"]').count()     # nothing in the link was misunderstood
    box.scroll_into_view_if_needed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    box.screenshot(path=str(SHOTS / f"whatif-{lang}.png"))
    screenshot(page, f"whatif-page-{lang}")


def test_targets_page_scenario_goes_into_the_deck(server, page):
    import io

    from pptx import Presentation
    open_page(page, f"{server}/targets?whatif=D5:%2B0.2,D7:%2B0.1,D5.2:%2B0.3&province=10&year=2020&lang=en",
              wait_for=EXPANDER, timeout=180_000)
    page.wait_for_selector(f'{EXPANDER} >> text=/Total 43.5506/', timeout=180_000)
    assert_no_exception(page)
    text = page.locator(EXPANDER).inner_text()
    assert "D5.2 " in text                                          # a sub-dimension, named as in the codebook
    page.locator(EXPANDER).scroll_into_view_if_needed()
    page.locator(EXPANDER).screenshot(path=str(SHOTS / "whatif-targets-en.png"))
    button = page.get_by_role("button", name="Build slide deck", exact=True).first
    with page.expect_download(timeout=240_000) as d:
        button.click()
    prs = Presentation(io.BytesIO(open(d.value.path(), "rb").read()))
    slide = "\n".join(sh.text_frame.text for sh in prs.slides[2].shapes if sh.has_text_frame)
    assert "What if…" in slide and "Assumed: D5 +0.20; D7 +0.10; D5.2 +0.30." in slide
    assert "43.5506" in slide and "18/63" in slide and "stay as in 2020" in slide
