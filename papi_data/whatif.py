"""What-if: a province's results with chosen changes, re-ranked and
re-tiered against the other provinces as they were in that year, and the
range of outcomes under each earlier comparable year's conditions.

Pure: works on the tidy score frame (year, province_code, indicator, value).
Aggregation follows the codebook tree: a dimension is the sum of its
sub-dimensions and the total the sum of the dimensions, so a change to a
sub-dimension moves its dimension and the total by the same amount.
Tiers here are the quartile tiers of docs/TIERS.md (published groups are
not re-drawn for a hypothetical value).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import analytics, codebook


@dataclass
class Outcome:
    year: int
    value: float
    tier: int
    rank: int
    n_ranked: int


@dataclass
class Scenario:
    province: int
    year: int
    values: dict[str, float]          # indicator -> new value (changed ones and their parents)
    result: Outcome                  # against the other provinces as in `year`
    history: list[Outcome] = field(default_factory=list)  # under each comparable earlier year

    def top_years(self) -> int:
        return sum(1 for o in self.history if o.tier == 1)


def _parents(code: str, year: int) -> list[str]:
    chain, ind = [], codebook.get(code, year)
    while ind is not None and ind.parent and isinstance(ind.parent, str):
        chain.append(ind.parent)
        ind = codebook.get(ind.parent, year)
    return chain


def new_values(df: pd.DataFrame, province: int, year: int, changes: dict[str, float]) -> dict[str, float]:
    """The province's changed indicators and every parent up to the total."""
    own = df[(df.year == year) & (df.province_code == province)].dropna(subset=["value"])
    base = dict(zip(own.indicator, own.value))
    out: dict[str, float] = {}
    for code, delta in changes.items():
        if code not in base:
            raise KeyError(f"{code} has no value for province {province} in {year}")
        for c in [code, *_parents(code, year)]:
            if c in base:
                out[c] = out.get(c, base[c]) + float(delta)
    return out


def evaluate(df: pd.DataFrame, year: int, province: int, indicator: str, value: float) -> Outcome:
    """Tier and rank of `value` among the other provinces' values in `year`."""
    others = df[(df.year == year) & (df.indicator == indicator) & (df.province_code != province)]
    vals = others.dropna(subset=["value"]).value
    pool = pd.DataFrame({"year": year, "indicator": indicator, "value": [*vals, value]})
    cuts = analytics.cut_points(pool)
    tier = int(analytics.assign_tiers(pd.Series([value]), cuts.iloc[[0]])[0])
    rank = int((vals > value).sum()) + 1
    return Outcome(year, float(value), tier, rank, len(vals) + 1)


def scenario(df: pd.DataFrame, province: int, year: int, changes: dict[str, float],
             indicator: str = "TOTAL") -> Scenario:
    values = new_values(df, province, year, changes)
    if indicator not in values:
        raise KeyError(f"{indicator} is not moved by these changes")
    v = values[indicator]
    result = evaluate(df, year, province, indicator, v)
    past = sorted(int(y) for y in df[(df.indicator == indicator) & (df.year < year)].year.unique()
                  if codebook.comparable(indicator, int(y), year))
    history = [evaluate(df, y, province, indicator, v) for y in past]
    return Scenario(province, year, values, result, history)
