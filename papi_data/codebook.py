"""The indicator tree (TOTAL > D1..D8 > D1.1..D8.3), the years each exists,
its scale, names in Vietnamese and English, and definition breaks."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from . import DATA_DIR

LEVELS = ("total", "dimension", "subdimension")
# Published figures kept beside the tree, never part of it: PAPI's weighted
# index (TOTAL_W) is not the sum of the dimensions, has no parent and no
# children, and is left out of indicators(year) unless asked for by level.
SIDE_LEVELS = ("weighted",)


@dataclass(frozen=True)
class Indicator:
    code: str
    level: str
    parent: str
    first_year: int
    last_year: int | None
    scale_min: float
    scale_max: float
    name_vi: str
    name_en: str
    notes: str

    def name(self, lang: str = "vi") -> str:
        return self.name_vi if lang == "vi" else self.name_en


@lru_cache(maxsize=1)
def table() -> pd.DataFrame:
    """The codebook, one row per (code, first_year) period."""
    df = pd.read_csv(DATA_DIR / "codebook.csv", dtype={"parent": str, "notes": str}, keep_default_na=False)
    df["last_year"] = pd.to_numeric(df["last_year"], errors="coerce")
    return df


@lru_cache(maxsize=1)
def breaks() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "breaks.csv")


def _row(code: str, year: int) -> pd.Series | None:
    t = table()
    m = t[(t.code == code) & (t.first_year <= year) & (t.last_year.isna() | (t.last_year >= year))]
    return None if m.empty else m.iloc[0]


def latest_period(code: str) -> pd.Series | None:
    t = table()
    m = t[t.code == code]
    return None if m.empty else m.sort_values("first_year").iloc[-1]


@lru_cache(maxsize=4096)  # the codebook is fixed data; pages ask hundreds of times per view
def get(code: str, year: int | None = None) -> Indicator | None:
    """The indicator as defined in `year` (or its latest definition)."""
    r = _row(code, year) if year is not None else latest_period(code)
    if r is None:
        return None
    return Indicator(r.code, r.level, r.parent, int(r.first_year),
                     None if pd.isna(r.last_year) else int(r.last_year),
                     float(r.scale_min), float(r.scale_max), r.name_vi, r.name_en, r.notes)


def known_codes() -> list[str]:
    return order(table().code.unique().tolist())


@lru_cache(maxsize=4096)
def exists(code: str, year: int) -> bool:
    """True when the codebook defines `code` in `year`.

    Periods end at the last published year; a year after the last one is
    taken to continue the latest definition (a new release may add a year).
    """
    if _row(code, year) is not None:
        return True
    last = latest_period(code)
    return last is not None and not pd.isna(last.last_year) and year > last.last_year and last_published_year() == last.last_year


@lru_cache(maxsize=1)
def last_published_year() -> int:
    return int(table().last_year.max())


def definition(code: str, year: int) -> Indicator | None:
    """Like get(), extending the latest period to later years."""
    ind = get(code, year)
    if ind is None and exists(code, year):
        ind = get(code)
    return ind


def scale(code: str, year: int) -> tuple[float, float] | None:
    ind = definition(code, year)
    return None if ind is None else (ind.scale_min, ind.scale_max)


def scales(years) -> pd.DataFrame:
    """(year, indicator, scale_min, scale_max) for every code defined in those
    years, the side indicators (TOTAL_W) included."""
    rows = [(int(y), c, *scale(c, int(y))) for y in years for c in stored(int(y))]
    return pd.DataFrame(rows, columns=["year", "indicator", "scale_min", "scale_max"])


@lru_cache(maxsize=64)
def _indicators(year: int) -> tuple[str, ...]:
    return tuple(order([c for c in table().code.unique() if exists(c, year)]))


def indicators(year: int, level: str | None = None) -> list[str]:
    """Codes of the tree (TOTAL, dimensions, sub-dimensions) defined in
    `year`, in tree order; with `level`, that level's codes (level
    "weighted": TOTAL_W where defined)."""
    codes = list(_indicators(year))
    if level:
        return [c for c in codes if get(c).level == level]
    return [c for c in codes if get(c).level in LEVELS]


def stored(year: int) -> list[str]:
    """Every code a store may hold for `year`: the tree and the side
    indicators (TOTAL_W)."""
    return list(_indicators(year))


@lru_cache(maxsize=1024)
def _children(code: str, year: int) -> tuple[str, ...]:
    t = table()
    kids = t[t.parent == code].code.unique()
    return tuple(order([k for k in kids if exists(k, year)]))


def children(code: str, year: int) -> list[str]:
    return list(_children(code, year))


def order(codes) -> list[str]:
    def key(c: str):
        if c == "TOTAL":
            return (0,)
        if c == "TOTAL_W":
            return (0, 0)
        return (1, *[int(x) for x in c[1:].split(".")])
    return sorted(set(codes), key=key)


def name(code: str, lang: str = "vi", year: int | None = None) -> str:
    ind = get(code, year) or get(code)
    if ind is None:
        return code
    label = ind.name(lang) or ind.name_en
    return label if code in ("TOTAL", "TOTAL_W") else f"{code} {label}"


def short_name(code: str, lang: str = "vi") -> str:
    """A label short enough for a chart title: 'PAPI tổng hợp' / 'D3'."""
    if code == "TOTAL":
        return "PAPI tổng hợp" if lang == "vi" else "PAPI total"
    return code


def breaks_between(code: str, year_from: int, year_to: int) -> pd.DataFrame:
    """Definition breaks of `code` (or its parent chain for TOTAL) taking
    effect after `year_from` and up to `year_to`."""
    b = breaks()
    lo, hi = sorted((year_from, year_to))
    return b[(b.code == code) & (b.year > lo) & (b.year <= hi)]


@lru_cache(maxsize=1)
def _break_years() -> dict[str, tuple[int, ...]]:
    b = breaks()
    return {c: tuple(g.year) for c, g in b.groupby("code")}


def comparable(code: str, year_from: int, year_to: int) -> bool:
    """False when a definition or scale break lies between the two years."""
    lo, hi = sorted((year_from, year_to))
    return not any(lo < y <= hi for y in _break_years().get(code, ()))
