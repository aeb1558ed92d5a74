"""Text helpers shared by name matching and parsing."""
from __future__ import annotations

import re
import unicodedata

_PREFIXES = ("tinh ", "thanh pho ", "tp ", "tp. ", "province ", "city ")


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese diacritics (đ -> d)."""
    text = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def name_key(text: str) -> str:
    """Key under which spellings of a place name compare equal.

    Ignores case, diacritics (and old/new tone placement such as Hoà/Hòa),
    spacing, hyphens, dots and an administrative prefix ("Tỉnh", "TP.").
    """
    t = fold(text).strip()
    t = re.sub(r"\s+", " ", t)
    for p in _PREFIXES:
        if t.startswith(p) and len(t) > len(p) + 2:
            t = t[len(p):]
            break
    return re.sub(r"[^a-z0-9]", "", t)
