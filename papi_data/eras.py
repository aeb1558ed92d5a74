"""Which province a figure of another year belongs to, across 1 July 2025.

A GSO code means a place only together with its era (the 63-province map
up to PAPI 2024, the 34-unit map from 2025): seven new units reuse the code
of a different old province (new Lào Cai is 15, old Yên Bái's code). Every
join of one year's figures to another's goes through here:

- within one era, a code is the same place;
- across the boundary, only a unit the merger left as it was (one former
  province, the same code) is the same place; a merged unit has no previous
  self, and its former provinces are shown beside it, never added up.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import provinces
from .provinces import MERGER_YEAR, era_of
from .text import name_key


@lru_cache(maxsize=64)
def same_territory(new_code: int) -> bool:
    """Whether the 34-map unit `new_code` is one former province unchanged
    (same territory and code; its name may differ: Thừa Thiên Huế -> Huế)."""
    return provinces.predecessors(int(new_code)) == [int(new_code)]


def same_place(code: int, year: int, other_year: int) -> int | None:
    """The code in `other_year` of the place that is `code` in `year`, or None
    when no province of that year is the same territory."""
    if era_of(year) == era_of(other_year):
        return int(code)
    if era_of(year) == 34:
        return int(code) if same_territory(code) else None
    new = provinces.successor(code)
    return int(code) if new is not None and new == int(code) and same_territory(new) else None


@lru_cache(maxsize=64)
def reused_codes() -> tuple[int, ...]:
    """New units whose code was a different old province's (15: Lào Cai,
    formerly Yên Bái's)."""
    out = []
    for c in provinces.in_year(MERGER_YEAR).gso_code:
        old = provinces.name(int(c), MERGER_YEAR - 1)
        if int(c) in provinces.predecessors(int(c)) and name_key(old) not in name_key(provinces.name(int(c), MERGER_YEAR)) \
                and not same_territory(int(c)):
            out.append(int(c))
    return tuple(sorted(out))


def namesake(new_code: int) -> int:
    """The former province a new unit is named after (new Lào Cai 15 ->
    old Lào Cai 10): the one a page without a 34-unit view shows for it."""
    parts = provinces.predecessors(int(new_code))
    key = name_key(provinces.name(int(new_code), MERGER_YEAR))
    for p in parts:
        if name_key(provinces.name(p, MERGER_YEAR - 1)) == key:
            return p
    for p in parts:   # "TP. Hồ Chí Minh" -> "Hồ Chí Minh", "Thừa Thiên Huế" -> "Huế"
        old = name_key(provinces.name(p, MERGER_YEAR - 1))
        if key in old or old in key:
            return p
    return int(new_code) if int(new_code) in parts else parts[0]


@dataclass(frozen=True)
class Moved:
    """A selection carried from one era's map to the other's.

    kind: "same" (the same territory), "merged" (a new unit shown through
    its former provinces `parts`), "part_of" (a former province now part of
    the new unit `unit`)."""
    kind: str
    unit: int           # the code on the 34-unit map
    parts: tuple[int, ...]   # its former provinces (63-map codes)
    code: int           # what the target year's province widget shows
    origin: int         # the code chosen on the other map


def carry(code: int, from_era: int, to_year: int) -> Moved | None:
    """Map a province chosen on `from_era`'s map to the map of `to_year`;
    None when the eras agree (the code is the same place)."""
    if from_era == era_of(to_year):
        return None
    if from_era == 34:   # a new unit, now looked at before 2025
        parts = tuple(provinces.predecessors(code))
        if not parts:
            return None
        if same_territory(code):
            return Moved("same", int(code), parts, int(code), int(code))
        return Moved("merged", int(code), parts, namesake(code), int(code))
    unit = provinces.successor(code)
    if unit is None:
        return None
    parts = tuple(provinces.predecessors(unit))
    return Moved("same" if same_territory(unit) else "part_of", unit, parts, unit, int(code))


def notice(m: Moved, from_era: int, lang: str, showing_parts: bool = True) -> str:
    """What the page says after carrying a selection across 1 July 2025."""
    from .i18n import t
    new = provinces.name(m.unit, MERGER_YEAR, lang)
    former = " + ".join(provinces.name(p, MERGER_YEAR - 1, lang) for p in m.parts)
    if m.kind == "same":
        return t("era_same", lang, new=new, old=provinces.name(m.parts[0], MERGER_YEAR - 1, lang))
    if m.kind == "merged":
        if showing_parts:
            return t("era_merged_parts", lang, new=new, parts=former)
        return t("era_merged_one", lang, new=new, parts=former,
                 old=provinces.name(m.code, MERGER_YEAR - 1, lang))
    return t("era_part_of", lang, new=new, parts=former, old=provinces.name(m.origin, MERGER_YEAR - 1, lang))


def members_before(code: int, year: int) -> list[int]:
    """The 63-map provinces a 34-map unit's figures sit beside in `year`
    (< 2025): itself when unchanged, else its former provinces."""
    if era_of(year) == 34:
        return [int(code)]
    return provinces.predecessors(int(code))


def previous_year(frame):
    """`frame` (year, province_code, ...) shifted to be joined as the year
    before: a 2024 row is kept as 2025's previous only for a unit the merger
    left unchanged, so no new unit is joined to a different old province."""
    prev = frame.copy()
    prev["year"] = prev["year"] + 1
    boundary = prev["year"] == MERGER_YEAR
    return prev[~boundary | prev["province_code"].isin(unchanged_units())]


@lru_cache(maxsize=1)
def unchanged_units() -> frozenset[int]:
    """Codes of the units the merger left as they were (the same on both maps)."""
    return frozenset(int(c) for c in provinces.in_year(MERGER_YEAR).gso_code if same_territory(int(c)))


def ranks_comparable(years):
    """Whether a year's rank compares with the year before's: not across the
    boundary (x/34 against y/61), even for an unchanged unit."""
    return years != MERGER_YEAR
