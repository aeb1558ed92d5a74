"""Interface strings in Vietnamese (default) and English, and number formats.

Strings live in one module per area of the product (common, explore,
targets, imports, export); each maps key -> {"vi": ..., "en": ...}.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for mod in pkgutil.iter_modules(__path__):
        table = importlib.import_module(f"{__name__}.{mod.name}").STRINGS
        dup = merged.keys() & table.keys()
        if dup:
            raise KeyError(f"Interface strings defined twice: {sorted(dup)}")
        merged.update(table)
    return merged


def t(key: str, lang: str = DEFAULT_LANG, **kw) -> str:
    """The string `key` in `lang`, formatted with `kw`; the key if unknown."""
    entry = strings().get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get("en") or key
    return text.format(**kw) if kw else text


def fmt(x, lang: str = DEFAULT_LANG, digits: int = 2, sign: bool = False) -> str:
    """A number for display: decimal comma in Vietnamese, point in English;
    thousands separated by '.' (vi) or ',' (en); the true minus sign, as
    everywhere (papi_data.display). Missing -> '–'."""
    from .. import display
    try:
        return display.number(x, lang, digits, sign=sign)
    except (TypeError, ValueError):
        return "–"


def fmt_rank(rank, n, lang: str = DEFAULT_LANG) -> str:
    if rank is None or n is None or rank != rank:
        return "–"
    return f"{int(rank)}/{int(n)}"
