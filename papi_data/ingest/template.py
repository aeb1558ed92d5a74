"""The project's own long template: one row per (year, province,
indicator) with its value and, optionally, ci_low, ci_high and se. CSV
(comma or semicolon, decimal point or comma, UTF-8 with or without BOM) or
XLSX; the header row is found by its content and columns may be in any
order. Provinces by name (any spelling the alias table knows) or GSO code;
indicators by code (TOTAL, D1, D1.1, …)."""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..text import name_key
from .files import NotANumber, Sheet, a1, number, text
from .labels import UnknownIndicator, code_cell, province_hint, quick_code
from .model import issue
from . import groups
from ..province_names import SKIP

COLUMNS = ["year", "province", "indicator", "value", "ci_low", "ci_high", "se"]
REQUIRED = ["year", "province", "indicator", "value"]
ALIASES = {
    "year": {"year", "nam", "namkhaosat", "papiyear"},
    "province": {"province", "tinh", "tinhthanhpho", "provincename", "provincecode", "matinh", "tentinh",
                 "tinhthanh", "province_code"},
    "indicator": {"indicator", "chiso", "code", "machiso", "indicatorcode", "chitieu"},
    "value": {"value", "giatri", "diem", "score"},
    "ci_low": {"cilow", "ci_low", "95cilow", "canduoi", "lower"},
    "ci_high": {"cihigh", "ci_high", "95cihigh", "cantren", "upper"},
    "se": {"se", "standarderror", "saisochuan", "saiso", "stderr"},
}


@lru_cache(maxsize=1)
def _alias_keys() -> dict[str, str]:
    """Name key -> column, computed once (not for every header cell)."""
    out: dict[str, str] = {}
    for col, names in ALIASES.items():
        for n in names:
            out.setdefault(name_key(n), col)
    return out


def _column_of(header) -> str | None:
    return _alias_keys().get(name_key(text(header)))


def _columns(row) -> dict[str, int]:
    found: dict[str, int] = {}
    for c, v in enumerate(row):
        col = _column_of(v)
        if col and col not in found:
            found[col] = c
    return found


def header_row(sheet: Sheet) -> tuple[int | None, dict[str, int]]:
    for r, row in enumerate(sheet.rows[:10]):
        found = _columns(row)
        if {"year", "province", "indicator"} <= found.keys() or len(found) >= 3:
            return r, found
    return None, {}


def could_be(sheet: Sheet) -> bool:
    """A text table is read as the template when its header names at least
    two of the template's columns; otherwise it is some other file."""
    return any(len(_columns(row)) >= 2 for row in sheet.rows[:10])


def looks_like(sheet: Sheet) -> bool:
    r, found = header_row(sheet)
    return r is not None and {"year", "province", "indicator"} <= found.keys()


def read(sheet: Sheet, file_name: str, this_year: int):
    records, issues = [], []
    sname = sheet.name or None
    hr, cols = header_row(sheet)
    if hr is None:   # name what is missing from the row that comes closest to a header
        hr, cols = max(((r, _columns(row)) for r, row in enumerate(sheet.rows[:10])),
                       key=lambda rc: len(rc[1]), default=(None, {}))
        hr = hr if cols else None
    missing = [c for c in REQUIRED if c not in cols]
    if hr is None or missing:
        issues.append(issue("missing_columns", file_name, sname, a1(hr or 0, 0),
                            columns=", ".join(missing or REQUIRED)))
        return records, issues
    gcol = _group_column(sheet.rows[hr], cols)
    skipped: dict[str, int] = {}
    unknown: dict[tuple[str, int], tuple] = {}  # one message per unknown name, at its first cell
    for r in range(hr + 1, len(sheet.rows)):
        row = sheet.rows[r]
        if not any(text(v) for v in row):
            continue
        yc = cols["year"]
        try:
            y = number(row[yc])
        except NotANumber:
            y = float("nan")
        if y is None or y != y or not float(y).is_integer() or not 1990 < y < 2200:
            issues.append(issue("bad_year", file_name, sname, a1(r, yc), value=text(row[yc])[:20]))
            continue
        year = int(y)
        pc = cols["province"]
        pname = text(row[pc])
        prov = quick_code(pname, year)
        if prov is None:
            if (pname, year) not in unknown:
                issues.append(None)  # its place in the order; filled in below
                unknown[(pname, year)] = (len(issues) - 1, [])
            unknown[(pname, year)][1].append(a1(r, pc))
            continue
        if prov == SKIP:
            skipped[pname] = skipped.get(pname, 0) + 1
            continue
        ic = cols["indicator"]
        try:
            ind = code_cell(row[ic], year)
        except UnknownIndicator:
            issues.append(issue("unknown_indicator", file_name, sname, a1(r, ic), label=text(row[ic])[:40] or "–",
                                year=year))
            continue
        rec = {"year": year, "province_code": prov, "indicator": ind, "sheet": sname or "",
               "cell": a1(r, cols["value"]), "year_cell": a1(r, yc)}
        bad = False
        for col in ("value", "ci_low", "ci_high", "se"):
            if col not in cols:
                continue
            v = row[cols[col]] if cols[col] < len(row) else None
            try:
                rec[col] = number(v)
            except NotANumber:
                issues.append(issue("not_a_number", file_name, sname, a1(r, cols[col]), value=text(v)[:40]))
                bad = True
        if bad:
            continue
        if rec.get("value") is None:
            issues.append(issue("missing_value", file_name, sname, a1(r, cols["value"])))
            continue
        if gcol is not None and not _group(rec, row, r, gcol, hr, file_name, sname, issues):
            continue
        records.append(rec)
    for (name, year), (at, cells) in unknown.items():
        issues[at] = issue("unknown_province", file_name, sname, cells[0], name=name or "–", year=year,
                           n=len(cells), suggestions=", ".join(province_hint(name, year)) or "–")
    for name, n in skipped.items():  # one note per name the analyst chose to leave out
        issues.append(issue("province_skipped", file_name, sname, None, name=name, n=n))
    return records, issues


def _group_column(header, cols: dict[str, int]) -> int | None:
    """A group column ("Nhóm", "Group", "Tier") beside the template's own."""
    return next((c for c, v in enumerate(header) if c not in cols.values() and groups.is_group_header(v)), None)


def _group(rec, row, r, gcol, hr, file_name, sname, issues) -> bool:
    """Put the row's published group on its record; False (an issue) for a
    label that is no group."""
    v = row[gcol] if gcol < len(row) else None
    try:
        rec["tier"] = groups.tier_of(v)
    except ValueError:
        issues.append(groups.label_issue(file_name, sname, a1(r, gcol), v))
        return False
    rec["group_header"] = a1(hr, gcol) if rec["tier"] is not None else None
    return True


def example() -> pd.DataFrame:
    """The template with a few real rows (Lào Cai 2018, as shipped) as an example."""
    from .. import DATA_DIR
    df = pd.read_csv(DATA_DIR / "scores.csv")
    df = df[(df.year == 2018) & (df.province_code == 10) & df.indicator.isin(["TOTAL", "D1", "D1.1"])]
    return pd.DataFrame({"year": df.year, "province": "Lào Cai", "indicator": df.indicator,
                         "value": df.value, "ci_low": None, "ci_high": None, "se": None}).reset_index(drop=True)


def template_csv(frame: pd.DataFrame | None = None) -> bytes:
    from ..export import csv_bytes
    return csv_bytes(example() if frame is None else frame)


def template_xlsx(frame: pd.DataFrame | None = None) -> bytes:
    from ..export import frame_xlsx
    return frame_xlsx(example() if frame is None else frame, "papi")
