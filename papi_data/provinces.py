"""Provinces: GSO codes, names, aliases, regions and the 2025 lineage.

A GSO code alone is ambiguous: on 1 July 2025 the 63 provinces became 34 and
seven new units reuse the code of a different old one. The PAPI year decides
the era: scores up to 2024 use the 63-province map, from 2025 the 34-province
map.
"""
from __future__ import annotations

import difflib
from functools import lru_cache

import pandas as pd

from . import DATA_DIR
from . import province_names
from .province_names import key as name_key

MERGER_YEAR = 2025  # first PAPI year scored on the 34-province map


class UnknownProvince(ValueError):
    def __init__(self, query: str, year: int | None, suggestions: list[str]):
        self.query, self.year, self.suggestions = query, year, suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Unknown province {query!r}{f' in {year}' if year else ''}.{hint}")


def era_of(year: int) -> int:
    return 34 if year >= MERGER_YEAR else 63


@lru_cache(maxsize=1)
def table() -> pd.DataFrame:
    df = pd.read_csv(DATA_DIR / "provinces.csv")
    df["last_year"] = pd.to_numeric(df["last_year"], errors="coerce")
    return df


@lru_cache(maxsize=1)
def regions() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "regions.csv")


@lru_cache(maxsize=1)
def aliases() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "aliases.csv")


@lru_cache(maxsize=1)
def lineage() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "lineage_2025.csv")


@lru_cache(maxsize=2)
def _neighbour_pairs(era: int) -> frozenset[tuple[int, int]]:
    """Land borders between provinces (data/neighbours.csv, the 63-province
    map). The 34 units of 1 July 2025 border where their former provinces did:
    merging keeps every outer border."""
    df = pd.read_csv(DATA_DIR / "neighbours.csv")
    pairs = set(zip(df.code_a, df.code_b))
    if era == 34:
        new = dict(zip(lineage().old_gso_code, lineage().new_gso_code))
        pairs = {(new[a], new[b]) for a, b in pairs if new[a] != new[b]}
    return frozenset((int(min(a, b)), int(max(a, b))) for a, b in pairs)


def neighbours(code: int, year: int) -> list[int]:
    """The provinces sharing a land border with `code` on `year`'s map (GSO order)."""
    pairs = _neighbour_pairs(era_of(year))
    return sorted({b for a, b in pairs if a == code} | {a for a, b in pairs if b == code})


def in_year(year: int) -> pd.DataFrame:
    """Provinces of the map that applies to `year`."""
    t = table()
    return t[t.era == era_of(year)].reset_index(drop=True)


@lru_cache(maxsize=4)
def _alias_index(era: int) -> dict[str, int]:
    a = aliases()
    a = a[a.era == era]
    return {name_key(n): int(c) for n, c in zip(a.alias, a.gso_code)}


def resolve(query, year: int) -> int:
    """GSO code of a province named or coded as `query` in `year`'s map.

    Accepts Vietnamese names with or without diacritics, English names,
    common aliases and GSO codes. Raises UnknownProvince with suggestions.
    """
    q = str(query).strip()
    codes = set(in_year(year).gso_code)
    if q.isdigit():
        if int(q) in codes:
            return int(q)
        raise UnknownProvince(q, year, [])
    code = lookup(q, year)
    if code is not None and code != province_names.SKIP:
        return code
    raise UnknownProvince(q, year, suggest(q, year))


def lookup(query, year: int) -> int | None:
    """GSO code of a name or code in `year`'s map, or None (no suggestions:
    cheap enough to probe every header cell). Names an analyst mapped for
    the running import come first; they may say province_names.SKIP."""
    q = str(query).strip()
    if not q:
        return None
    era = era_of(year)
    if q.isdigit():
        return int(q) if int(q) in _codes(era) else None
    k = name_key(q)
    hit = province_names.extra(era).get(k)
    return hit if hit is not None else _alias_index(era).get(k)


@lru_cache(maxsize=4)
def _codes(era: int) -> frozenset:
    t = table()
    return frozenset(int(c) for c in t[t.era == era].gso_code)


def suggest_codes(query: str, year: int, n: int = 3) -> list[int]:
    """Codes of the provinces whose names are closest to `query`."""
    idx = _alias_index(era_of(year))
    close = difflib.get_close_matches(name_key(query), list(idx), n=12, cutoff=0.4)
    return list(dict.fromkeys(idx[k] for k in close))[:n]


def suggest(query: str, year: int, n: int = 3) -> list[str]:
    """Closest official names to a misspelt province name."""
    idx = _alias_index(era_of(year))
    close = difflib.get_close_matches(name_key(query), list(idx), n=8, cutoff=0.5)
    return list(dict.fromkeys(name(idx[k], year) for k in close))[:n]


def name(code: int, year: int, lang: str = "vi") -> str:
    t = table()
    row = t[(t.gso_code == int(code)) & (t.era == era_of(year))]
    if row.empty:
        return str(code)
    return row.iloc[0]["name_vi" if lang == "vi" else "name_en"]


def names(year: int, lang: str = "vi") -> dict[int, str]:
    t = in_year(year)
    return dict(zip(t.gso_code, t["name_vi" if lang == "vi" else "name_en"]))


def region_of(code: int, year: int) -> str:
    t = table()
    row = t[(t.gso_code == int(code)) & (t.era == era_of(year))]
    return "" if row.empty else row.iloc[0]["region"]


def predecessors(new_code: int) -> list[int]:
    """Old (63-map) GSO codes that formed the new (34-map) unit `new_code`."""
    lin = lineage()
    return sorted(lin[lin.new_gso_code == int(new_code)].old_gso_code.tolist())


def successor(old_code: int) -> int | None:
    lin = lineage()
    m = lin[lin.old_gso_code == int(old_code)]
    return None if m.empty else int(m.new_gso_code.iloc[0])
