"""The language switch in a real browser: menu, labels and the presentation
switch change with the first click, not the next one."""
import pytest

from tests.e2e.browser import assert_no_exception, open_page, screenshot

pytestmark = pytest.mark.e2e


def test_language_switch_redraws_the_sidebar_at_once(server, page):
    open_page(page, f"{server}/profile?year=2024&province=10", wait_for=".js-plotly-plot .main-svg")
    side = page.locator('[data-testid="stSidebar"]')
    assert "Chế độ trình chiếu" in side.inner_text()
    side.get_by_label("Ngôn ngữ").click()
    page.get_by_role("option", name="English").click()
    page.wait_for_function("() => document.querySelector('[data-testid=\"stSidebar\"]')"
                           ".innerText.includes('Presentation mode')", timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    assert_no_exception(page)
    text = side.inner_text()
    for en in ("Overview", "Province profile", "Language", "Year", "Presentation mode"):
        assert en in text
    for vi in ("Tổng quan", "Ngôn ngữ", "Chế độ trình chiếu"):
        assert vi not in text
    screenshot(page, "language-switched-en")


@pytest.mark.parametrize("lang,zoom_in", [("vi", "Phóng to"), ("en", "Zoom in")])
def test_chart_toolbar_speaks_the_interface_language(server, page, lang, zoom_in):
    """Plotly's own tooltips follow the interface (plotly.js has no Vietnamese
    dictionary of its own)."""
    open_page(page, f"{server}/profile?lang={lang}&year=2019&province=10", wait_for=".js-plotly-plot .modebar-btn")
    titles = page.eval_on_selector_all(".js-plotly-plot .modebar-btn", "els => els.map(e => e.dataset.title)")
    assert zoom_in in titles
    if lang == "vi":
        assert not {"Zoom in", "Zoom out", "Autoscale", "Reset axes", "Pan"} & set(titles)
