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
