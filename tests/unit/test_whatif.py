"""What-if scenarios on a small hand-made frame (figures worked by hand)."""
import pandas as pd
import pytest

from papi_data import whatif


def _frame():
    rows = []
    # 2020: five provinces; province 1 has D5.1=1.0, D5=5.0, TOTAL=40.0
    totals = {1: 40.0, 2: 41.0, 3: 42.0, 4: 43.0, 5: 44.0}
    for p, t in totals.items():
        rows += [(2020, p, "TOTAL", t), (2020, p, "D5", 5.0 + p / 10), (2020, p, "D7", 5.0)]
    rows.append((2020, 1, "D5.1", 1.0))
    # 2019 (comparable) and 2017 (across the 2017->2018 break: left out)
    for p, t in {2: 39.0, 3: 39.5, 4: 40.0, 5: 40.1}.items():
        rows.append((2019, p, "TOTAL", t))
    for p, t in {2: 50.0, 3: 51.0}.items():
        rows.append((2017, p, "TOTAL", t))
    return pd.DataFrame(rows, columns=["year", "province_code", "indicator", "value"])


def test_subdimension_moves_dimension_and_total():
    v = whatif.new_values(_frame(), 1, 2020, {"D5.1": 0.2, "D7": 0.1})
    assert v == pytest.approx({"D5.1": 1.2, "D5": 5.3, "D7": 5.1, "TOTAL": 40.3})


def test_rank_and_tier_against_others_as_in_year():
    # 40 + 3.5 = 43.5 among 41, 42, 43, 44: rank 2 of 5; pool 41,42,43,43.5,44
    # 75th pct = 43.5 (index 3), so tier 1 (at or above the cut).
    s = whatif.scenario(_frame(), 1, 2020, {"TOTAL": 3.5})
    assert (s.result.rank, s.result.n_ranked, s.result.tier) == (2, 5, 1)
    # 2019 only (2017 is across the definition break): 43.5 beats all -> rank 1, tier 1
    assert [(o.year, o.rank, o.tier) for o in s.history] == [(2019, 1, 1)]
    assert s.top_years() == 1


def test_small_change_stays_low():
    s = whatif.scenario(_frame(), 1, 2020, {"D5": 0.2})
    # 40.2 among 41..44: rank 5, pool 25th pct = 41 -> tier 4
    assert (s.result.rank, s.result.tier) == (5, 4)
    # 2019 pool 39, 39.5, 40, 40.1, 40.2: 75th pct = 40.1 -> tier 1, rank 1
    assert [(o.rank, o.tier) for o in s.history] == [(1, 1)]


def test_unknown_indicator_is_an_error():
    with pytest.raises(KeyError):
        whatif.new_values(_frame(), 1, 2020, {"D3": 0.1})
