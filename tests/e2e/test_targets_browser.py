"""The targets page in Chromium: evaluation table, target-versus-actual and
where-to-focus charts, the no-data case; screenshots saved for people to
look at (artifacts/screenshots/targets-*.png)."""
import pytest

from tests.e2e.browser import assert_no_exception, open_page, screenshot

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("name,path,texts,charts", [
    # Lào Cai 2019: value and tier targets (9 met, 9 not), D6 baseline warning; target chart + focus chart.
    ("targets-vi", "targets?lang=vi&year=2019&province=10", ["Chưa đạt", "Đạt", "6,72", "7,17"], 2),
    # Thái Nguyên 2024: top group reached (4/61); tier marker at the cut point; focus chart.
    ("targets-tier-en", "targets?lang=en&year=2024&province=19", ["Met", "4/61", "Where to focus"], 2),
    # Đồng Tháp 2014: not scored by PAPI, so no verdict and nothing to draw.
    ("targets-en", "targets?lang=en&year=2014&province=87", ["No data", "did not score"], 0),
])
def test_targets_page_in_browser(server, page, name, path, texts, charts):
    open_page(page, f"{server}/{path}", wait_for='[data-testid="stDataFrame"]')
    assert_no_exception(page)
    if charts:
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    assert page.locator(".js-plotly-plot").count() == charts
    main = page.locator('[data-testid="stMain"]').inner_text()
    for text in texts:
        assert text in main or text in page.content(), text
    screenshot(page, name)


def test_targets_page_opens_on_a_plan(server, page):
    open_page(page, f"{server}/targets", wait_for='[data-testid="stDataFrame"]')
    assert_no_exception(page)
    assert "Lào Cai, PAPI 2019" in page.locator("h1").first.inner_text()
    assert "year=2019" in page.url and "province=10" in page.url
