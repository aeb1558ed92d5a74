"""The 2011–2017 published layout: one ROW per province and one COLUMN per
dimension on the summary sheet (e.g. "2016PAPI- Bảng tổng hợp kết quả"),
the sub-dimensions on extra sheets "Điểm thành phần 1…6", headers in
Vietnamese and sometimes English, and a "highest" summary row to skip.

Columns are recognised by their header text (number and/or name), the
province column by its content, so the order of columns and the number of
title rows do not matter. A weighted total column ("Chỉ số PAPI có trọng
số"), where the summary sheet has one, is stored as its own indicator
TOTAL_W; weighted columns of other indicators are not kept.
"""
from __future__ import annotations

import re

from .. import codebook, provinces
from ..text import fold
from .files import NotANumber, Sheet, a1, number, text
from .labels import (UnknownIndicator, _codes, indicator_of, is_summary_row, match_name, province_hint,
                     quick_code, stat_of, years_in)
from .model import issue
from . import groups
from ..province_names import SKIP

_SUBSHEET = re.compile(r"(thanh phan|sub[\s-]?dimension|subindex)\D*(\d)")


def _province_col(sheet: Sheet, year: int) -> tuple[int | None, list[int]]:
    """The column naming the most provinces, and the rows where it does."""
    best, best_rows = None, []
    width = len(sheet.rows[0]) if sheet.rows else 0
    for c in range(min(width, 6)):
        rows = []
        for r, row in enumerate(sheet.rows):
            s = text(row[c])
            if s and not s.isdigit() and quick_code(s, year) is not None:
                rows.append(r)
        if len(rows) > len(best_rows):
            best, best_rows = c, rows
    return (best, best_rows) if len(best_rows) >= 5 else (None, [])


def _code_col(sheet: Sheet, pcol: int, prow: list[int], year: int) -> int | None:
    """A column (`tinhid`, "Mã tỉnh") holding the GSO code of most province rows."""
    valid = _codes(provinces.era_of(year))
    width = len(sheet.rows[0]) if sheet.rows else 0
    for c in range(min(width, 6)):
        if c == pcol:
            continue
        ok = sum(1 for r in prow if text(sheet.rows[r][c]).isdigit() and int(text(sheet.rows[r][c])) in valid)
        if ok >= 0.8 * len(prow):
            return c
    return None


def looks_like(sheet: Sheet, year: int = 2016) -> bool:
    col, rows = _province_col(sheet, year)
    if col is None:
        return False
    headers = _headers(sheet, rows[0])
    hits = 0
    for h in headers.values():
        try:
            if indicator_of(h, year):
                hits += 1
        except UnknownIndicator:
            hits += 1
    return hits >= 2


def sub_dimension_of(sheet: Sheet) -> str | None:
    m = _SUBSHEET.search(fold(sheet.name))
    return f"D{m.group(2)}" if m else None


def _headers(sheet: Sheet, first_data: int) -> dict[int, str]:
    """Column -> header text (up to three rows above the first province)."""
    top = max(0, first_data - 3)
    width = len(sheet.rows[0]) if sheet.rows else 0
    # header rows have several labels; a title row has one
    hdr = [r for r in range(top, first_data) if sum(1 for v in sheet.rows[r] if text(v)) >= 3]
    out = {}
    for c in range(width):
        parts = [text(sheet.rows[r][c]) for r in hdr if text(sheet.rows[r][c])]
        if parts:
            out[c] = " / ".join(parts)
    return out


def file_year(sheets: list[Sheet], file_name: str) -> int | None:
    """The file name decides (a published 2011 file has its tab named 2012);
    then the summary sheet's name, then a title cell."""
    ys = set(years_in(file_name))
    if len(ys) == 1:
        return ys.pop()
    for s in sheets:
        ys = set(years_in(s.name))
        if len(ys) == 1:
            return ys.pop()
    for s in sheets:
        for row in s.rows[:4]:
            for v in row[:4]:
                ys = set(years_in(text(v)))
                if len(ys) == 1 and "papi" in fold(text(v)):
                    return ys.pop()
    return None


def _columns(headers: dict[int, str], pcol: int, dim: str | None, cands: list[str], year: int, sheet: Sheet,
             first: int, file_name: str, issues: list) -> tuple[dict[int, str], list[int]]:
    """Column -> indicator code, and the group columns."""
    cols: dict[int, str] = {}
    group_cols: list[int] = []
    for c, h in headers.items():
        if c == pcol:
            continue
        if stat_of(h) == "weighted":
            # the weighted total is its own indicator; other weighted columns are not kept
            if not dim and _weighted_total(h, year) and "TOTAL_W" not in cols.values():
                cols[c] = "TOTAL_W"
            continue
        if groups.is_group_header(h):
            group_cols.append(c)
            continue
        try:
            code = indicator_of(h, year)
        except UnknownIndicator:
            issues.append(issue("unknown_indicator", file_name, sheet.name, a1(first - 1, c), label=h[:80], year=year))
            continue
        if code is None:
            code = match_name(h, cands, year)
        if code is None or (dim and code == dim):
            continue
        if code in cols.values():
            prev = next(k for k, v in cols.items() if v == code)
            issues.append(issue("duplicate_column", file_name, sheet.name, a1(first - 1, c), indicator=code,
                                first=a1(first - 1, prev)))
            continue
        cols[c] = code
    return cols, group_cols


def read(sheet: Sheet, year: int, file_name: str):
    records, issues = [], []
    pcol, prow = _province_col(sheet, year)
    if pcol is None:
        return records, issues
    first = prow[0]
    headers = _headers(sheet, first)
    dim = sub_dimension_of(sheet)
    cands = (codebook.children(dim, year) if dim and codebook.exists(dim, year)
             else ["TOTAL"] + codebook.indicators(year, "dimension"))
    cols, group_cols = _columns(headers, pcol, dim, cands, year, sheet, first, file_name, issues)
    if not cols:
        return records, issues
    labelled = group_of(group_cols, cols)
    zeros = []
    seen: dict[int, int] = {}
    ccol = _code_col(sheet, pcol, prow, year)
    valid = _codes(provinces.era_of(year))
    for r in range(first, len(sheet.rows)):
        row = sheet.rows[r]
        name = text(row[pcol])
        if not name:
            continue
        code = quick_code(name, year)
        cval = text(row[ccol]) if ccol is not None else ""
        by_code = int(cval) if cval.isdigit() and int(cval) in valid else None
        if by_code is not None and code is not None and code not in (SKIP, by_code):
            # the code identifies the province; a name naming another is one error naming both
            issues.append(issue("code_mismatch", file_name, sheet.name, a1(r, ccol), gso=by_code, name=name,
                                expected=code, code_name=provinces.name(by_code, year),
                                name_name=provinces.name(code, year)))
            continue
        if by_code is not None and code is None:
            issues.append(issue("name_by_code", file_name, sheet.name, a1(r, pcol), name=name, gso=by_code,
                                province=provinces.name(by_code, year)))
            code = by_code
        if code is None:
            if is_summary_row(name) or not any(text(row[c]) for c in cols):
                continue
            n = sum(1 for c in cols if text(row[c]))
            issues.append(issue("unknown_province", file_name, sheet.name, a1(r, pcol), name=name, n=n, year=year,
                                suggestions=", ".join(province_hint(name, year)) or "–"))
            continue
        if code == SKIP:  # the analyst chose to leave this province out
            issues.append(issue("province_skipped_row", file_name, sheet.name, a1(r, pcol), name=name))
            continue
        if code in seen:
            issues.append(issue("duplicate_province", file_name, sheet.name, a1(r, pcol),
                                name=provinces.name(code, year), first=a1(seen[code], pcol)))
            continue
        seen[code] = r
        start = len(records)
        row_values(row, r, cols, year, code, sheet.name, file_name, records, issues, zeros)
        if labelled:
            row_groups(row, r, labelled, records[start:], sheet.name, first - 1, file_name, issues)
    zero_note(zeros, sheet.name, file_name, issues)
    return records, issues


def _weighted_total(h: str, year: int) -> bool:
    """A header naming the weighted total ("Chỉ số PAPI có trọng số", "Weighted PAPI Index")."""
    if not codebook.exists("TOTAL_W", year):
        return False
    try:
        return indicator_of(h, year) in ("TOTAL", None) and "papi" in fold(h)
    except UnknownIndicator:
        return False


def row_values(row, r, cols, year, code, sheet_name, file_name, records, issues, zeros) -> None:
    """The scores of one province row (`cols`: column -> indicator); a 0
    is 'not scored' (collected in `zeros`), text is not_a_number."""
    for c, ind in cols.items():
        try:
            x = number(row[c])
        except NotANumber:
            issues.append(issue("not_a_number", file_name, sheet_name, a1(r, c), value=text(row[c])[:40]))
            continue
        if x is None:
            continue
        if x == 0:
            zeros.append(a1(r, c))
            continue
        records.append({"year": year, "province_code": code, "indicator": ind, "value": x,
                        "sheet": sheet_name, "cell": a1(r, c)})


def group_of(group_cols: list[int], cols: dict[int, str]) -> dict[int, str]:
    """Group column -> the indicator it gives groups of: the weighted total
    when it comes right after the weighted total's column (PAPI's 2011–2016
    rankings were on the weighted index), else the total when the sheet has
    one group column and a total, else the indicator whose column it follows."""
    out = {}
    for g in group_cols:
        before = [c for c in cols if c < g]
        if before and cols[max(before)] == "TOTAL_W":
            out[g] = "TOTAL_W"
        elif len(group_cols) == 1 and "TOTAL" in cols.values():
            out[g] = "TOTAL"
        elif before := [c for c in before if cols[c] != "TOTAL_W"]:
            out[g] = cols[max(before)]
    return out


def row_groups(row, r, labelled, row_records, sheet_name, header_row, file_name, issues) -> None:
    """Put each group label of a province row on the value it belongs to."""
    by_ind = {rec["indicator"]: rec for rec in row_records}
    for c, ind in labelled.items():
        v = row[c] if c < len(row) else None
        try:
            k = groups.tier_of(v)
        except ValueError:
            issues.append(groups.label_issue(file_name, sheet_name, a1(r, c), v))
            continue
        if k is not None and ind in by_ind:      # a label without a score: a province not ranked
            by_ind[ind]["tier"] = k
            by_ind[ind]["group_header"] = a1(header_row, c)


def zero_note(zeros, sheet_name, file_name, issues) -> None:
    if zeros:
        issues.append(issue("zero_as_missing", file_name, sheet_name, zeros[0], n=len(zeros),
                            cells=", ".join(zeros[:5]) + (" …" if len(zeros) > 5 else "")))
