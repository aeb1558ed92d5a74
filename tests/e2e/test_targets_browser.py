import pytest

from tests.e2e.browser import assert_no_exception, open_page, screenshot

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang,path,text,charts", [
    ("vi", "targets?lang=vi&year=2019&province=10", "Chưa đạt", 2),
    ("en", "targets?lang=en&year=2014&province=87", "No data", 0),     # unscored year: no chart to draw
])
def test_targets_page_in_browser(server, page, lang, path, text, charts):
    open_page(page, f"{server}/{path}", wait_for='[data-testid="stDataFrame"]')
    assert_no_exception(page)
    if charts:
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    assert page.locator(".js-plotly-plot").count() == charts
    assert text in page.locator('[data-testid="stMain"]').inner_text() or text in page.content()
    screenshot(page, f"targets-{lang}")
