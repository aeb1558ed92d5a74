"""PAPI's weighted total (TOTAL_W): stored and ranked on its own, never in
the indicator tree, never checked as a sum, never moved by a what-if."""
import pandas as pd
import pytest

from papi_data import analytics, codebook, consistency, explore, whatif
from papi_data.i18n import fmt
from papi_data.ingest import present
from tests.unit.workbooks import shipped


@pytest.mark.parametrize("year", [2011, 2016, 2017, 2018, 2024])
def test_weighted_total_is_stored_but_not_in_the_tree(year):
    assert codebook.indicators(year, "weighted") == ["TOTAL_W"]
    assert "TOTAL_W" in codebook.stored(year) and "TOTAL_W" in codebook.known_codes()
    assert "TOTAL_W" not in codebook.indicators(year)
    assert "TOTAL_W" not in codebook.indicators(year, "dimension") + codebook.children("TOTAL", year)
    assert "TOTAL_W" not in explore.indicator_options(year) and "TOTAL_W" not in whatif.choices(year)
    ind = codebook.get("TOTAL_W", year)
    assert ind.level == "weighted" and not ind.parent and ind.scale_max == codebook.get("TOTAL", year).scale_max
    assert codebook.name("TOTAL_W", "vi") == "Chỉ số PAPI tổng hợp có trọng số"
    assert codebook.name("TOTAL_W", "en") == "PAPI aggregate score (weighted)"
    assert "not the sum of the dimensions" in ind.notes


def test_weighted_total_breaks_with_the_scale_like_the_total():
    assert not codebook.comparable("TOTAL_W", 2017, 2018) and codebook.comparable("TOTAL_W", 2015, 2016)


def _with_weighted(year: int) -> pd.DataFrame:
    df = shipped()
    df = df[df.year == year][["year", "province_code", "indicator", "value"]]
    tot = df[df.indicator == "TOTAL"]
    # the weighted total in the reverse order of the total: a mix-up would show
    w = tot.assign(indicator="TOTAL_W", value=tot.value.max() + tot.value.min() - tot.value)
    return pd.concat([df, w], ignore_index=True)


def test_weighted_total_is_never_checked_as_a_sum():
    df = _with_weighted(2016)
    assert consistency.problems(df) == []            # TOTAL_W differs from D1+..+D6 for every province
    sums = consistency.sum_problems(df.assign(value=df.value.where(df.indicator != "TOTAL", df.value + 1)), 1e-4)
    assert sums and {p.indicator for p in sums} == {"TOTAL"}
    # its scale is checked like any indicator's
    bad = df.assign(value=df.value.where(df.indicator != "TOTAL_W", 61.0))
    assert {p.kind for p in consistency.problems(bad)} == {"scale"}


def test_weighted_total_is_ranked_on_its_own():
    e = analytics.enrich(_with_weighted(2016))
    w = e[e.indicator == "TOTAL_W"].set_index("province_code")
    t = e[e.indicator == "TOTAL"].set_index("province_code")
    assert (w.n_ranked == len(w)).all() and (t.n_ranked == len(t)).all() and len(w) == len(t)
    best_t, best_w = t["rank"].idxmin(), w["rank"].idxmin()
    assert best_t != best_w and w.loc[best_t, "rank"] == len(w) and t.loc[best_w, "rank"] == len(t)


def test_what_if_does_not_move_the_weighted_total():
    df = _with_weighted(2016)
    v = whatif.new_values(df, 10, 2016, {"D1.1": 0.1})
    assert set(v) == {"D1.1", "D1", "TOTAL"}


def test_data_download_includes_the_weighted_total():
    df = _with_weighted(2016).assign(ci_low=None, ci_high=None, se=None, source="test")
    out = present.current_data(df, "en")
    assert (out.indicator == "TOTAL_W").sum() == (df.indicator == "TOTAL_W").sum() > 0
    assert b"TOTAL_W" in present.to_csv(out)


def test_profile_tables_and_trends_keep_it_apart():
    e = analytics.enrich(_with_weighted(2016))
    table = explore.subdimension_table(e, 10, 2016, "en")
    names = list(table.iloc[:, 0])
    assert len(names) == len(codebook.indicators(2016)) - 1 and not [n for n in names if "weighted" in n]
    from papi_data.screens import profile
    line = profile.weighted_line(profile.weighted(e, 10, 2016), 2016, "vi")
    w = e[(e.indicator == "TOTAL_W") & (e.province_code == 10)].iloc[0]
    assert line.startswith(f"Chỉ số có trọng số (theo công bố): {fmt(w.value, 'vi')}"
                           f" — hạng {int(w['rank'])}/{int(w.n_ranked)}")
    assert profile.weighted(analytics.enrich(shipped()[lambda d: d.year == 2016]), 10, 2016) is None


def test_trend_table_template_codes_and_targets_keep_it_apart():
    from papi_data import targets, trends
    from papi_data.ingest.labels import code_cell
    df = pd.concat([_with_weighted(y) for y in (2013, 2014, 2015, 2016)], ignore_index=True)
    tr = trends.province_trends(df, 10)
    assert "TOTAL_W" in set(tr.indicator)                    # it has its own trend ...
    shown = trends.total_and_dimensions(tr)
    assert "TOTAL_W" not in set(shown.indicator) and "TOTAL" in set(shown.indicator)   # ... not in the profile's table
    assert code_cell("total_w", 2016) == "TOTAL_W" and code_cell("TOTAL", 2016) == "TOTAL"   # a download re-imports
    rows = [{"province_code": 10, "year": 2016, "indicator": "TOTAL_W", "kind": "value", "value": 40.0}]
    issues = targets.problems(rows, "en")
    assert len(issues) == 1 and "TOTAL_W" in issues[0]        # no targets on a side indicator
    assert (analytics.coverage(_with_weighted(2016)).indicators == len(codebook.indicators(2016))).all()
