"""Proposed targets for a plan year, each with a reason code. Pure: numbers
stay numbers and reasons are codes; wording belongs to the interface.

Reasons: "keep" (already top tier: hold the score), "reach" (reach the next
tier's cut point), "gap" (close a stated share of the gap to that cut
point), "analyst" (a value the analyst typed).
"""
from __future__ import annotations

import math

import pandas as pd

REASONS = ("keep", "reach", "gap", "analyst")
COLUMNS = ["indicator", "baseline_value", "tier", "proposed_value", "proposed_tier", "reason"]


def propose(latest: pd.DataFrame, share: float = 1.0, overrides: dict | None = None) -> pd.DataFrame:
    """One proposal per row of `latest` (indicator, value, tier, next_cut:
    the lowest score of the next better tier, missing in the top tier).
    share in (0, 1]: 1 reaches the cut point, less closes that part of the gap."""
    if not 0 < share <= 1:
        raise ValueError(f"share must be in (0, 1], got {share}")
    overrides = overrides or {}
    rows = []
    for r in latest.itertuples(index=False):
        cut = r.next_cut
        if r.indicator in overrides:
            val, tier, reason = float(overrides[r.indicator]), None, "analyst"
        elif cut is None or (isinstance(cut, float) and math.isnan(cut)) or r.tier == 1:
            val, tier, reason = float(r.value), int(r.tier), "keep"
        elif share == 1:
            val, tier, reason = float(cut), int(r.tier) - 1, "reach"
        else:
            val, tier, reason = float(r.value + share * (cut - r.value)), int(r.tier), "gap"
        rows.append({"indicator": r.indicator, "baseline_value": float(r.value), "tier": int(r.tier),
                     "proposed_value": val, "proposed_tier": tier, "reason": reason})
    return pd.DataFrame(rows, columns=COLUMNS)


def base_year(enriched: pd.DataFrame, province_code: int, plan_year: int) -> int | None:
    """The latest year before plan_year with the province's total score."""
    m = enriched[(enriched["province_code"] == province_code) & (enriched["year"] < plan_year)
                 & (enriched["indicator"] == "TOTAL")].dropna(subset=["value"])
    return int(m["year"].max()) if not m.empty else None


def latest(enriched: pd.DataFrame, province_code: int, year: int) -> pd.DataFrame:
    """The province's scored rows of `year` with the next better tier's cut point."""
    m = enriched[(enriched["province_code"] == province_code) & (enriched["year"] == year)]
    m = m.dropna(subset=["value", "tier"]).copy()
    cuts = {2: "cut_1", 3: "cut_2", 4: "cut_3"}
    m["next_cut"] = [r[cuts[int(r["tier"])]] if int(r["tier"]) in cuts else None for _, r in m.iterrows()]
    return m[["indicator", "value", "tier", "next_cut"]].reset_index(drop=True)
