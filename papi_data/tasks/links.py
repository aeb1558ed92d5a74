"""Indicators a task's text speaks of, suggested for the user to confirm.

From data/task_keywords.csv (keyword, indicator, note: reviewable data) and
the codebook's own names of that year, matched without case or diacritics
on whole words. A longer keyword wins over one inside or across it: "môi trường điện
tử" is e-governance, not the environment; "Cổng dịch vụ công" is D8, not D6.
A sub-dimension not defined in the year falls back to its dimension
(People's Inspection Boards: D3.4 until 2017, D3 after); a code the year
does not have is never suggested (D8 before 2018).
"""
from __future__ import annotations

import csv
import re
from dataclasses import replace
from functools import lru_cache

from .. import DATA_DIR, codebook
from ..text import fold
from .model import Task

KEYWORDS_FILE = DATA_DIR / "task_keywords.csv"


def _key(text: str) -> str:
    """Folded words separated by single spaces: 'Thu, chi ngân sách' -> 'thu chi ngan sach'."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


@lru_cache(maxsize=1)
def keywords() -> tuple[tuple[str, str], ...]:
    """(folded keyword, indicator code) rows of the keyword table."""
    with open(KEYWORDS_FILE, encoding="utf-8", newline="") as f:
        return tuple((_key(r["keyword"]), r["indicator"].strip()) for r in csv.DictReader(f) if _key(r["keyword"]))


@lru_cache(maxsize=64)
def _terms(year: int) -> tuple[tuple[str, str], ...]:
    """Keywords and the codebook names of the year's dimensions and
    sub-dimensions, longest first."""
    names = []
    for code in codebook.indicators(year):
        ind = codebook.definition(code, year)
        if ind is not None and ind.level != "total":
            names += [(_key(n), code) for n in (ind.name_vi, ind.name_en) if len(_key(n)) >= 6]
    return tuple(sorted({*keywords(), *names}, key=lambda t: -len(t[0])))


def _matches(text: str, terms) -> list[str]:
    """Codes of the terms found in `text`, skipping a term that overlaps a
    longer one found ("Nhân dân, Ban Thanh tra" holds no "nhân dân bàn")."""
    taken: list[tuple[int, int]] = []
    codes = []
    for term, code in terms:
        for m in re.finditer(rf"(?<![a-z0-9]){re.escape(term)}(?![a-z0-9])", text):
            span = m.span()
            if all(span == t or span[1] <= t[0] or t[1] <= span[0] for t in taken):
                taken.append(span)
                codes.append(code)
    return codes


def _in_year(code: str, year: int) -> str | None:
    """The code, or its dimension when the sub-dimension is not defined that year."""
    if codebook.exists(code, year):
        return code
    ind = codebook.get(code)
    if ind is not None and ind.level == "subdimension" and codebook.exists(ind.parent, year):
        return ind.parent
    return None


def suggest(task_text: str, year: int) -> tuple[str, ...]:
    """Indicator codes (dimensions and sub-dimensions defined in `year`) the
    task's text names, in codebook order."""
    found = {_in_year(c, year) for c in _matches(_key(task_text), _terms(year))}
    return tuple(codebook.order(found - {None}))


def link(tasks: list[Task], year: int) -> list[Task]:
    """The tasks with suggested indicators where none are recorded yet
    (links a user confirmed or edited are kept)."""
    return [t if t.indicators else replace(t, indicators=suggest(t.task, year)) for t in tasks]
