"""Recognising what a header or label cell means: indicators (by number and
by name, in Vietnamese or English), statistics, provinces and years."""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

from .. import codebook, provinces
from ..text import fold, name_key
from .files import text

YEAR_RE = re.compile(r"(?<!\d)(20[0-9]{2})(?!\d)")

_SUB = re.compile(r"(?:sub[\s-]?dimension|sub[\s-]?index|noi dung thanh phan|chi so thanh phan|thanh phan)"
                  r"\s*(\d{1,2})\s*[.,]\s*(\d{1,2})")
_SUB_LEAD = re.compile(r"^\s*(?:d\s*)?(\d)\s*\.\s*(\d)(?!\d)")
_DIM = re.compile(r"(?:dimension|chi so noi dung|noi dung|pillar|truc)\s*(\d{1,2})(?![\d.,]\d)")
_DIM_LEAD = re.compile(r"^\s*(?:d\s*)?(\d{1,2})\s*[:.)\-–]\s*(?!\d)")
_CODE = re.compile(r"^\s*(total_w|total|tong|d\d{1,2}(?:\.\d{1,2})?)\s*$", re.I)   # total_w: the weighted total, as exported


def years_in(s: str) -> list[int]:
    return [int(y) for y in YEAR_RE.findall(str(s))]


@lru_cache(maxsize=256)
def _name_keys(code: str, year: int) -> tuple[str, ...]:
    ind = codebook.definition(code, year) or codebook.get(code)
    if ind is None:
        return ()
    keys = []
    for nm in (ind.name_vi, ind.name_en):
        if not nm:
            continue
        keys.append(name_key(nm))
        base = re.sub(r"\(.*?\)", "", nm)  # "Quality of (village head) Elections" -> without the aside
        keys.append(name_key(base))
    return tuple(k for k in dict.fromkeys(keys) if len(k) >= 6)


def match_name(label: str, candidates: list[str], year: int) -> str | None:
    """The candidate indicator whose Vietnamese or English name the label
    carries (ignoring case, diacritics and punctuation); None if unsure."""
    key = name_key(re.sub(r"^[^:]*\d\s*[:.)\-–]\s*", "", label)) or name_key(label)
    full = name_key(label)
    best, best_score = None, 0.0
    for code in candidates:
        for k in _name_keys(code, year):
            if k in full or (len(key) >= 8 and key in k):
                score = 1.0 + len(k) / 1000
            else:
                score = difflib.SequenceMatcher(None, key, k).ratio()
            if score > best_score:
                best, best_score = code, score
    return best if best_score >= 0.85 else None


class UnknownIndicator(ValueError):
    def __init__(self, label: str):
        self.label = label
        super().__init__(label)


def indicator_of(label: str, year: int) -> str | None:
    """Code of an indicator label such as 'Dimension 1: Participation…',
    'Chỉ số nội dung 3: …', 'Nội dung thành phần 5.2: …', or the total.
    None when the label is not an indicator (a percent indicator, a note);
    UnknownIndicator when it looks like one that PAPI `year` does not have."""
    f = fold(label)
    m = _SUB.search(f) or _SUB_LEAD.match(f)
    if m:
        dim = f"D{int(m.group(1))}"
        kids = codebook.children(dim, year) if exists(dim, year) else []
        by_name = match_name(label, kids, year) if kids else None
        if by_name:
            return by_name
        code = f"{dim}.{int(m.group(2))}"
        if exists(code, year):
            return code
        raise UnknownIndicator(label)
    m = _DIM.search(f) or _DIM_LEAD.match(f)
    if m:
        code = f"D{int(m.group(1))}"
        if exists(code, year):
            return code
        raise UnknownIndicator(label)
    if is_total(f):
        return "TOTAL"
    return None


def is_total(f: str) -> bool:
    f = fold(f)
    return "papi" in f and any(w in f for w in ("tong hop", "total", "aggregate", "overall", "unweighted",
                                                   "khong co trong so", "score", "diem"))


def stat_of(label: str) -> str:
    """Which statistic a row of the 2018-on layout holds: value (the
    unweighted score), weighted, ci_low, ci_high or se."""
    f = fold(label)
    if re.search(r"standard error|std\.? ?err|sai so chuan|\bse\b|sai so", f):
        return "se"
    if re.search(r"ci[\s_-]*low|lower|can duoi|gioi han duoi|diem thap|thap nhat cua khoang", f):
        return "ci_low"
    if re.search(r"ci[\s_-]*high|upper|can tren|gioi han tren|diem cao|cao nhat cua khoang", f):
        return "ci_high"
    if re.search(r"(?<!un)weighted", f) or (re.search(r"co trong so", f) and not re.search(r"khong co trong so", f)):
        return "weighted"
    return "value"


def code_cell(v, year: int) -> str:
    """An indicator written as a code in the template ('D1.2', 'total')."""
    s = text(v)
    m = _CODE.match(s)
    if not m:
        raise UnknownIndicator(s)
    code = m.group(1).upper()
    if code in ("TONG",):
        code = "TOTAL"
    if not exists(code, year):
        raise UnknownIndicator(s)
    return code


@lru_cache(maxsize=4096)
def exists(code: str, year: int) -> bool:
    return code in codebook.known_codes() and codebook.exists(code, year)


_SUMMARY = ("cao nhat", "thap nhat", "highest", "lowest", "trung binh", "average", "mean", "median",
            "trung vi", "toan quoc", "national", "ca nuoc", "max", "min")


def is_summary_row(label: str) -> bool:
    f = fold(label)
    return any(w in f for w in _SUMMARY)


def province_hint(name: str, year: int) -> list[str]:
    """Closest names, plus where a pre-2025 province went when the file
    scores the 34 new provinces (and the reverse)."""
    return list(_province_hint(name, year))


@lru_cache(maxsize=4096)  # a file may repeat one unknown name on every row
def _province_hint(name: str, year: int) -> tuple[str, ...]:
    out = list(provinces.suggest(name, year))
    if provinces.era_of(year) == 34:
        try:
            old = provinces.resolve(name, 2024)
            new = provinces.successor(old)
            if new is not None:
                out.insert(0, provinces.name(new, year))
        except provinces.UnknownProvince:
            pass
    return tuple(dict.fromkeys(out))[:3]


@lru_cache(maxsize=4)
def _codes(era: int) -> frozenset:
    t = provinces.table()
    return frozenset(int(c) for c in t[t.era == era].gso_code)


def quick_code(v, year: int) -> int | None:
    """GSO code of a province cell (name, alias or code) in `year`'s map,
    or None; no suggestions (cheap enough to probe every header cell)."""
    return provinces.lookup(text(v), year)
