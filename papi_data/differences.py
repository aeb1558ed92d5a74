"""Is a difference real? A change from last year or a gap between two
provinces against its uncertainty (docs/TRENDS.md, "Differences").

Rule: with both standard errors, the difference exceeds its uncertainty when
|d| > 1.96 * sqrt(se1² + se2²) (a two-sided z-test at 5%). Failing that,
with both 95% intervals, when the intervals do not overlap (stricter than
the z-test: overlapping intervals may still differ). Otherwise "unknown".
"""
from __future__ import annotations

import math

import pandas as pd

Z95 = 1.96
EXCEEDS, WITHIN, UNKNOWN = "exceeds", "within", "unknown"


def _num(x) -> float | None:
    return None if x is None or pd.isna(x) else float(x)


def verdict(a: dict, b: dict) -> tuple[str, str | None]:
    """(verdict, method) for the difference a.value - b.value; each side a
    mapping with value and optionally se, ci_low, ci_high."""
    se1, se2 = _num(a.get("se")), _num(b.get("se"))
    d = float(a["value"]) - float(b["value"])
    if se1 is not None and se2 is not None:
        return (EXCEEDS if abs(d) > Z95 * math.sqrt(se1 ** 2 + se2 ** 2) else WITHIN), "z"
    lo1, hi1, lo2, hi2 = (_num(a.get("ci_low")), _num(a.get("ci_high")), _num(b.get("ci_low")), _num(b.get("ci_high")))
    if None not in (lo1, hi1, lo2, hi2):
        return (EXCEEDS if hi1 < lo2 or hi2 < lo1 else WITHIN), "ci_overlap"
    return UNKNOWN, None


def _row(df: pd.DataFrame, year: int, province: int, indicator: str) -> dict | None:
    m = df[(df.year == year) & (df.province_code == province) & (df.indicator == indicator)]
    return None if m.empty else m.iloc[0].to_dict()


def change(df: pd.DataFrame, province: int, indicator: str, year: int, prev_year: int) -> tuple[str, str | None]:
    a, b = _row(df, year, province, indicator), _row(df, prev_year, province, indicator)
    return (UNKNOWN, None) if a is None or b is None else verdict(a, b)


def gap(df: pd.DataFrame, year: int, indicator: str, p1: int, p2: int) -> tuple[str, str | None]:
    a, b = _row(df, year, p1, indicator), _row(df, year, p2, indicator)
    return (UNKNOWN, None) if a is None or b is None else verdict(a, b)
