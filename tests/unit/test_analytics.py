"""Ranks and tiers: properties over random data, and the documented rule."""
import numpy as np
import pandas as pd
from hypothesis import given, settings, strategies as st

from papi_data import analytics, codebook

values = st.lists(st.floats(min_value=0, max_value=80, allow_nan=False), min_size=1, max_size=70)


def frame(vals, year=2020, indicator="TOTAL"):
    return pd.DataFrame({"year": year, "province_code": range(1, len(vals) + 1),
                         "indicator": indicator, "value": vals})


@settings(max_examples=150, deadline=None)
@given(values)
def test_ranks_and_tiers_partition_and_are_monotone(vals):
    e = analytics.enrich(frame(vals))
    assert len(e) == len(vals) and (e.n_ranked == len(vals)).all()
    assert set(e.tier) <= {1, 2, 3, 4}
    # Every scored province is in exactly one tier (a partition).
    assert e.tier.value_counts().sum() == len(vals)
    # A higher score never has a worse rank or a worse tier.
    s = e.sort_values("value", ascending=False)
    assert s["rank"].is_monotonic_increasing
    assert s["tier"].is_monotonic_increasing
    # Ties share a rank; rank 1 is the best score.
    for v, g in e.groupby("value"):
        assert g["rank"].nunique() == 1
    assert e.loc[e.value.idxmax(), "rank"] == 1
    # Points to the next tier are >= 0 and 0 only for tier 1 (or a tie at the cut).
    assert (e.points_to_next_tier >= 0).all()
    assert (e.loc[e.tier == 1, "points_to_next_tier"] == 0).all()


@settings(max_examples=50, deadline=None)
@given(values, st.sets(st.integers(min_value=0, max_value=69)))
def test_missing_values_are_never_ranked(vals, holes):
    df = frame(vals)
    df.loc[df.index.isin(holes), "value"] = np.nan
    e = analytics.enrich(df)
    scored = df.value.notna().sum()
    assert len(e) == scored
    if scored:
        assert (e.n_ranked == scored).all() and e["rank"].max() <= scored


def test_tier_counts_for_63_match_published_2019_and_2020(enriched):
    for year in (2019, 2020):
        counts = analytics.ranking(enriched, year, "TOTAL").tier.value_counts().sort_index().tolist()
        assert counts == [16, 16, 15, 16]


def test_points_to_next_tier_is_cut_minus_score(enriched):
    r = enriched[(enriched.year == 2018) & (enriched.province_code == 10) & (enriched.indicator == "TOTAL")].iloc[0]
    assert r.tier == 2
    assert abs(r.points_to_next_tier - (r.cut_1 - r.value)) < 1e-12


def test_change_since_previous_year_and_comparability(enriched):
    lc = enriched[(enriched.province_code == 10) & (enriched.indicator == "TOTAL")].set_index("year")
    assert abs(lc.loc[2019, "change"] - (lc.loc[2019, "value"] - lc.loc[2018, "value"])) < 1e-9
    assert lc.loc[2019, "rank_change"] == lc.loc[2018, "rank"] - lc.loc[2019, "rank"]
    assert not lc.loc[2018, "comparable"]      # 60-point scale -> 80-point scale
    assert lc.loc[2019, "comparable"]
    assert pd.isna(lc.loc[2011, "change"])


def test_official_tier_wins_over_computed():
    df = frame([10.0, 9.0, 8.0, 7.0])
    df["tier_official"] = pd.array([None, 1, None, None], dtype="Int64")
    e = analytics.enrich(df).set_index("province_code")
    assert e.loc[2, "tier"] == 1 and e.loc[1, "tier"] == 1 and e.loc[4, "tier"] == 4


def test_codebook_years_and_breaks():
    assert codebook.indicators(2017, "dimension") == [f"D{i}" for i in range(1, 7)]
    assert codebook.indicators(2018, "dimension") == [f"D{i}" for i in range(1, 9)]
    assert codebook.children("D5", 2021) == ["D5.1", "D5.3", "D5.4"]
    assert codebook.children("D8", 2018) == ["D8.1", "D8.2"]
    assert codebook.scale("TOTAL", 2017) == (0, 60) and codebook.scale("TOTAL", 2018) == (0, 80)
    assert not codebook.comparable("TOTAL", 2017, 2018)
    assert codebook.comparable("D1", 2017, 2018)
    assert not codebook.comparable("D3.2", 2020, 2021)
    # A release after the last shipped year continues the latest definitions.
    assert codebook.exists("D8.3", 2025) and not codebook.exists("D3.5", 2025)
