"""Provincial PAPI targets, free of the database: parsing and validation of
rows, the editor's field labels, and the Excel template. Their storage
(seeding, edits with an audit trail, imports) is papi_data.db.targets.

A target is one of: a value ("at least x points"), a tier ("in group k or
better", 1 = Cao nhất) or a rank ("rank <= n" or "better than in year y"),
with the plan it comes from. Several targets may apply to one indicator.
"""
from __future__ import annotations

import datetime as dt
import io
import math

import pandas as pd

from . import codebook, provinces
from .i18n import fmt, t

KINDS = ("value", "tier", "rank")
FIELDS = ["province_code", "year", "indicator", "kind", "value", "tier", "rank_max", "rank_better_than_year",
          "baseline_year", "baseline_value", "plan_number", "plan_date", "plan_title", "note", "source"]
REQUIRED = ["province_code", "year", "indicator", "kind"]
# The bounded text columns of the targets table (papi_data.db.schema), checked
# here so a row that would not fit is named before anything is written.
TEXT_LIMITS = {"indicator": 16, "kind": 8, "plan_number": 64, "plan_date": 10}

def clean(v):
    """A cell's value, or None for an empty one (NaN, NA, blank text)."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return None
    if isinstance(v, str) and not v.strip():
        return None
    return v


INT_FIELDS = ("province_code", "year", "tier", "rank_max", "rank_better_than_year", "baseline_year")
FLOAT_FIELDS = ("value", "baseline_value")


def _number(v, integer: bool):
    """A cell as int/float; ValueError when it is not a number (or not whole)."""
    if isinstance(v, bool):
        raise ValueError(v)
    if isinstance(v, str):
        v = v.strip().replace(",", ".") if v.count(",") == 1 and "." not in v else v.strip()
    x = float(v)
    if math.isnan(x) or math.isinf(x):
        raise ValueError(v)
    if integer:
        if x != int(x):
            raise ValueError(v)
        return int(x)
    return x


def _parse(row: dict) -> tuple[dict, list[str]]:
    """A row as a clean record, and the fields whose cells are not numbers."""
    out = {f: clean(row.get(f)) for f in FIELDS}
    bad = []
    for f in INT_FIELDS + FLOAT_FIELDS:
        if out[f] is not None:
            try:
                out[f] = _number(out[f], f in INT_FIELDS)
            except (TypeError, ValueError):
                bad.append(f)
    for f in ("indicator", "kind", "plan_number", "plan_date", "plan_title", "note", "source"):
        if out[f] is not None:
            out[f] = (out[f].date().isoformat() if f == "plan_date" and isinstance(out[f], dt.datetime)
                      else out[f].isoformat() if f == "plan_date" and isinstance(out[f], dt.date)
                      else str(out[f]).strip())
    if out["indicator"]:
        out["indicator"] = out["indicator"].upper()
    if out["kind"]:
        out["kind"] = out["kind"].lower()
    return out, bad


def record(row: dict) -> dict:
    """A row as stored; ValueError when a number field is not a number."""
    rec, bad = _parse(row)
    if bad:
        raise ValueError(f"not a number: {', '.join(bad)}")
    return rec


# ---- validation -------------------------------------------------------------

def short_number(x: float, lang: str) -> str:
    """A number in messages and the editor: decimal comma in Vietnamese, no
    trailing zeros (45, 5,6)."""
    return fmt(float(x), lang, 6).rstrip("0").rstrip(",.")


def problems(rows: list[dict], lang: str = "vi", where=lambda i, col: f"{i + 1}") -> list[str]:
    """Messages for every invalid row; `where(i, column)` names the row/cell."""
    out = []
    for i, raw in enumerate(rows):
        r, not_numbers = _parse(raw)

        def bad(col, key, **kw):
            out.append(t("tgt_err_where", lang, where=where(i, col)) + " " + t(key, lang, **kw))
        if not_numbers:
            for f in not_numbers:
                bad(f, "tgt_err_number", field=field_label(f, lang), value=clean(raw.get(f)))
            continue
        missing = [f for f in REQUIRED if r[f] is None]
        if missing:
            bad(missing[0], "tgt_err_missing", field=", ".join(field_label(f, lang) for f in missing))
            continue
        year, code, ind = r["year"], r["province_code"], r["indicator"]
        if code not in set(provinces.in_year(year).gso_code):
            bad("province_code", "tgt_err_province", code=code, year=year)
        if ind not in codebook.indicators(year):      # the tree only: no targets on the weighted total
            bad("indicator", "tgt_err_indicator", indicator=ind, year=year)
        if r["kind"] not in KINDS:
            bad("kind", "tgt_err_kind", kind=r["kind"])
        elif r["kind"] == "value":
            sc = codebook.scale(ind, year)
            if r["value"] is None:
                bad("value", "tgt_err_need", field=field_label("value", lang))
            elif sc and not (sc[0] <= r["value"] <= sc[1]):
                bad("value", "tgt_err_scale", value=short_number(r["value"], lang), lo=short_number(sc[0], lang),
                    hi=short_number(sc[1], lang), indicator=ind)
        elif r["kind"] == "tier":
            if r["tier"] not in (1, 2, 3, 4):
                bad("tier", "tgt_err_tier", tier=r["tier"])
        elif r["kind"] == "rank":
            if (r["rank_max"] is None) == (r["rank_better_than_year"] is None):
                bad("rank_max", "tgt_err_rank")
            elif r["rank_max"] is not None and not (1 <= r["rank_max"] <= len(provinces.in_year(year))):
                bad("rank_max", "tgt_err_rank_range", n=len(provinces.in_year(year)))
            elif r["rank_better_than_year"] is not None and r["rank_better_than_year"] >= year:
                bad("rank_better_than_year", "tgt_err_rank_year", year=year)
        for f, limit in TEXT_LIMITS.items():
            if isinstance(r[f], str) and len(r[f]) > limit:
                bad(f, "tgt_err_too_long", field=field_label(f, lang), n=len(r[f]), max=limit)
        if r["baseline_value"] is not None and r["baseline_year"] is None:
            bad("baseline_year", "tgt_err_need", field=field_label("baseline_year", lang))
        elif r["baseline_year"] is not None:
            by = r["baseline_year"]
            if by >= year or not codebook.exists(ind, by):
                bad("baseline_year", "tgt_err_baseline_year", by=by, year=year, indicator=ind)
            elif r["baseline_value"] is not None:
                sc = codebook.scale(ind, by)
                if sc and not (sc[0] <= r["baseline_value"] <= sc[1]):
                    bad("baseline_value", "tgt_err_scale", value=short_number(r["baseline_value"], lang),
                        lo=short_number(sc[0], lang), hi=short_number(sc[1], lang), indicator=f"{ind} {by}")
        if r["plan_date"]:
            try:
                dt.date.fromisoformat(r["plan_date"])
            except ValueError:
                bad("plan_date", "tgt_err_date", date=r["plan_date"])
    return out


# ---- editor labels --------------------------------------------------------

def field_label(field: str, lang: str) -> str:
    """A target column as the editor shows it (Điểm tối thiểu / Minimum score)."""
    return t(f"tgt_field_{field}", lang)


def field_help(field: str, lang: str) -> str:
    """The editor's tooltip: the field name (as in the Excel template) and what to write."""
    from .i18n.targets import STRINGS
    key = f"tgt_help_{field}"
    return f"{field}: {STRINGS[key][lang]}" if key in STRINGS else field


# ---- Excel template ---------------------------------------------------------

SHEET = "targets"
COLUMNS_XLSX = ["id", *FIELDS]


def template_xlsx(rows: pd.DataFrame | None = None) -> bytes:
    """A workbook with the target columns (and optionally current rows with
    their id, so a downloaded file can be corrected and uploaded again)."""
    import openpyxl

    from .export import append, workbook_bytes
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    append(ws, COLUMNS_XLSX)
    if rows is not None and not rows.empty:   # notes and plan titles are free text: written as text, never formulas
        cols = [c for c in COLUMNS_XLSX if c in rows.columns]
        for r in rows[cols].astype(object).where(rows[cols].notna(), None).to_dict("records"):
            append(ws, [r.get(c) for c in COLUMNS_XLSX])
    help_ws = wb.create_sheet("help")
    for line in (
        ["id", "empty = a new target; the id of an existing target = replace that target"],
        ["kind", "value: value = at least x points; tier: tier = 1..4 (1 = Cao nhất); "
                 "rank: rank_max = n or rank_better_than_year = y"],
        ["plan_date", "YYYY-MM-DD"],
        ["", "Rows are checked before anything is saved: one bad row and nothing is imported."],
    ):
        append(help_ws, line)
    return workbook_bytes(wb)


def read_xlsx(raw: bytes, file_name: str, lang: str = "vi",
              known_ids: set[int] | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Rows of an uploaded target workbook (id + FIELDS), or messages naming
    file, sheet, row and cell. Header found by content in the first 10 rows.
    With `known_ids`, an id that names no current target is an error."""
    import openpyxl
    from openpyxl.utils import get_column_letter
    empty = pd.DataFrame(columns=COLUMNS_XLSX)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(raw), data_only=True, read_only=True)
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        grid = [list(r) for r in ws.iter_rows(values_only=True)]
        wb.close()
    except Exception:
        return empty, [t("tgt_err_file", lang, file=file_name)]
    head = next((i for i, r in enumerate(grid[:10]) if {str(v).strip() for v in r if v} >= set(REQUIRED)), None)
    if head is None:
        return empty, [t("tgt_err_header", lang, file=file_name, sheet=ws.title, fields=", ".join(REQUIRED))]
    cols = {str(v).strip(): j for j, v in enumerate(grid[head]) if v}
    rows, excel_rows = [], []
    for i, r in enumerate(grid[head + 1:], start=head + 2):
        rec = {f: (r[cols[f]] if f in cols and cols[f] < len(r) else None) for f in COLUMNS_XLSX}
        if any(clean(rec[f]) is not None for f in FIELDS):
            rows.append(rec)
            excel_rows.append(i)

    def where(i, col):
        cell = f"{get_column_letter(cols[col] + 1)}{excel_rows[i]}" if col in cols else f"{excel_rows[i]}"
        return f"{file_name}, {ws.title}, {cell}"
    errs = problems(rows, lang, where)
    for i, rec in enumerate(rows):
        raw_id = clean(rec["id"])
        if raw_id is None:
            continue
        try:
            rec["id"] = _number(raw_id, integer=True)
        except (TypeError, ValueError):
            errs.append(t("tgt_err_where", lang, where=where(i, "id")) + " "
                        + t("tgt_err_number", lang, field=field_label("id", lang), value=raw_id))
            continue
        if known_ids is not None and rec["id"] not in known_ids:
            errs.append(t("tgt_err_where", lang, where=where(i, "id")) + " " + t("tgt_err_id", lang, id=rec["id"]))
    return pd.DataFrame(rows, columns=COLUMNS_XLSX), errs
