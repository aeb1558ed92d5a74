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
