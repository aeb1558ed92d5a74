"""The plan draft's figures as plain data, from the enriched results frame.
Pure: no database, no wording, numbers stay numbers."""
from __future__ import annotations

import pandas as pd


def results(enriched: pd.DataFrame, province_code: int, year: int) -> dict:
    """Total, rank x/n, tier, change since the year before and the national
    mean of the province's total in `year`."""
    tot = enriched[(enriched["year"] == year) & (enriched["indicator"] == "TOTAL")].dropna(subset=["value"])
    row = tot[tot["province_code"] == province_code].iloc[0]
    prev = enriched[(enriched["year"] == year - 1) & (enriched["indicator"] == "TOTAL")
                    & (enriched["province_code"] == province_code)].dropna(subset=["value"])
    change = float(row["value"] - prev["value"].iloc[0]) if not prev.empty else None
    return {"year": year, "total": float(row["value"]), "rank": int(row["rank"]), "n": int(len(tot)),
            "tier": int(row["tier"]), "change": change, "national_mean": float(tot["value"].mean())}


def appendix(enriched: pd.DataFrame, province_code: int, year: int, order) -> pd.DataFrame:
    """One row per dimension and sub-dimension in `order`: score, change
    since the year before (missing where not comparable), tier and rank x/n."""
    m = enriched[(enriched["province_code"] == province_code) & (enriched["year"] == year)]
    m = m.set_index("indicator").reindex([c for c in order if c != "TOTAL"])
    change = m["change"].where(m["comparable"].fillna(False).astype(bool))
    return pd.DataFrame({"indicator": m.index, "value": m["value"].to_numpy(), "change": change.to_numpy(),
                         "tier": m["tier"].to_numpy(), "rank": m["rank"].to_numpy(),
                         "n": m["n_ranked"].to_numpy()})


def movers(rows: pd.DataFrame, dimensions) -> tuple[str | None, str | None]:
    """The dimensions that rose and fell most (None when none moved that way)."""
    d = rows[rows["indicator"].isin(list(dimensions))].dropna(subset=["change"])
    up, down = d[d["change"] > 0], d[d["change"] < 0]
    return (up.loc[up["change"].idxmax(), "indicator"] if not up.empty else None,
            down.loc[down["change"].idxmin(), "indicator"] if not down.empty else None)
