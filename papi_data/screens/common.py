"""What every screen shares: the frames it is built from, the map its
province codes belong to, and missing values as None."""
from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from .. import explore, provinces


class UnitMap(enum.IntEnum):
    """The province map codes refer to: the 63 provinces (to 2024) or the
    34 units formed on 1 July 2025. Codes are reused across the two maps."""
    PROVINCES_63 = 63
    UNITS_34 = 34

    @classmethod
    def of_year(cls, year: int) -> UnitMap:
        """The map the year was scored on."""
        return cls(provinces.era_of(year))


@dataclass(frozen=True, eq=False)
class Frames:
    """The data a screen is built from, for one data version: the enriched
    scores, the national statistics and (for the targets screen) the active
    targets. Shared between sessions: read-only."""
    enriched: pd.DataFrame
    stats: pd.DataFrame
    targets: pd.DataFrame | None = None

    @cached_property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted(int(y) for y in self.enriched["year"].unique()))

    @cached_property
    def target_pairs(self) -> tuple[tuple[int, int], ...]:
        """(province, year) pairs that have plan targets, sorted."""
        tg = self.targets
        if tg is None or tg.empty:
            return ()
        return tuple(sorted({(int(p), int(y)) for p, y in zip(tg["province_code"], tg["year"])}))


def latest(years: tuple[int, ...]) -> int | None:
    return max(years) if years else None


def year_and_map(year: int | None, units: UnitMap | None, frames) -> tuple[int | None, UnitMap | None]:
    """A query's year (None: the latest) and map (None: the year's own; from
    2025 there is one map, so the same screen whichever was asked for)."""
    year = year if year is not None else latest(frames.years)
    if year is None:
        return None, units
    return year, (UnitMap.of_year(year) if units is None or provinces.era_of(year) == 34 else UnitMap(units))


def default_code(year: int, units: UnitMap) -> int:
    """The province a screen opens on: Lào Cai, or the unit containing it."""
    ny = explore.unit_year(year, units)
    return explore.default_province(explore.province_options(ny), ny)


def num(x) -> float | None:
    """A number, or None where the frame holds NaN/NA (or nothing)."""
    if x is None or x is pd.NA:
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def whole(x) -> int | None:
    f = num(x)
    return None if f is None else int(f)


def text(x) -> str | None:
    return None if x is None or (not isinstance(x, str) and pd.isna(x)) else str(x)
