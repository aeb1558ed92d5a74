"""The 2018-on published layout: one sheet per year (e.g. `2023_VIE_ENG`),
one ROW per indicator and one COLUMN per province.

Column A holds the English label, B the Vietnamese label, C the scale
("1-10 điểm/points"); header rows give the GSO code ("Mã tỉnh") and the
province name. Each indicator has several statistic rows (Unweighted,
Weighted, 95% CI low/high, Standard Error): the unweighted value, the CI and
the standard error are kept. Every indicator has a Weighted row; only the
total's is kept, as its own indicator TOTAL_W (a value, without CI or
standard error), never as TOTAL. Indicator rows in percent are not scores and
are skipped. The 2024 file adds header rows mapping the old provinces to
the 34 new ones and blank separator columns: the province row used is the
one whose names resolve to the most provinces of the year's map, so the
same reader takes a file that scores the 34 new provinces (2025 on).

Everything is found by content, not position.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .. import codebook, provinces
from ..text import fold
from .files import NotANumber, Sheet, a1, number, text
from .labels import UnknownIndicator, _codes, indicator_of, province_hint, quick_code, stat_of, years_in
from . import groups
from .model import issue
from ..province_names import SKIP

HEADER_SCAN = 25
_CODE_LABEL = re.compile(r"ma tinh|province code|gso|tinhid|ma so")
_SCALE = re.compile(r"(diem|points?|%|\d+\s*[-–]\s*\d+)")


def looks_like(sheet: Sheet) -> bool:
    """An indicator-rows sheet: some label in the first columns names a
    dimension and some header row holds province names."""
    hits = 0
    for row in sheet.rows[:300]:
        for v in row[:4]:
            f = fold(text(v))
            if re.search(r"(dimension|chi so noi dung)\s*\d", f):
                hits += 1
                break
    return hits >= 1 and _province_row(sheet, 2024)[0] is not None


def sheet_year(sheet: Sheet, file_name: str) -> int | None:
    ys = years_in(sheet.name)
    if ys:
        return ys[0]
    for row in sheet.rows[:6]:
        for v in row[:6]:
            ys = years_in(text(v))
            if ys and "papi" in fold(text(v)):
                return ys[0]
    ys = years_in(file_name)
    return ys[0] if len(set(ys)) == 1 else None


def _province_row(sheet: Sheet, year: int) -> tuple[int | None, dict[int, int]]:
    """The header row naming the most distinct provinces of `year`'s map."""
    best, best_map = None, {}
    for r, row in enumerate(sheet.rows[:HEADER_SCAN]):
        found = {}
        for c, v in enumerate(row):
            if not isinstance(v, str):
                continue
            s = v.strip()
            if not s or s.isdigit() or len(s) < 2:
                continue
            code = quick_code(s, year)
            if code is not None:
                found[c] = code
        if len(set(found.values())) >= max(5, len(set(best_map.values()))):
            if len(set(found.values())) > len(set(best_map.values())) or best is None or r > best:
                best, best_map = r, found
    return best, best_map


def _code_row(sheet: Sheet, name_row: int, cols: list[int], year: int) -> int | None:
    """The 'Mã tỉnh' row nearest the province-name row."""
    valid = _codes(provinces.era_of(year))
    cands = []
    for r, row in enumerate(sheet.rows[:HEADER_SCAN]):
        if r == name_row:
            continue
        label = " ".join(fold(text(v)) for v in row[:min(cols) if cols else 3])
        nums = [row[c] for c in cols if c < len(row) and row[c] is not None]
        ok = sum(1 for v in nums if text(v).isdigit() and int(text(v)) in valid)
        if nums and ok >= 0.8 * len(nums) and (ok >= 5 or _CODE_LABEL.search(label)):
            cands.append((abs(r - name_row), r))
    return min(cands)[1] if cands else None


def read(sheet: Sheet, year: int, file_name: str):
    """Records and issues of one sheet scoring `year`."""
    issues = []
    name_row, by_name = _province_row(sheet, year)
    if name_row is None:
        issues.append(issue("no_provinces", file_name, sheet.name))
        return [], issues
    rows = sheet.rows
    first_prov = min(by_name)
    # label columns are left of the first province column; the scale column is found by content
    scale_col = _scale_col(rows, name_row, first_prov)
    text_cols = [c for c in range(first_prov) if c != scale_col]
    where = (file_name, sheet.name)
    cols, unresolved, code_row = _columns(sheet, year, name_row, by_name, issues, where)
    issues += _duplicate_columns(cols, name_row, year, where)
    start = max(name_row, code_row if code_row is not None else -1) + 1
    grid = _Grid(first_prov, scale_col, text_cols, cols)
    records, left = _values(rows, start, grid, year, issues, where)
    issues += _left_out(left, unresolved, cols, rows[name_row], name_row, sheet.name, year, file_name)
    combined, zeros = _combine(records)
    if zeros:
        issues.append(issue("zero_as_missing", file_name, sheet.name, zeros[0], n=len(zeros),
                            cells=", ".join(zeros[:5]) + (" …" if len(zeros) > 5 else "")))
    return combined, issues


class _Grid(NamedTuple):
    """Where a sheet's labels, scale and province values are."""
    first_prov: int
    scale_col: int | None
    text_cols: list[int]
    cols: dict[int, int]          # column -> province code (SKIP: a column to leave out)


def _scale_col(rows: list, name_row: int, first_prov: int) -> int | None:
    """The rightmost label column holding short scale texts ("1-10 điểm")."""
    scale_col = None
    for c in range(first_prov):
        cnt = sum(1 for row in rows[name_row + 1:] if c < len(row) and _SCALE.search(fold(text(row[c])))
                  and len(text(row[c])) < 40)
        if cnt >= 3 and (scale_col is None or c > scale_col):
            scale_col = c
    return scale_col


def _columns(sheet: Sheet, year: int, name_row: int, by_name: dict[int, int], issues: list, where: tuple):
    """Province of each value column: by its name, else by the 'Mã tỉnh'
    code row (a name no rule matches is then only noted; a code that
    contradicts the name is an issue). Returns (cols, unresolved, code_row)."""
    file_name, sheet_name = where
    rows, first_prov = sheet.rows, min(by_name)
    width = len(rows[0]) if rows else 0
    header = rows[name_row]
    cols: dict[int, int] = {}
    unresolved: dict[int, str] = {}  # column -> a name no rule or mapping matches
    for c in range(first_prov, width):
        s = text(header[c]) if c < len(header) else ""
        if c in by_name:
            cols[c] = by_name[c]
        elif s and not s.isdigit():
            unresolved[c] = s
    code_row = _code_row(sheet, name_row, list(cols) or [first_prov], year)
    if code_row is None:
        return cols, unresolved, None
    crow = rows[code_row]
    for c in range(first_prov, width):
        code_txt = text(crow[c]) if c < len(crow) else ""
        if not code_txt.isdigit():
            continue
        code = int(code_txt)
        valid = code in _codes(provinces.era_of(year))
        if c in cols and cols[c] != code and cols[c] != SKIP:
            issues.append(issue("code_mismatch", file_name, sheet_name, a1(code_row, c), gso=code,
                                name=text(header[c]), expected=cols[c],
                                code_name=provinces.name(code, year) if valid else "–",
                                name_name=provinces.name(cols[c], year)))
        elif c in unresolved and valid:
            cols[c] = code
            issues.append(issue("name_by_code", file_name, sheet_name, a1(name_row, c),
                                name=unresolved.pop(c), gso=code, province=provinces.name(code, year)))
        elif c not in cols and not text(header[c] if c < len(header) else None) and valid:
            cols[c] = code
    return cols, unresolved, code_row


def _duplicate_columns(cols: dict[int, int], name_row: int, year: int, where: tuple) -> list:
    file_name, sheet_name = where
    out, seen = [], {}
    for c, code in sorted(cols.items()):
        if code == SKIP:
            continue
        if code in seen:
            out.append(issue("duplicate_province", file_name, sheet_name, a1(name_row, c),
                             name=provinces.name(code, year), first=a1(name_row, seen[code])))
        else:
            seen[code] = c
    return out


def _row_indicator(row: list, r: int, label: str, scale: str, g: _Grid, year: int, issues: list,
                   where: tuple, current: str | None) -> tuple[str | None, bool]:
    """(indicator the row belongs to, whether to read its values). Percent
    rows, unknown labels and other rows end the current indicator; a
    statistic row without its own label continues it."""
    if "%" in scale or "(%)" in label or label.startswith("%") or fold(label).startswith("ty le"):
        return None, False
    stat = stat_of(label)
    try:
        code = indicator_of(label, year)
    except UnknownIndicator:
        n = sum(1 for v in row[g.first_prov:] if _is_value(v))
        issues.append(issue("unknown_indicator", *where, a1(r, g.text_cols[0] if g.text_cols else 0),
                            label=label[:80], year=year, n=n))
        return None, False
    if code is None:
        if stat == "value":
            return None, False   # some other row (a raw indicator, a note)
        return current, current is not None
    return code, True


def _values(rows: list, start: int, g: _Grid, year: int, issues: list, where: tuple):
    """Value records below the header, and the cells of columns no province
    claims (column -> cells)."""
    records = []
    values: dict[tuple[str, str], int] = {}  # (code, stat) -> row of first occurrence
    left: dict[int, list[str]] = {}
    current = None
    for r in range(start, len(rows)):
        row = rows[r]
        label = " | ".join(text(row[c]) for c in g.text_cols if c < len(row) and text(row[c]))
        if not label:
            continue
        if current is not None and groups.is_group_header(label):   # the groups of the indicator above
            records += _group_row(row, r, g, year, current, where, issues)
            continue
        scale = text(row[g.scale_col]) if g.scale_col is not None and g.scale_col < len(row) else ""
        current, use = _row_indicator(row, r, label, scale, g, year, issues, where, current)
        stat = stat_of(label)
        if not use:
            continue
        if stat == "weighted":
            if current != "TOTAL" or not codebook.exists("TOTAL_W", year):
                continue
        ind = "TOTAL_W" if stat == "weighted" else current
        stat = "value" if stat == "weighted" else stat
        if (ind, stat) in values:
            issues.append(issue("duplicate_row", *where, a1(r, g.text_cols[0] if g.text_cols else 0),
                                indicator=ind, first=values[(ind, stat)] + 1))
            continue
        values[(ind, stat)] = r
        for c in range(g.first_prov, len(row)):
            try:
                x = number(row[c])
            except NotANumber:
                issues.append(issue("not_a_number", *where, a1(r, c), value=text(row[c])[:40]))
                continue
            if x is None:
                continue
            if c not in g.cols or g.cols[c] == SKIP:
                left.setdefault(c, []).append(a1(r, c))  # one message per column, in _left_out
                continue
            records.append({"year": year, "province_code": g.cols[c], "indicator": ind, "stat": stat,
                            "value": x, "sheet": where[1], "cell": a1(r, c)})
    return records, left


def _group_row(row: list, r: int, g: _Grid, year: int, current: str, where: tuple, issues: list) -> list[dict]:
    """A group row ("Nhóm", "Group") under an indicator's rows: each
    province's published group, as a `tier` statistic of the indicator."""
    out = []
    for c in range(g.first_prov, len(row)):
        if c not in g.cols or g.cols[c] == SKIP:
            continue
        try:
            k = groups.tier_of(row[c])
        except ValueError:
            issues.append(groups.label_issue(*where, a1(r, c), row[c]))
            continue
        if k is not None:
            out.append({"year": year, "province_code": g.cols[c], "indicator": current, "stat": "tier", "value": k,
                        "sheet": where[1], "cell": a1(r, c), "group_header": a1(r, g.text_cols[0] if g.text_cols else 0)})
    return out


def _is_value(v) -> bool:
    try:
        return number(v) is not None
    except NotANumber:
        return True


def _left_out(left, unresolved, cols, header, name_row, sheet, year, file_name):
    """One message per column whose values have nowhere to go, at its header
    cell, with how many values it holds: an unknown name (with the closest
    provinces, for the analyst to map), a column the analyst chose to skip,
    or a column with neither name nor code (the 2024 file's separators)."""
    out = []
    for c in sorted(set(left) | set(unresolved)):
        cells = left.get(c, [])
        if c in unresolved:
            name = unresolved[c]
            out.append(issue("unknown_province", file_name, sheet, a1(name_row, c), name=name, n=len(cells),
                             suggestions=", ".join(province_hint(name, year)) or "–", year=year))
        elif cols.get(c) == SKIP:
            out.append(issue("province_skipped", file_name, sheet, a1(name_row, c), name=text(header[c]),
                             n=len(cells)))
        elif cells:
            out.append(issue("column_without_province", file_name, sheet, cells[0], n=len(cells),
                             cells=", ".join(cells[:3]) + (" …" if len(cells) > 3 else "")))
    return out


def _combine(records: list[dict]) -> tuple[list[dict], list[str]]:
    """Fold the statistic rows into one record per (province, indicator):
    value + ci_low + ci_high + se, the cell being the value's cell.
    A published 0 means 'not scored' (the official files leave gaps as 0)."""
    out: dict[tuple, dict] = {}
    extra: dict[tuple, dict] = {}
    zeros = []
    for rec in records:
        key = (rec["year"], rec["province_code"], rec["indicator"])
        if rec["stat"] == "value":
            if rec["value"] == 0:
                zeros.append(rec["cell"])
                continue
            out[key] = {k: rec[k] for k in ("year", "province_code", "indicator", "value", "sheet", "cell")}
        else:
            extra.setdefault(key, {})[rec["stat"]] = rec["value"]
            if "group_header" in rec:
                extra[key]["group_header"] = rec["group_header"]
    for key, stats in extra.items():
        if key in out:
            out[key].update(stats)
    return list(out.values()), zeros
