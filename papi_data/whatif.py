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


class OutOfScale(ValueError):
    """A change that takes an indicator beyond its scale (D5.2 above its maximum)."""

    def __init__(self, code: str, value: float, scale: tuple[float, float]):
        super().__init__(f"{code} would be {value:.4g}, outside its scale {scale[0]:g}–{scale[1]:g}")
        self.code, self.value, self.scale = code, value, scale


def new_values(df: pd.DataFrame, province: int, year: int, changes: dict[str, float]) -> dict[str, float]:
    """The province's changed indicators and every parent up to the total.
    Raises KeyError when the province has no value to change, OutOfScale
    when a change leaves an indicator's scale."""
    own = df[(df.year == year) & (df.province_code == province)].dropna(subset=["value"])
    base = dict(zip(own.indicator, own.value))
    out: dict[str, float] = {}
    for code, delta in changes.items():
        if code not in base:
            raise KeyError(f"{code} has no value for province {province} in {year}")
        for c in [code, *_parents(code, year)]:
            if c in base:
                out[c] = out.get(c, base[c]) + float(delta)
    for c, v in out.items():
        lo, hi = codebook.scale(c, year) or (float("-inf"), float("inf"))
        if not lo - 1e-9 <= v <= hi + 1e-9:
            raise OutOfScale(c, v, (lo, hi))
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


# ---- a scenario as text: the link's ?whatif=D5:+0.2,D5.2:+0.3 --------------

def choices(year: int) -> list[str]:
    """The indicators a scenario may move in `year`: dimensions and
    sub-dimensions, in codebook order."""
    return [c for c in codebook.indicators(year) if codebook.get(c).level in ("dimension", "subdimension")]


def from_text(raw: str, year: int) -> tuple[dict[str, float], str]:
    """The changes a text names, and the parts it names nothing with
    (joined by ','; '' when all were understood). Each part is CODE:AMOUNT;
    a code not moved in `year`, an amount that is not a number or larger
    than the indicator's whole scale, is not understood. A '+' the address
    turned into a space still reads as a sign; zero changes are dropped."""
    ok, bad = {}, []
    allowed = set(choices(year))
    for part in (p.strip() for p in raw.split(",")):
        if not part:
            continue
        code, sep, amount = part.partition(":")
        code = code.strip().upper()
        try:
            x = float(amount.strip())
        except ValueError:
            x = None
        scale = codebook.scale(code, year) if code in allowed else None
        if not sep or x is None or scale is None or not abs(x) <= scale[1] - scale[0]:
            bad.append(part)
        elif x:
            ok[code] = x
    return ok, ",".join(bad)


def as_text(changes: dict[str, float]) -> str:
    """The text from_text() reads back: 'D5:+0.2,D5.2:+0.3'."""
    return ",".join(f"{c}:{round(float(x), 4):+g}" for c, x in changes.items() if x)


def describe(changes: dict[str, float], lang: str) -> str:
    """The changes for people: 'D5 +0,20; D5.2 +0,30' (decimal comma in Vietnamese)."""
    from . import display
    return "; ".join(f"{c} {display.number(x, lang, sign=True)}" for c, x in changes.items() if x)


@dataclass(frozen=True)
class Span:
    """The outcomes under the earlier comparable years' conditions."""
    years: tuple[int, ...]
    best_rank: int
    worst_rank: int
    best_tier: int
    worst_tier: int


def span(s: Scenario) -> Span | None:
    if not s.history:
        return None
    h = s.history
    return Span(tuple(o.year for o in h), min(o.rank for o in h), max(o.rank for o in h),
                min(o.tier for o in h), max(o.tier for o in h))


def _between(a, b, sep: str = "–") -> str:
    return str(a) if a == b else f"{a}{sep}{b}"


def sentences(s: Scenario, changes: dict[str, float], lang: str) -> dict[str, str]:
    """What the page and the deck say of a scenario, in `lang`: the changes
    assumed, the result if the other provinces stay as in its year, and the
    range of outcomes under the earlier comparable years' conditions."""
    from . import display
    from .analytics import tier_name
    from .i18n import t
    r, sp = s.result, span(s)
    if sp is None:
        ranges = t("wif_no_span", lang, year=s.year)
    else:
        ranges = " ".join((t("whatif_range", lang, top=s.top_years(), n=len(s.history)),
                           t("wif_span", lang, years=", ".join(map(str, sp.years)), ranks=_between(
                               sp.best_rank, sp.worst_rank), tiers=_between(*(tier_name(k, lang) for k in (
                                   sp.best_tier, sp.worst_tier)), sep=" – "))))
    return {"assumed": t("wif_assumed", lang, changes=describe(changes, lang)),
            "result": t("whatif_result", lang, value=display.number(r.value, lang, 4),
                        tier=display.tier(r.tier, lang), rank=display.rank(r.rank, r.n_ranked), year=s.year),
            "range": ranges}
