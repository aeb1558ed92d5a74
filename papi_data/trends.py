"""Trend classes (early warning) per province and indicator, after the
Ibrahim Index's six classes, computed within one comparable series only
(never across a definition or scale break; docs/TRENDS.md).

Long-run rate: (last - first) / (years between) over the latest comparable
series. Recent rate: the same over the last RECENT_YEARS survey years of it.
A rate smaller than TOLERANCE of the indicator's scale width per year counts
as no change. Fewer than MIN_YEARS years in the series: "too_short".
"""
from __future__ import annotations

import pandas as pd

from . import codebook

MIN_YEARS = 4
RECENT_YEARS = 3
TOLERANCE = 0.002  # share of the scale width per year
SERIES_START = 2018  # PAPI's 2018 redesign: no trend runs across 2017->2018 for any indicator
CLASSES = ("increasing_improvement", "slowing_improvement", "warning_signs", "bouncing_back",
           "slowing_deterioration", "increasing_deterioration", "no_clear_change", "too_short")


def series(years: list[int], code: str) -> list[int]:
    """The latest run of years with no break of `code` between neighbours."""
    ys = sorted(years)
    run: list[int] = ys[-1:]
    for y in reversed(ys[:-1]):
        if not codebook.comparable(code, y, run[0]) or y < SERIES_START <= run[0]:
            break
        run.insert(0, y)
    return run


def _rate(pts: pd.Series) -> float:
    return (pts.iloc[-1] - pts.iloc[0]) / (pts.index[-1] - pts.index[0])


def classify(long: float, recent: float, tol: float) -> str:
    lg = 0 if abs(long) < tol else (1 if long > 0 else -1)
    rc = 0.0 if abs(recent) < tol else recent
    if lg == 0:
        return "no_clear_change"
    if lg > 0:
        if rc < 0:
            return "warning_signs"
        return "increasing_improvement" if rc >= long else "slowing_improvement"
    if rc > 0:
        return "bouncing_back"
    return "increasing_deterioration" if rc <= long else "slowing_deterioration"


def trend(values: pd.Series, code: str) -> dict:
    """`values`: one province's values of `code` indexed by year."""
    values = values.dropna().sort_index()
    years = series([int(y) for y in values.index], code) if len(values) else []
    row = {"indicator": code, "class": "too_short", "long_rate": None, "recent_rate": None,
           "first_year": years[0] if years else None, "last_year": years[-1] if years else None}
    if len(years) < MIN_YEARS:
        return row
    pts = values.loc[years]
    lo, hi = codebook.scale(code, years[-1]) or (0.0, 10.0)
    long, recent = _rate(pts), _rate(pts.iloc[-RECENT_YEARS:])
    row.update({"class": classify(long, recent, TOLERANCE * (hi - lo)),
                "long_rate": float(long), "recent_rate": float(recent)})
    return row


def province_trends(df: pd.DataFrame, province: int, indicator: str | None = None,
                    up_to: int | None = None) -> pd.DataFrame:
    """The province's trend class of each indicator (or of `indicator`) on
    the years up to `up_to` (all years when None): a page at year Y warns as
    it could have in Y."""
    own = df[df.province_code == province].dropna(subset=["value"])
    if up_to is not None:
        own = own[own.year <= up_to]
    if indicator:
        own = own[own.indicator == indicator]
    rows = [trend(g.set_index("year")["value"], code) for code, g in own.groupby("indicator")]
    out = pd.DataFrame(rows, columns=["indicator", "class", "long_rate", "recent_rate", "first_year", "last_year"])
    return out.set_index("indicator").loc[codebook.order(out.indicator)].reset_index() if len(out) else out


def total_and_dimensions(tr: pd.DataFrame) -> pd.DataFrame:
    """The rows of province_trends() the profile shows: the total and the
    dimensions of the indicator tree (not sub-dimensions, not side
    indicators such as the weighted total)."""
    def shown(code: str) -> bool:
        ind = codebook.get(code)
        return ind is not None and ind.level in ("total", "dimension")
    return tr[tr.indicator.map(shown)] if len(tr) else tr


def all_provinces(df: pd.DataFrame, indicator: str, up_to: int) -> pd.DataFrame:
    """Every province's trend class of `indicator` on the years up to `up_to`."""
    m = df[(df.indicator == indicator) & (df.year <= up_to)].dropna(subset=["value"])
    rows = [{"province_code": int(p), **trend(g.set_index("year")["value"], indicator)}
            for p, g in m.groupby("province_code")]
    return pd.DataFrame(rows, columns=["province_code", "indicator", "class", "long_rate", "recent_rate",
                                       "first_year", "last_year"])
