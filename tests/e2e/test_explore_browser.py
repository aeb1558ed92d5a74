"""Each explore page opened by URL in Chromium: charts drawn, no exception,
a screenshot saved (artifacts/screenshots/) for people to look at."""
import pytest

from tests.e2e.browser import assert_no_exception, open_page, screenshot

pytestmark = pytest.mark.e2e

CASES = [
    ("overview", "overview?lang=vi&year=2023&province=10", "Tổng quan"),
    ("overview-en", "overview?lang=en&year=2020&indicator=D4", "Overview"),
    ("profile", "profile?lang=vi&year=2018&province=10", "Lào Cai"),
    ("profile-gaps", "profile?lang=vi&year=2014&province=87", "Đồng Tháp"),
    ("profile-en", "profile?lang=en&year=2024&province=46", "Thua Thien Hue"),
    ("compare", "compare?lang=vi&year=2023&provinces=10,15,19", "So sánh"),
    ("compare-en", "compare?lang=en&year=2023&provinces=10,15,19", "Compare"),
    ("landing", "", "Tổng quan"),
    ("profile-merged", "profile?lang=vi&year=2024&units=34&unit=15", "Lào Cai"),
    ("compare-new-units-en", "compare?lang=en&year=2023&units=34&units_picked=15,19,8", "Compare"),
]


@pytest.mark.parametrize("name,path,heading", CASES, ids=[c[0] for c in CASES])
def test_explore_page_in_browser(server, page, name, path, heading):
    open_page(page, f"{server}/{path}", wait_for=".js-plotly-plot .main-svg")
    assert_no_exception(page)
    assert heading in page.locator("h1").first.inner_text()
    assert page.locator(".js-plotly-plot").count() >= 2
    # The menu shows the pages by their titles, not file names.
    nav = page.locator('[data-testid="stSidebar"]').inner_text()
    assert ("Tổng quan" in nav) or ("Overview" in nav)
    screenshot(page, f"explore-{name}")


def test_language_and_province_survive_menu_navigation(server, page):
    open_page(page, f"{server}/profile?lang=en&year=2020&province=22", wait_for=".js-plotly-plot .main-svg")
    page.locator('[data-testid="stSidebar"] a', has_text="Compare").click()
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    assert_no_exception(page)
    assert "Compare" in page.locator("h1").first.inner_text()             # still English
    assert "lang=en" in page.url and "province=22" in page.url


def test_link_to_this_view_reopens_it(server, page):
    """The sidebar's link is the address of exactly this view (page, language,
    year, province), and opening it shows the same page."""
    open_page(page, f"{server}/profile?lang=en&year=2020&province=22", wait_for=".js-plotly-plot .main-svg")
    page.get_by_role("button", name="Link to this view").click()
    link = page.locator('[data-testid="stCode"] code').first.inner_text().strip()
    assert link.startswith(f"{server}/profile?") and "province=22" in link and "year=2020" in link and "lang=en" in link
    open_page(page, link, wait_for=".js-plotly-plot .main-svg")
    assert_no_exception(page)
    assert "Quang Ninh" in page.locator("h1").first.inner_text()


def test_compare_table_shows_every_dimension_at_1440(server, browser):
    page = browser.new_context(viewport={"width": 1440, "height": 900}, locale="vi-VN").new_page()
    open_page(page, f"{server}/compare?year=2023&provinces=10,15,19", wait_for=".js-plotly-plot .main-svg")
    box = page.locator(".st-key-tbl_compare_table .papi-table")
    assert box.evaluate("e => e.scrollWidth <= e.clientWidth")           # nothing hidden to the right
    assert "D8" in box.inner_text()
    page.context.close()


@pytest.mark.parametrize("width,height", [(1440, 900), (1024, 768)])
def test_targets_table_shows_every_column(server, browser, width, height):
    """At 1440 px every column is in view; on a 1024 px screen with the
    sidebar open (562 px for the table) the box scrolls sideways, by mouse,
    touch or keyboard (it takes focus)."""
    page = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN").new_page()
    open_page(page, f"{server}/targets?year=2019&province=10", wait_for=".st-key-tbl_targets_table .papi-table")
    box = page.locator(".st-key-tbl_targets_table .papi-table")
    fits = box.evaluate("e => e.scrollWidth <= e.clientWidth")
    scrolls = box.evaluate("e => getComputedStyle(e).overflowX === 'auto' && e.tabIndex === 0")
    assert fits if width == 1440 else (fits or scrolls)
    assert "Xếp hạng" in box.inner_text() and "Kế hoạch" in box.inner_text()
    box.scroll_into_view_if_needed()
    screenshot(page, f"targets-table-{width}")
    page.context.close()
