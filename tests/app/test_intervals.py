"""Differences that are real (AppTest): with an official 2018-on workbook
imported (its 95% intervals and standard errors kept), the profile's trend
and the compare page's bars draw the intervals and say them in the hover,
and the profile's change since last year is judged against its
uncertainty; on the shipped data (no intervals) both say none is known."""
import pytest

from papi_data import ingest
from papi_data.db.scores import Store
from tests.app.plotly_spec import arr, captions, run, specs, trace
from tests.unit import workbooks as W

NONE = {"vi": "Không có khoảng tin cậy cho các giá trị này", "en": "No confidence interval is known for these values"}
VERDICT = {"exceeds": {"vi": "lớn hơn sai số", "en": "larger than its uncertainty"},
           "within": {"vi": "trong phạm vi sai số", "en": "within its uncertainty"},
           "unknown": {"vi": "chưa biết khoảng tin cậy", "en": "no interval known"}}


@pytest.fixture(scope="module")
def with_intervals(tmp_path_factory):
    """A store holding the shipped scores and the 2023 and 2024 sheets of an
    official workbook (W.ci_of: TOTAL ± 0.06, se 0.12 / 3.92 = 0.030612)."""
    import ui.data
    url = f"sqlite:///{tmp_path_factory.mktemp('ci') / 'page.db'}"
    mp = pytest.MonkeyPatch()
    mp.setenv("PAPI_DATABASE_URL", url)
    mp.delenv("PAPI_ANALYST_PASSWORD_HASH", raising=False)
    store = Store(url)
    plan = ingest.prepare(W.indicator_rows([2023, 2024]), "PAPI_2023_2024.xlsx", store, years=[2023, 2024])
    ingest.commit(plan, store, user="test")
    ui.data.store.clear()
    ui.data.clear()
    yield store
    ui.data.store.clear()
    ui.data.clear()
    mp.undo()


def _verdict_caption(at, lang):
    lead = "Thay đổi so với 2023" if lang == "vi" else "Change since 2023"
    return [c for c in captions(at) if c.startswith(lead)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_profile_with_intervals(with_intervals, lang):
    # Lào Cai TOTAL 2023 42.107501 -> 2024 41.748901: −0.3586, beyond 1.96 · √2 · 0.030612 = 0.0849
    at = run("profile", lang=lang, year=2024, province=10)
    assert _verdict_caption(at, lang) == [("Thay đổi so với 2023: " if lang == "vi" else "Change since 2023: ")
                                          + VERDICT["exceeds"][lang]]
    assert at.metric[3].value == ("−0,36" if lang == "vi" else "−0.36")
    rule = " ".join(m.value for m in at.markdown)
    assert ("1,96 · √(se₁² + se₂²)" if lang == "vi" else "1.96 · √(se₁² + se₂²)") in rule and "docs/TRENDS.md" in rule
    trend = specs(at)[0]
    lc = trace(trend, "Lào Cai" if lang == "vi" else "Lao Cai")
    x = lc["x"]
    assert arr(lc["error_y"]["array"])[x.index(2024)] == pytest.approx(0.06)
    assert arr(lc["error_y"]["arrayminus"])[x.index(2023)] == pytest.approx(0.06)
    assert arr(lc["error_y"]["array"])[x.index(2022)] is None                # 2022 was not imported
    assert lc["customdata"][x.index(2024)] == ("<br>95%: 41,69–41,81" if lang == "vi" else "<br>95%: 41.69–41.81")
    assert not any(NONE[lang] in c for c in captions(at))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_profile_change_within_its_uncertainty(with_intervals, lang):
    # Hòa Bình (17): |change| 0.0715 < 0.0849
    at = run("profile", lang=lang, year=2024, province=17)
    assert _verdict_caption(at, lang)[0].endswith(VERDICT["within"][lang])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_compare_bars_with_intervals(with_intervals, lang):
    at = run("compare", lang=lang, year=2024, provinces="10,15,17")
    trend, radar, bars = specs(at)
    (bar,) = bars["data"]
    want = ["Lào Cai", "Yên Bái", "Hòa Bình"] if lang == "vi" else ["Lao Cai", "Yen Bai", "Hoa Binh"]
    assert list(bar["x"]) == want
    assert arr(bar["y"])[0] == pytest.approx(41.748901)
    assert arr(bar["error_y"]["array"]) == pytest.approx([0.06] * 3)
    assert arr(bar["error_y"]["arrayminus"]) == pytest.approx([0.06] * 3)
    assert bar["customdata"][0] == ("<br>95%: 41,69–41,81" if lang == "vi" else "<br>95%: 41.69–41.81")
    assert "%{customdata}" in bar["hovertemplate"]
    assert not any(NONE[lang] in c for c in captions(at))
    # the gaps to Lào Cai are judged, not "no interval known"
    gap = "chênh lệch lớn hơn sai số" if lang == "vi" else "the gap exceeds its uncertainty"
    assert any(gap in c for c in captions(at))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_shipped_data_say_no_interval_known(db, lang):
    """`db`: a store of its own seeded with the shipped scores only."""
    at = run("profile", lang=lang, year=2024, province=10)
    assert _verdict_caption(at, lang)[0].endswith(VERDICT["unknown"][lang])
    assert sum(NONE[lang] in c for c in captions(at)) == 1                  # under the trend
    assert "error_y" not in trace(specs(at)[0], "Lào Cai" if lang == "vi" else "Lao Cai") or \
        trace(specs(at)[0], "Lào Cai" if lang == "vi" else "Lao Cai")["error_y"].get("array") is None
    at = run("compare", lang=lang, year=2024, provinces="10,15,17")
    bars = specs(at)[2]
    assert bars["data"][0].get("error_y", {}).get("array") is None
    assert sum(NONE[lang] in c for c in captions(at)) == 2                  # trend and bars
