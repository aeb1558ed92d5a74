"""Screens: hashable queries, defaults resolved from the data, typed models
with None (never NaN) for what is missing, the same in every language;
views drawn from them in one."""
import math
from dataclasses import fields

import pandas as pd
import plotly.graph_objects as go
import pytest

from papi_data import analytics, screens
from papi_data.db import targets
from papi_data.screens import UnitMap, compare, overview, profile
from papi_data.screens import targets as targets_screen


@pytest.fixture(scope="module")
def frames(store, enriched):
    return screens.Frames(enriched, analytics.national_stats(store.scores()), targets.load(store))


def _no_nan(obj):
    for name, value in vars(obj).items():
        assert not (isinstance(value, float) and math.isnan(value)), name


def test_queries_are_hashable_and_equal_for_equal_choices():
    a, b = profile.Query(10, 2019, "TOTAL", UnitMap.PROVINCES_63), profile.Query(10, 2019, "TOTAL", 63)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert compare.Query((10, 15), 2019) == compare.Query((10, 15), 2019)
    assert compare.Query((10, 15), 2019) != compare.Query((15, 10), 2019)
    assert overview.Query(2019, province=10) != overview.Query(2019)
    assert {targets_screen.Query(10, 2019): 1}[targets_screen.Query(10, 2019)] == 1


def test_defaults_are_resolved_from_the_data(frames):
    last = max(frames.years)
    assert overview.Query().resolve(frames) == overview.Query(year=last)
    p = profile.Query().resolve(frames)
    assert p.year == last and p.units == UnitMap.of_year(last) and p.code is not None
    assert profile.Query(year=2019).resolve(frames) == profile.Query(10, 2019, units=UnitMap.PROVINCES_63)
    assert profile.Query(year=2019, units=UnitMap.UNITS_34).resolve(frames).code == 15     # the unit holding Lào Cai
    assert profile.Query(10, 2025, units=63).resolve(frames).units is UnitMap.UNITS_34     # one map from 2025
    assert compare.Query(year=2019).resolve(frames).codes == (10, 15, 19)
    assert targets_screen.Query().resolve(frames) == targets_screen.Query(10, 2019)        # a year with targets
    assert targets_screen.Query(code=87).resolve(frames).year == 2019


def test_build_dispatches_on_the_query_type(frames):
    assert isinstance(screens.build(overview.Query(2019, province=10), frames), overview.Model)
    assert isinstance(screens.build(compare.Query((10, 15), 2019), frames), compare.Model)
    assert isinstance(screens.build(targets_screen.Query(10, 2019), frames), targets_screen.Model)
    with pytest.raises(TypeError):
        screens.build(("overview", 2019), frames)
    assert isinstance(screens.draw(screens.build(compare.Query((10, 15), 2019), frames), "en"), compare.View)
    with pytest.raises(TypeError):
        screens.draw(compare.Query((10, 15), 2019), "en")


def test_profile_model_is_typed_with_none_for_missing(frames):
    m = screens.build(profile.Query(10, 2019), frames)
    assert isinstance(m, profile.Model) and isinstance(m.total, profile.Total)
    assert m.parts == [10] and m.members is None and m.across.rank_before is None
    assert screens.draw(m, "vi").rank_before is None
    assert isinstance(m.total.rank, int) and isinstance(m.total.tier, int)
    _no_nan(m.total)
    first = screens.build(profile.Query(10, min(frames.years)), frames).total    # no year before the first
    assert first.change is None and first.prev_value is None and first.rank_change is None
    unscored = screens.build(profile.Query(87, 2014), frames)                      # Đồng Tháp 2014
    assert unscored.total is None


def test_a_merged_unit_before_2025_is_shown_through_its_parts(frames):
    m = screens.build(profile.Query(15, 2019, units=UnitMap.UNITS_34), frames)
    assert m.total is None and m.members is not None and len(m.parts) > 1 and set(m.subdims) == set(m.parts)
    v = screens.draw(m, "vi")
    assert v.members is not None and set(v.subdims) == set(m.parts)


def test_overview_stats_have_none_not_nan(frames):
    m = screens.build(overview.Query(2019, "TOTAL", 10), frames)
    assert isinstance(m.stats, overview.Stats) and m.stats.n > 0 and screens.draw(m, "vi").map_error is None
    _no_nan(m.stats)
    assert screens.build(overview.Query(1990), frames).stats is None                # nothing scored


def test_targets_model(frames):
    m = screens.build(targets_screen.Query(10, 2019), frames)
    assert m.ev is not None and len(m.targets) == len(m.ev) and m.plans and screens.draw(m, "en").chart is not None
    none = screens.build(targets_screen.Query(1, 2019), frames)
    v = screens.draw(none, "en")
    assert none.ev is None and v.table is None and v.chart is None and none.targets.empty


def _totals(v2024: float) -> pd.DataFrame:
    """Lào Cai's TOTAL 2023 (6.0, se 0.15) and 2024 (se 0.2), enriched enough
    for the verdict (change and comparable)."""
    return pd.DataFrame({"year": [2023, 2024], "province_code": 10, "indicator": "TOTAL", "value": [6.0, v2024],
                         "se": [0.15, 0.2], "change": [None, v2024 - 6.0], "comparable": True})


def test_profile_change_verdict_on_hand_worked_figures():
    # 1.96 * sqrt(0.15² + 0.2²) = 1.96 * 0.25 = 0.49: a change of 0.5 exceeds it, 0.48 does not
    df = _totals(6.5)
    assert profile.change_verdict(df, df.iloc[1], 10, 2024) == {"change_verdict": "exceeds", "change_prev_year": 2023}
    df = _totals(6.48)
    assert profile.change_verdict(df, df.iloc[1], 10, 2024) == {"change_verdict": "within", "change_prev_year": 2023}
    df = _totals(6.5).assign(se=[0.15, None])
    assert profile.change_verdict(df, df.iloc[1], 10, 2024)["change_verdict"] == "unknown"
    assert profile.change_verdict(df, df.iloc[0], 10, 2023) == {}                 # no change: no verdict
    df = _totals(6.5).assign(comparable=False)
    assert profile.change_verdict(df, df.iloc[1], 10, 2024) == {}


def test_profile_and_compare_models_say_no_interval_on_the_shipped_data(frames):
    m = screens.build(profile.Query(10, 2019, "TOTAL"), frames)
    assert (m.change_verdict, m.change_prev_year) == ("unknown", 2018)
    assert screens.draw(m, "en").trend_note == "No confidence interval is known for these values"
    c = screens.draw(screens.build(compare.Query((10, 15), 2019, "TOTAL"), frames), "vi")
    assert list(c.bars.data[0].x) == ["Lào Cai", "Yên Bái"] and c.bars.data[0].error_y.array is None
    assert c.bars_note == c.trend_note == "Không có khoảng tin cậy cho các giá trị này"


QUERIES = [overview.Query(2019, "TOTAL", 10), profile.Query(10, 2019), profile.Query(15, 2019, units=UnitMap.UNITS_34),
           profile.Query(15, 2025), compare.Query((10, 15), 2019, units=UnitMap.UNITS_34), targets_screen.Query(10, 2019)]


def _words_and_figures(value, path="model"):
    """Paths in a model to a figure or to text that is not a code."""
    if isinstance(value, go.Figure):
        yield path
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _words_and_figures(v, f"{path}[{k!r}]")
    elif hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        for f in fields(value):
            if f.name not in ("query", "tier_basis", "tier_source", "sources", "change_sources", "change_verdict"):
                yield from _words_and_figures(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, str):
        yield f"{path} = {value!r}"


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: type(q).__module__.split(".")[-1])
def test_models_hold_numbers_and_codes_and_are_drawn_in_either_language(frames, query):
    assert "lang" not in {f.name for f in fields(query)}       # one model, whatever the language
    m = screens.build(query, frames)
    assert list(_words_and_figures(m)) == []
    vi, en = screens.draw(m, "vi"), screens.draw(m, "en")
    assert vi.model is m and en.model is m
    drawn = [f.name for f in fields(vi) if isinstance(getattr(vi, f.name), go.Figure)]
    assert drawn and all(getattr(vi, f).layout.title.text != getattr(en, f).layout.title.text for f in drawn)


def test_a_series_is_named_when_drawn(frames):
    m = screens.build(profile.Query(15, 2025), frames)       # new Lào Cai: Lào Cai and Yên Bái before 2025
    names = {k.text("en") for k in m.series}
    assert {"Lao Cai (former)", "Yen Bai (former)"} <= names
    assert {tr.name for tr in screens.draw(m, "vi").trend.data} >= {"Lào Cai (cũ)", "Yên Bái (cũ)"}
