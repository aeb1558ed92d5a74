"""What-if scenarios on a small hand-made frame (figures worked by hand)."""
import pandas as pd
import pytest

from papi_data import codebook, whatif
from tests.unit.workbooks import shipped


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


def test_dimension_and_its_subdimension_together_add_up():
    # D5 5.1 + 0.2 (itself) + 0.3 (via D5.1) = 5.6; TOTAL 40 + 0.2 + 0.3 = 40.5; D5.1 1.0 + 0.3
    v = whatif.new_values(_frame(), 1, 2020, {"D5": 0.2, "D5.1": 0.3})
    assert v == pytest.approx({"D5": 5.6, "D5.1": 1.3, "TOTAL": 40.5})
    # the order the changes come in does not matter
    assert whatif.new_values(_frame(), 1, 2020, {"D5.1": 0.3, "D5": 0.2}) == pytest.approx(v)


def test_subdimension_moves_a_real_province_by_hand():
    # Lào Cai 2020 (shipped history): D5 7.565294, D5.2 1.895092, TOTAL 42.950604
    from papi_data.db.scores import get_store
    v = whatif.new_values(get_store().scores(), 10, 2020, {"D5.2": 0.3})
    assert v == pytest.approx({"D5.2": 2.195092, "D5": 7.865294, "TOTAL": 43.250604}, abs=1e-6)


def test_scenario_text_read_and_written():
    assert whatif.from_text("D5:+0.2,D7:+0.1,D5.2:+0.3", 2020) == ({"D5": 0.2, "D7": 0.1, "D5.2": 0.3}, "")
    assert whatif.as_text({"D5": 0.2, "D7": 0.1, "D5.2": 0.3}) == "D5:+0.2,D7:+0.1,D5.2:+0.3"
    assert whatif.as_text({"D6": -0.15, "D1": 1 / 3, "D2": 0.0}) == "D6:-0.15,D1:+0.3333"
    changes = {"D6": -0.15, "D1.2": 0.25}
    assert whatif.from_text(whatif.as_text(changes), 2020) == (changes, "")


def test_scenario_text_names_what_it_does_not_understand():
    ok, bad = whatif.from_text("d5: 0.2, XX:1,D7:abc,D1:+50,D6,,TOTAL:+1,D5.2:0", 2020)
    assert ok == {"D5": 0.2}                       # lower case and a '+' the address made a space still read
    assert bad == "XX:1,D7:abc,D1:+50,D6,TOTAL:+1"  # unknown, no number, beyond D1's 1–10 scale, no amount, not movable
    assert whatif.from_text("D8:+0.1", 2017)[1] == "D8:+0.1"  # D8 is not part of PAPI 2017


def test_span_and_sentences():
    s = whatif.scenario(_frame(), 1, 2020, {"D5": 0.2})
    sp = whatif.span(s)
    assert (sp.years, sp.best_rank, sp.worst_rank, sp.best_tier, sp.worst_tier) == ((2019,), 1, 1, 1, 1)
    vi, en = (whatif.sentences(s, {"D5": 0.2}, lang) for lang in ("vi", "en"))
    assert vi["assumed"] == "Giả định: D5 +0,20."
    assert vi["result"].startswith("Tổng 40,2000: nhóm Thấp nhất, hạng 5/5") and "như năm 2020" in vi["result"]
    assert en["result"].startswith("Total 40.2000: Low tier, rank 5/5") and "stay as in 2020" in en["result"]
    assert "Under the conditions of 2019: rank 1, High tier." in en["range"]
    s17 = whatif.scenario(_frame(), 2, 2017, {"TOTAL": 1.0})
    assert whatif.span(s17) is None
    assert whatif.sentences(s17, {"TOTAL": 1.0}, "en")["range"] == "No earlier year is comparable with 2017."


def test_a_change_beyond_the_scale_is_refused_not_ranked():
    """A change of the whole scale takes D5.2 past its maximum."""
    from papi_data.whatif import OutOfScale
    df = shipped()
    lo, hi = codebook.scale("D5.2", 2020)
    with pytest.raises(OutOfScale) as e:
        whatif.new_values(df, 10, 2020, {"D5.2": hi - lo})
    assert e.value.code == "D5.2" and e.value.value > hi and e.value.scale == (lo, hi)
    assert whatif.new_values(df, 10, 2020, {"D5.2": 0.1})["D5.2"] <= hi     # within the scale: a result
