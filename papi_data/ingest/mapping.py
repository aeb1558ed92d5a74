"""The analyst's way in for names no rule matches: the unresolved names of
a file (each once, with the closest provinces) and the mapping the analyst
gives back (name -> GSO code, or SKIP to leave that province's values out).
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import provinces
from ..province_names import SKIP, key
from .model import Issue

__all__ = ["SKIP", "Unresolved", "unresolved", "by_era", "parse_map_arg"]


@dataclass(frozen=True)
class Unresolved:
    name: str          # as the file first wrote it
    year: int
    where: list        # (sheet, cell) of every place it occurs
    values: int        # values that cannot be placed until it is mapped
    closest: list      # GSO codes of the closest provinces, best first


def unresolved(issues: list[Issue]) -> list[Unresolved]:
    """Each unknown province name once (spellings with the same key count
    as one), in the order the file shows them."""
    seen: dict[str, dict] = {}
    for i in issues:
        if i.code != "unknown_province":
            continue
        kw = i.kw()
        name = str(kw.get("name", "")).strip()
        k = key(name)
        if not k:
            continue
        year = int(kw.get("year") or i.year or 0) or None
        e = seen.setdefault(k, {"name": name, "year": year, "where": [], "values": 0})
        e["where"].append((i.sheet, i.cell))
        e["values"] += int(kw.get("n") or 1)
        e["year"] = e["year"] or year
    out = []
    for e in seen.values():
        y = e["year"] or 2024
        out.append(Unresolved(e["name"], y, e["where"], e["values"], provinces.suggest_codes(e["name"], y, 5)))
    return out


def by_era(mapping: dict[str, int] | None, saved: dict[int, dict[str, int]] | None = None) -> dict[int, dict[str, int]]:
    """Saved aliases overlaid with this import's mapping (which wins), for
    both maps: a name is mapped for whichever era the file's years use."""
    out = {e: dict(m) for e, m in (saved or {}).items()}
    for era in (63, 34):
        out.setdefault(era, {}).update({key(n): int(c) for n, c in (mapping or {}).items()})
    return out


def parse_map_arg(items: list[str] | None) -> dict[str, int]:
    """`--map "NAME=CODE"` (repeatable; CODE may be 'skip'). ValueError
    naming the bad item."""
    out = {}
    for it in items or []:
        name, sep, code = it.rpartition("=")
        name, code = name.strip(), code.strip().lower()
        if not sep or not name:
            raise ValueError(f"--map wants NAME=CODE, got {it!r}")
        if code in ("skip", "-", "bo qua", "bỏ qua"):
            out[name] = SKIP
        elif code.isdigit():
            out[name] = int(code)
        else:
            raise ValueError(f"--map {it!r}: CODE must be a GSO code or 'skip'")
    return out
