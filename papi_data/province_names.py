"""How province names in files compare: the one set of rules used by the
import, the command line and the pages (through `provinces.resolve`).

Two spellings name the same province when they have the same key. The key
ignores case, diacritics (and old/new tone placement, Hoà/Hòa), Unicode form
(NFC/NFD), non-breaking and repeated spaces, hyphens, dots with or without a
space after them ("TP.Hồ Chí Minh"), and an administrative prefix or suffix
("TP.", "Tp", "Thành phố", "Tỉnh", "Province", "City"). Abbreviations
(TP.HCM, TT-Huế, BR-VT), English names and the 34 new units' names are rows
of data/aliases.csv; names an analyst mapped by hand are kept in the store
(`papi_data.db.aliases`) and passed in with `extra`.
"""
from __future__ import annotations

import contextlib
import contextvars
import re
import unicodedata
from functools import lru_cache

from .text import fold

# Longest first, so "thanh pho" wins over "tp" and nothing is cut twice.
_PREFIXES = ("thanh pho ", "tinh ", "tp ", "t p ", "province of ", "province ", "city of ")
_SUFFIXES = (" province", " city", " tinh")
_SEPARATORS = re.compile(r"[\s.\-–—_,;:/()'’`]+")

# What no spelling rule can know: names an analyst mapped, for the import now
# running (set by ingest.parse; a context variable so concurrent imports in
# other threads do not see each other's mappings). era -> {key: code}; a code
# of SKIP means "leave this province's values out".
SKIP = -1
_EXTRA: contextvars.ContextVar[dict[int, dict[str, int]]] = contextvars.ContextVar("papi_extra_aliases",
                                                                                   default={})


@lru_cache(maxsize=8192)  # readers probe every header cell; the same names recur
def key(text: str) -> str:
    """The key under which spellings of one province compare equal."""
    t = unicodedata.normalize("NFKC", str(text))  # NBSP and other compatibility spaces -> space
    t = fold(t)
    t = _SEPARATORS.sub(" ", t).strip()
    for _ in range(2):  # "Tỉnh Thành phố …" occurs; strip at most two prefixes
        for p in _PREFIXES:
            if t.startswith(p) and len(t) > len(p) + 1:
                t = t[len(p):]
                break
        else:
            break
    for s in _SUFFIXES:
        if t.endswith(s) and len(t) > len(s) + 2:
            t = t[: -len(s)]
            break
    return re.sub(r"[^a-z0-9]", "", t)


def extra(era: int) -> dict[str, int]:
    """Mapped names in force for `era` (empty outside an import)."""
    return _EXTRA.get().get(era, {})


@contextlib.contextmanager
def mapped(by_era: dict[int, dict[str, int]] | None):
    """Resolve with the analyst's mappings ({era: {name or key: code}})
    while the block runs."""
    norm = {int(e): {key(n): int(c) for n, c in m.items()} for e, m in (by_era or {}).items()}
    token = _EXTRA.set(norm)
    try:
        yield
    finally:
        _EXTRA.reset(token)
