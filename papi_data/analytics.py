"""Ranks, tiers, national statistics, changes and gaps: pure functions over
the tidy score frame (year, province_code, indicator, value, ...).

Tier rule (documented in docs/TIERS.md): for each year and indicator, the
cut points are the 25th, 50th and 75th percentiles of the scored provinces'
values (linear interpolation, pandas' default). A province is in tier 1
(Cao nhất) when its value is at or above the 75th percentile, tier 2 at or
above the median, tier 3 at or above the 25th percentile, otherwise tier 4.
An official group carried by an imported file (tier_official) wins, and a
published group on record (papi_data.official_tiers) wins over both.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import codebook, eras, official_tiers

GROUP = ["year", "indicator"]
TIER_NAMES = {
    "vi": {1: "Cao nhất", 2: "Trung bình cao", 3: "Trung bình thấp", 4: "Thấp nhất"},
    "en": {1: "High", 2: "High-average", 3: "Low-average", 4: "Low"},
}
QUANTILES = (0.75, 0.50, 0.25)  # cut points of tiers 1|2, 2|3, 3|4


def tier_name(tier, lang: str = "vi") -> str:
    return "" if tier is None or pd.isna(tier) else TIER_NAMES[lang][int(tier)]


def cut_points(df: pd.DataFrame) -> pd.DataFrame:
    """Per (year, indicator): cut_1 (75th pct), cut_2 (median), cut_3 (25th pct)."""
    scored = df.dropna(subset=["value"])
    if scored.empty:
        return pd.DataFrame(columns=[*GROUP, "cut_1", "cut_2", "cut_3"])
    q = scored.groupby(GROUP)["value"].quantile(list(QUANTILES)).unstack()
    q.columns = ["cut_1", "cut_2", "cut_3"]
    return q.reset_index()


def national_stats(df: pd.DataFrame) -> pd.DataFrame:
    """Per (year, indicator): n, mean, median, min, max and the cut points."""
    scored = df.dropna(subset=["value"])
    g = scored.groupby(GROUP)["value"]
    stats = g.agg(n="count", mean="mean", median="median", min="min", max="max").reset_index()
    return stats.merge(cut_points(scored), on=GROUP)


def assign_tiers(values: pd.Series, cuts: pd.DataFrame) -> np.ndarray:
    """Tier 1..4 for each value given aligned cut_1..cut_3 columns."""
    v = values.to_numpy()
    return np.select([v >= cuts["cut_1"].to_numpy(), v >= cuts["cut_2"].to_numpy(),
                      v >= cuts["cut_3"].to_numpy()], [1, 2, 3], 4)


def enrich(df: pd.DataFrame, groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add rank, n_ranked, cut points, tier, points_to_next_tier and the
    change against the previous year (value, rank, comparable).

    Only rows with a value are ranked; ranks are 1 = best, ties share the
    best rank (method "min"), out of the provinces scored that year.
    `groups`: published group records (official_tiers; default: shipped).
    """
    out = df.dropna(subset=["value"]).copy()
    if out.empty:
        return out.reindex(columns=[*out.columns, "rank", "n_ranked", "cut_1", "cut_2", "cut_3", "tier",
                                    "points_to_next_tier", "prev_value", "prev_rank", "prev_n_ranked",
                                    "change", "rank_change", "comparable"])
    g = out.groupby(GROUP)["value"]
    out["rank"] = g.rank(method="min", ascending=False).astype("int64")
    out["n_ranked"] = g.transform("count").astype("int64")
    out = out.merge(cut_points(out), on=GROUP, how="left")
    computed = assign_tiers(out["value"], out)
    if "tier_official" in out:
        official = out["tier_official"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
        out["tier"] = np.where(np.isnan(official), computed, official).astype("int64")
    else:
        out["tier"] = computed.astype("int64")
    out["points_to_next_tier"] = points_to_next_tier(out)
    # Published groups, where PAPI's are on record, replace the quartile
    # tiers; computed ones near a cut point are flagged (docs/TIERS.md).
    out = official_tiers.apply(out, groups)

    # The previous year of the same place (code and era: across 1 July 2025
    # only an unchanged unit has one); ranks are not compared across maps.
    prev = eras.previous_year(out[["year", "province_code", "indicator", "value", "rank", "n_ranked"]])
    out = out.merge(prev.rename(columns={"value": "prev_value", "rank": "prev_rank", "n_ranked": "prev_n_ranked"}),
                    on=["year", "province_code", "indicator"], how="left")
    out["change"] = out["value"] - out["prev_value"]
    out["rank_change"] = (out["prev_rank"] - out["rank"]).where(eras.ranks_comparable(out["year"]))  # + = moved up
    comparable = {(c, y): codebook.comparable(c, y - 1, y)
                  for c, y in out[["indicator", "year"]].drop_duplicates().itertuples(index=False)}
    out["comparable"] = [comparable[(c, y)] for c, y in zip(out["indicator"], out["year"])]
    return out


def points_to_next_tier(df: pd.DataFrame) -> pd.Series:
    """That year's cut point of the tier above minus the score (0 in tier 1)."""
    cut_above = np.select([df["tier"] == 2, df["tier"] == 3, df["tier"] == 4],
                          [df["cut_1"], df["cut_2"], df["cut_3"]], np.nan)
    pts = cut_above - df["value"].to_numpy()
    return pd.Series(np.where(df["tier"] == 1, 0.0, np.maximum(pts, 0.0)), index=df.index)


def ranking(enriched: pd.DataFrame, year: int, indicator: str) -> pd.DataFrame:
    """One year's ranking of one indicator, best first."""
    m = enriched[(enriched["year"] == year) & (enriched["indicator"] == indicator)]
    return m.sort_values(["rank", "province_code"]).reset_index(drop=True)


def _in_tree(code: str) -> bool:
    ind = codebook.get(code)
    return ind is not None and ind.level in codebook.LEVELS


def coverage(df: pd.DataFrame) -> pd.DataFrame:
    """Per year: provinces with any score, with a TOTAL, and indicators present."""
    g = df.groupby("year")
    cov = pd.DataFrame({
        "provinces": g["province_code"].nunique(),
        "provinces_with_total": df[df["indicator"] == "TOTAL"].groupby("year")["province_code"].nunique(),
        "indicators": df[df["indicator"].map(_in_tree)].groupby("year")["indicator"].nunique(),
        "values": g.size(),
    }).fillna(0).astype("int64")
    return cov.reset_index()
