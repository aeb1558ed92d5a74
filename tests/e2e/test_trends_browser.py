"""The trend classes in Chromium, in Vietnamese and English: the profile's
table names the classes in the interface language and its popover gives the
rule; the overview's filter lists exactly the provinces papi_data.trends
puts in the chosen class, and the address keeps the choice.
Screenshots: artifacts/screenshots/trends-*.png."""
import re

import pytest

from tests.e2e.browser import SHOTS, assert_no_exception, open_page, screenshot

pytestmark = pytest.mark.e2e

T = 240_000   # a shared, slow machine
TABLE = '[data-testid="stDataFrame"]'
FILTER = '[class*="st-key-trend_filter"]'


def _grid_text(page, grid) -> str:
    """The cells of a dataframe, read from the grid's accessible table."""
    page.wait_for_function("g => g.querySelectorAll('td, [role=gridcell]').length > 0",
                           arg=grid.element_handle(), timeout=T)
    return "\n".join(grid.locator("td, [role=gridcell]").all_inner_texts())


@pytest.mark.parametrize("lang, cls, rule, point", [
    ("vi", "Cải thiện tăng tốc", "Tốc độ dài hạn", ","),
    ("en", "Increasing improvement", "Long-run rate", "."),
])
def test_profile_trend_table_and_rule(server, page, lang, cls, rule, point):
    open_page(page, f"{server}/profile?province=10&year=2024&lang={lang}", wait_for=TABLE, timeout=T)
    assert_no_exception(page)
    heading = page.get_by_text("Xu hướng (cảnh báo sớm)" if lang == "vi" else "Trends (early warning)", exact=True)
    heading.wait_for(timeout=T)
    grid = page.locator(TABLE).last
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(1500)
    text = _grid_text(page, grid)
    assert cls in text                               # D4, the worked example of docs/TRENDS.md
    other = "Increasing improvement" if lang == "vi" else "Cải thiện tăng tốc"
    assert other not in text
    rates = re.findall(r"[+\u2212-]?\d+[.,]\d{3}", text)
    assert rates, text
    assert all(r[-4] == point for r in rates), rates  # decimal comma in vi, point in en
    assert not any(r.startswith("-") for r in rates), rates   # the true minus sign, never a hyphen
    assert any(r.startswith("\u2212") for r in rates), rates  # Lào Cai has falling indicators
    assert ("D4 Kiểm soát tham nhũng" if lang == "vi" else "D4 Control of Corruption") in text
    assert "2018–2024" in text                        # the comparable series each trend is computed on
    SHOTS.mkdir(parents=True, exist_ok=True)
    grid.screenshot(path=str(SHOTS / f"trends-table-{lang}.png"))
    page.get_by_role("button", name="Quy tắc xếp loại xu hướng" if lang == "vi" else "Trend class rule", exact=True).click()
    body = page.locator('[data-testid="stPopoverBody"]').first
    body.wait_for(timeout=T)
    assert rule in body.inner_text()
    assert ("Dấu hiệu cảnh báo: tăng dài hạn nhưng gần đây giảm." if lang == "vi"
            else "Warning signs: up over the long run but down recently.") in body.inner_text()
    page.screenshot(path=str(SHOTS / f"trends-rule-{lang}.png"))


def _expected(store, cls: str, year: int, lang: str) -> list[str]:
    """The class's provinces as the data layer computes them on the shipped data."""
    from papi_data import provinces, trends
    df = store.scores()
    tr = trends.all_provinces(df, "D4", year)
    names = provinces.names(year, lang)
    return sorted(names.get(c, str(c)) for c in tr[tr["class"] == cls].province_code)


@pytest.mark.parametrize("lang, label", [("vi", "Dấu hiệu cảnh báo"), ("en", "Warning signs")])
def test_overview_trend_filter(server, page, store, lang, label):
    open_page(page, f"{server}/overview?year=2024&indicator=D4&lang={lang}", wait_for=FILTER, timeout=T)
    assert_no_exception(page)
    box = page.locator('[class*="st-key-trend_filter"] [data-testid="stSelectbox"]')
    box.scroll_into_view_if_needed()
    box.click()
    page.get_by_role("option", name=label, exact=True).click()
    shown = page.locator('[class*="st-key-trend_filter"] ~ div [data-testid="stMarkdown"], '
                         '[data-testid="stElementContainer"]:has([class*="st-key-trend_filter"]) + '
                         '[data-testid="stElementContainer"]')
    shown.first.wait_for(timeout=T)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=T)
    page.wait_for_timeout(500)
    said = shown.first.inner_text().strip()
    listed = sorted(s.strip() for s in said.split(","))
    expected = _expected(store, "warning_signs", 2024, lang)
    assert expected, "the shipped data should give some province warning signs in D4"
    assert listed == expected
    count = f"Số tỉnh: {len(expected)}." if lang == "vi" else f"Provinces: {len(expected)}."
    page.get_by_text(count).first.wait_for(timeout=T)   # how many, and what the class means
    screenshot(page, f"trends-filter-{lang}")
    assert "trend_filter=warning_signs" in page.url   # the address keeps the choice
    # a copied link reopens the same list
    open_page(page, page.url, wait_for=FILTER, timeout=T)
    assert_no_exception(page)
    page.get_by_text(said, exact=True).wait_for(timeout=T)
    again = page.locator('[class*="st-key-trend_filter"]')
    shown_value = again.inner_text() + " ".join(i.input_value() for i in again.locator("input").all())
    assert label in shown_value
    screenshot(page, f"trends-filter-link-{lang}")
