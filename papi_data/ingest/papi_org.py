"""The papi.org.vn data download (2011–2016): one sheet per year
(`2011_PAPI` … `2016_PAPI`), two header rows (English, then Vietnamese),
columns `tinhid` (the GSO code), `tentinh_eng`, `tentinh_vie`, then each
dimension followed by its sub-dimensions, the total last; after the
provinces a summary row (code 999, "Highest" / "Điểm cao nhất") of
`=PERCENTILE(...)` formulas.

Headers are matched on content (the English and Vietnamese names together,
so a typo in one language is carried by the other; the 2016 sheet heads
its total `Un-weighted2015PAPI`). A weighted total column ("Weighted PAPI",
"Chỉ số PAPI có trọng số"), where a sheet has one, is stored as its own
indicator TOTAL_W, never as TOTAL. A sub-dimension is looked for first among
the children of the dimension column before it. The code column identifies
the province; the names are checked against it. Summary rows are skipped
and named in the report.
"""
from __future__ import annotations

import re

from .. import codebook, provinces
from ..text import fold
from .files import NotANumber, Sheet, a1, number, text
from .labels import (UnknownIndicator, _codes, indicator_of, is_summary_row, match_name, province_hint,
                     quick_code, years_in)
from . import groups
from .model import issue
from .province_rows import group_of, row_groups, row_values, zero_note

HEADER_SCAN = 8
SUMMARY_CODES = {999, 998, 0}


def _key(v) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text(v)))


def _header_row(sheet: Sheet) -> int | None:
    """The row holding `tinhid` (or another code label) and a province-name column label."""
    for r, row in enumerate(sheet.rows[:HEADER_SCAN]):
        keys = [_key(v) for v in row[:6]]
        has_code = any(k in ("tinhid", "matinh", "provinceid", "gsocode", "provincecode") for k in keys)
        has_name = any(k.startswith("tentinh") or k in ("province", "provincename", "tinhthanhpho") for k in keys)
        if has_code and has_name:
            return r
    return None


def _first_data(sheet: Sheet, hdr: int, code_col: int) -> int:
    for r in range(hdr + 1, min(len(sheet.rows), hdr + HEADER_SCAN)):
        if text(sheet.rows[r][code_col]).isdigit():
            return r
    return hdr + 1


def _columns(sheet: Sheet):
    """(header row, first data row, code column, name columns, {col: header text})."""
    hdr = _header_row(sheet)
    if hdr is None:
        return None
    row = sheet.rows[hdr]
    keys = [_key(v) for v in row]
    code_col = next(c for c, k in enumerate(keys[:6]) if k in ("tinhid", "matinh", "provinceid", "gsocode",
                                                               "provincecode"))
    name_cols = [c for c, k in enumerate(keys[:6]) if k.startswith("tentinh") or k in ("province", "provincename",
                                                                                       "tinhthanhpho")]
    first = _first_data(sheet, hdr, code_col)
    heads = {}
    for c in range(max([code_col] + name_cols) + 1, len(row)):
        parts = [text(sheet.rows[r][c]) for r in range(hdr, first) if text(sheet.rows[r][c])]
        if parts:
            heads[c] = " / ".join(parts)
    return hdr, first, code_col, name_cols, heads


def _total(h: str) -> str | None:
    """'total', 'weighted' or None for a header such as 'Un-weighted2015PAPI'."""
    k = _key(h)
    if "papi" not in k and "chiso" not in k:
        return None
    if "khongcotrongso" in k or "unweighted" in k:
        return "total"
    if "weighted" in k or "cotrongso" in k:
        return "weighted"
    if any(w in k for w in ("total", "tonghop", "aggregate", "index")):
        return "total"
    return None


def _match(h: str, year: int, current: str | None) -> str | None:
    """Code of a header, trying the children of the dimension before it first."""
    try:
        code = indicator_of(h, year)
    except UnknownIndicator:
        code = None
    if code is not None and code != "TOTAL":
        return code
    kind = _total(h)
    if kind == "weighted":
        return "TOTAL_W" if codebook.exists("TOTAL_W", year) else "weighted"
    if kind:
        return "TOTAL"
    kids = codebook.children(current, year) if current else []
    return (match_name(h, kids, year) if kids else None) or match_name(
        h, codebook.indicators(year, "dimension"), year) or match_name(
        h, codebook.indicators(year, "subdimension"), year)


def plan(sheet: Sheet, year: int) -> dict[int, str]:
    """Column -> indicator code (unknown headers map to ''; the weighted
    total maps to TOTAL_W)."""
    cols = _columns(sheet)
    if cols is None:
        return {}
    *_, heads = cols
    out, current = {}, None
    for c, h in heads.items():
        code = _match(h, year, current)
        if code == "weighted":
            continue
        out[c] = code or ""
        if code and codebook.get(code) is not None and codebook.get(code).level == "dimension":
            current = code
    return out


def looks_like(sheet: Sheet, file_name: str = "") -> bool:
    """A sheet with a tinhid/name header and dimensions and their
    sub-dimensions side by side (the 2011–2017 workbooks put the
    sub-dimensions on other sheets: that is province_rows)."""
    if _columns(sheet) is None:
        return False
    year = sheet_year(sheet, file_name) or 2016
    codes = [c for c in plan(sheet, year).values() if c]
    levels = [codebook.get(c).level for c in codes if codebook.get(c) is not None]
    return levels.count("dimension") >= 2 and levels.count("subdimension") >= 4


def sheet_year(sheet: Sheet, file_name: str) -> int | None:
    ys = years_in(sheet.name)
    if ys:
        return ys[0]
    ys = set(years_in(file_name))
    return ys.pop() if len(ys) == 1 else None


def read(sheet: Sheet, year: int, file_name: str):
    """Records and issues of one year's sheet, and the rows skipped as summaries."""
    records, issues, skipped = [], [], []
    hdr, first, code_col, name_cols, heads = _columns(sheet)
    cols = plan(sheet, year)
    group_cols = [c for c in cols if groups.is_group_header(heads[c])]
    cols = {c: k for c, k in cols.items() if c not in group_cols}
    valid = _codes(provinces.era_of(year))
    for c, code in cols.items():
        if not code:
            n = sum(1 for r in range(first, len(sheet.rows)) if _is_value(sheet.rows[r][c]))
            issues.append(issue("unknown_indicator", file_name, sheet.name, a1(hdr, c), label=heads[c][:80],
                                year=year, n=n))
    cols = {c: k for c, k in cols.items() if k}
    labelled = group_of(group_cols, cols)
    seen: dict[int, int] = {}
    zeros = []
    for r in range(first, len(sheet.rows)):
        row = sheet.rows[r]
        code_txt = text(row[code_col])
        names = [text(row[c]) for c in name_cols if text(row[c])]
        if not code_txt and not names:
            continue
        code = int(code_txt) if code_txt.isdigit() else None
        label = names[-1] if names else code_txt
        if code in SUMMARY_CODES or (code not in valid and any(is_summary_row(n) for n in names)
                                     and not any(quick_code(n, year) for n in names)):
            skipped.append(r)
            issues.append(issue("summary_row_skipped", file_name, sheet.name, a1(r, code_col), name=label,
                                gso=code_txt or "–"))
            continue
        by_name = [(n, quick_code(n, year)) for n in names]
        if code not in valid:
            named = [k for _, k in by_name if k is not None]
            code = named[0] if named else None
        if code is None:
            n_values = sum(1 for c in cols if _is_value(row[c]))
            issues.append(issue("unknown_province", file_name, sheet.name, a1(r, name_cols[-1] if name_cols else code_col),
                                name=label, n=n_values, year=year,
                                suggestions=", ".join(province_hint(label, year)) or "–"))
            continue
        if code == -1:  # the analyst chose to leave this province out
            issues.append(issue("province_skipped_row", file_name, sheet.name, a1(r, code_col), name=label))
            continue
        wrong = [(n, k) for n, k in by_name if k is not None and k not in (code, -1)]
        if wrong:
            n, k = wrong[0]
            issues.append(issue("code_mismatch", file_name, sheet.name, a1(r, code_col), gso=code, name=n,
                                expected=k, code_name=provinces.name(code, year), name_name=provinces.name(k, year)))
            continue
        for n, k in by_name:
            if k is None:
                issues.append(issue("name_by_code", file_name, sheet.name, a1(r, name_cols[names.index(n)]),
                                    name=n, gso=code, province=provinces.name(code, year)))
        if code in seen:
            issues.append(issue("duplicate_province", file_name, sheet.name, a1(r, code_col),
                                name=provinces.name(code, year), first=a1(seen[code], code_col)))
            continue
        seen[code] = r
        start = len(records)
        row_values(row, r, cols, year, code, sheet.name, file_name, records, issues, zeros)
        if labelled:
            row_groups(row, r, labelled, records[start:], sheet.name, hdr, file_name, issues)
    zero_note(zeros, sheet.name, file_name, issues)
    return records, issues, skipped


def _is_value(v) -> bool:
    try:
        return number(v) is not None
    except NotANumber:
        return True
