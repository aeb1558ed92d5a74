import pytest

from tests.e2e.browser import assert_no_exception, open_page, screenshot

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang,title", [("vi", "Chỉ số PAPI"), ("en", "PAPI dashboard")])
def test_home_page_in_browser(server, page, lang, title):
    open_page(page, f"{server}/home?lang={lang}", wait_for='[data-testid="stDataFrame"]')
    assert_no_exception(page)
    assert title in page.locator("h1").first.inner_text()
    screenshot(page, f"home-{lang}")
