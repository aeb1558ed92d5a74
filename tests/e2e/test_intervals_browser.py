"""In Chromium, with the 2023 and 2024 sheets of an official 2018-on
workbook imported (95% intervals kept): the compare page's bars carry
error bars and their hover says the interval in the interface language."""
import tempfile
from pathlib import Path

import pytest

from papi_data import ingest
from papi_data.db.scores import Store
from tests.e2e.browser import assert_no_exception, open_page, screenshot, serve
from tests.unit import workbooks as W

pytestmark = pytest.mark.e2e
PLOT = ".js-plotly-plot .main-svg"
WAIT = 180_000          # a slow, shared machine


@pytest.fixture(scope="module")
def with_intervals():
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='papi-e2e-')) / 'ci.db'}"
    store = Store(url)
    plan = ingest.prepare(W.indicator_rows([2023, 2024]), "PAPI_2023_2024.xlsx", store, years=[2023, 2024])
    ingest.commit(plan, store, user="test")
    with serve(db_url=url) as server:
        yield server
    store.dispose()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_compare_bars_show_intervals(with_intervals, page, lang):
    open_page(page, f"{with_intervals}/compare?lang={lang}&year=2024&provinces=10,15,17", wait_for=PLOT,
              timeout=WAIT)
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length >= 3", timeout=WAIT)
    assert_no_exception(page)
    bars = page.locator(".js-plotly-plot").nth(2)
    bars.scroll_into_view_if_needed()
    assert bars.locator(".gtitle").text_content().endswith(", PAPI 2024")
    # three bars, each with its drawn error bar
    assert bars.locator(".trace.bars .point").count() == 3
    assert bars.locator(".errorbar").count() == 3
    assert all(bars.locator(".errorbar path").nth(i).get_attribute("d") for i in range(3))
    # the hover of Lào Cai's bar says its interval (41.688901–41.808901)
    box = bars.locator(".trace.bars .point path").first.bounding_box()
    # just under the bar's top: the axis does not start at 0, so the bar's path runs below the plot area
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 20)
    hover = bars.locator(".hoverlayer .hovertext")
    hover.first.wait_for(timeout=30_000)
    text = hover.first.text_content()   # SVG text: no innerText
    want = "95%: 41,69–41,81" if lang == "vi" else "95%: 41.69–41.81"
    assert want in text, text
    assert ("41,75" if lang == "vi" else "41.75") in text
    none = "Không có khoảng tin cậy" if lang == "vi" else "No confidence interval is known"
    assert none not in page.locator('[data-testid="stCaptionContainer"]').all_inner_texts().__str__()
    bars.screenshot(path=str(screenshot(page, f"intervals-compare-{lang}").with_name(f"intervals-bars-{lang}.png")))


def test_profile_verdict_screenshot(with_intervals, page):
    """For looking: the headline's change with its verdict, the trend's error bars."""
    open_page(page, f"{with_intervals}/profile?lang=vi&year=2024&province=10", wait_for=PLOT, timeout=WAIT)
    assert_no_exception(page)
    assert "lớn hơn sai số" in page.locator('[data-testid="stMain"]').inner_text()
    screenshot(page, "intervals-profile-vi")
    trend = page.locator(".js-plotly-plot").first
    trend.scroll_into_view_if_needed()
    assert trend.locator(".errorbar").count() >= 2                     # 2023 and 2024
    trend.screenshot(path=str(screenshot(page, "intervals-profile-vi").with_name("intervals-trend-vi.png")))
