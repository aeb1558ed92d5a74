"""Which weak indicators a plan's tasks address, which tasks are overdue,
and what the linked indicators did in the results after the plan.

Pure functions over the enriched score frame (analytics.enrich: year,
province_code, indicator, value, tier, rank, n_ranked). What the results did
is reported as what happened, never as the tasks' effect.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from .. import codebook, eras
from ..i18n import fmt, t
from .model import Task

WEAK_TIERS = (3, 4)     # the bottom two tiers (Trung bình thấp, Thấp nhất)


@dataclass(frozen=True)
class Weak:
    indicator: str
    year: int
    value: float
    tier: int | None
    low_tier: bool              # in the bottom two tiers
    prev_year: int | None       # the previous comparable year with a value
    change: float | None        # value - value in prev_year
    falling: bool


@dataclass(frozen=True)
class Coverage:
    addressed: dict[str, tuple[Task, ...]]   # weak indicator -> the tasks linked to it
    unaddressed: tuple[str, ...]              # weak indicators no task is linked to


@dataclass(frozen=True)
class Moved:
    indicator: str
    tasks: tuple[str, ...]      # numbers of the tasks linked to the indicator
    base_year: int | None       # the results the plan started from
    next_year: int | None       # the first results after it
    before: float | None
    after: float | None
    change: float | None        # None when either is missing or they do not compare
    comparable: bool
    tier_before: int | None
    tier_after: int | None


def _series(enriched: pd.DataFrame, code: int, indicator: str) -> pd.DataFrame:
    m = enriched[(enriched["province_code"] == code) & (enriched["indicator"] == indicator)]
    return m.dropna(subset=["value"]).sort_values("year")


def _compares(code: int, indicator: str, y1: int, y2: int) -> bool:
    """Same definition of the indicator, and the same place (across the
    2025 merger only a unit the merger left unchanged)."""
    lo, hi = sorted((y1, y2))
    same_place = not (lo < eras.MERGER_YEAR <= hi) or code in eras.unchanged_units()
    return same_place and codebook.comparable(indicator, lo, hi)


def _tier(v) -> int | None:
    return None if v is None or pd.isna(v) else int(v)


def _weak(s: pd.DataFrame, code: int, indicator: str, year: int) -> Weak | None:
    now = s[s["year"] == year]
    if now.empty:
        return None
    row, earlier = now.iloc[0], s[s["year"] < year]
    prev = earlier.iloc[-1] if not earlier.empty else None
    if prev is not None and not _compares(code, indicator, int(prev["year"]), year):
        prev = None
    change = None if prev is None else float(row["value"] - prev["value"])
    tier = _tier(row.get("tier"))
    w = Weak(indicator, year, float(row["value"]), tier, tier in WEAK_TIERS,
             None if prev is None else int(prev["year"]), change, change is not None and change < 0)
    return w if w.low_tier or w.falling else None


def weak_indicators(enriched: pd.DataFrame, code: int, year: int) -> list[Weak]:
    """Dimensions and sub-dimensions of province `code` in `year` that are
    in the bottom two tiers, or lower than in the previous comparable year."""
    codes = [c for c in codebook.indicators(year) if c != "TOTAL"]
    found = (_weak(_series(enriched, code, c), code, c, year) for c in codes)
    return [w for w in found if w is not None]


def _addresses(task: Task, indicator: str) -> bool:
    """Linked to the indicator itself, or to one of its sub-dimensions."""
    return any(c == indicator or (codebook.get(c) is not None and codebook.get(c).parent == indicator)
               for c in task.indicators)


def coverage(tasks: list[Task], weak) -> Coverage:
    """For each weak indicator (Weak records or codes) the tasks linked to it,
    and the weak indicators no task addresses."""
    codes = [w.indicator if isinstance(w, Weak) else w for w in weak]
    addressed = {c: tuple(tk for tk in tasks if _addresses(tk, c)) for c in codes}
    return Coverage({c: ts for c, ts in addressed.items() if ts}, tuple(c for c in codes if not addressed[c]))


def overdue(task: Task, today: dt.date) -> bool:
    """Past its deadline and not done; a recurring task or one without a
    date never is."""
    return task.status != "done" and not task.recurring and task.due is not None and task.due < today


def _moved(s: pd.DataFrame, code: int, indicator: str, plan_year: int, numbers: tuple[str, ...]) -> Moved:
    base, after = s[s["year"] < plan_year], s[s["year"] >= plan_year]
    b = base.iloc[-1] if not base.empty else None
    a = after.iloc[0] if not after.empty else None
    years = (None if b is None else int(b["year"]), None if a is None else int(a["year"]))
    ok = b is not None and a is not None and _compares(code, indicator, *years)
    return Moved(indicator, numbers, *years,
                 None if b is None else float(b["value"]), None if a is None else float(a["value"]),
                 float(a["value"] - b["value"]) if ok else None, ok,
                 None if b is None else _tier(b.get("tier")), None if a is None else _tier(a.get("tier")))


def moved(tasks: list[Task], enriched: pd.DataFrame, code: int, plan_year: int) -> list[Moved]:
    """For each indicator linked to a task, the province's value in the
    results the plan started from (the latest before `plan_year`) and in the
    first results from `plan_year` on, in codebook order."""
    linked: dict[str, list[str]] = {}
    for tk in tasks:
        for c in tk.indicators:
            linked.setdefault(c, []).append(tk.no)
    return [_moved(_series(enriched, code, c), code, c, plan_year, tuple(linked[c]))
            for c in codebook.order(linked)]


def sentence(m: Moved, lang: str = "vi") -> str:
    """What the indicator did, in words: "D2.2 Danh sách hộ nghèo: 1,20
    (2023) → 1,35 (2024), tăng 0,15 điểm." (what happened, not an effect)."""
    name = codebook.name(m.indicator, lang, m.next_year or m.base_year)
    if m.before is None:
        return t("task_moved_no_base", lang, name=name)
    if m.after is None:
        return t("task_moved_none", lang, name=name, base=m.base_year)
    if not m.comparable:
        return t("task_moved_break", lang, name=name, base=m.base_year, next=m.next_year)
    way = "up" if m.change > 0.005 else "down" if m.change < -0.005 else "same"
    return t(f"task_moved_{way}", lang, name=name, before=fmt(m.before, lang), after=fmt(m.after, lang),
             base=m.base_year, next=m.next_year, delta=fmt(abs(m.change), lang))


def caveat(lang: str = "vi") -> str:
    """The line shown with the sentences: they describe, they do not attribute."""
    return t("task_moved_caveat", lang)
