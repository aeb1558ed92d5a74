"""A plan's appendix of tasks read from a Word (.docx), Excel (.xlsx) or
text (.csv/.txt) file.

Provinces publish the appendix as a table after the plan's text, often split
over pages into several tables that repeat the header (sometimes with a row
of column numbers "(1) (2) ..."), with merged cells and group rows
("I. NHIỆM VỤ CHUNG") that are not tasks. Columns are found by their header
text, ignoring case, diacritics, spacing and small typos, in Vietnamese or
English. Every refusal is a TaskFileError naming the file and the place.
"""
from __future__ import annotations

import csv
import difflib
import io
import os
import re
import zipfile
import zlib
from dataclasses import dataclass

from ..text import fold
from . import deadlines
from .model import Task, TaskFileError

FIELDS = ("no", "task", "lead", "partners", "due")
REQUIRED = ("no", "task", "lead", "due")
MAX_BYTES = 20 * 1048576
MAX_PARTS = 2000
MAX_INFLATED = 200 * 1048576     # all parts, pictures included
MAX_XML = 30 * 1048576           # the XML parts, which are parsed into memory whole
MAX_ROWS, MAX_COLS = 5000, 60    # of a sheet: no task table is larger; a stray far cell is not read
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Header labels folded to letters only ("Cơ quan chủ trì" -> "coquanchutri"),
# checked in this order: "Đơn vị phối hợp thực hiện" is partners, not lead;
# "Thời gian thực hiện" is the deadline.
_NO = {"sott", "stt", "tt", "sothutu", "so", "no", "number", "nr", "item", "itemno"}
_CONTAINS = (
    ("partners", ("phoihop", "partner", "coordinat", "cooperat", "support")),
    ("due", ("thoigian", "thoihan", "hoanthanh", "deadline", "timeline", "timeframe", "tiendo", "completion")),
    ("lead", ("chutri", "lead", "responsib", "thuchien", "coquan", "donvi", "agency")),
    ("task", ("nhiemvu", "noidung", "task", "congviec", "hoatdong", "activit", "description", "action", "giaiphap")),
)
# Whole labels a typo may be one or two letters away from.
_CANONICAL = {
    "sothutu": "no", "nhiemvu": "task", "nhiemvutrongtam": "task", "noidung": "task", "coquanchutri": "lead",
    "donvichutri": "lead", "coquanphoihop": "partners", "donviphoihop": "partners",
    "thoigianhoanthanh": "due", "thoihanhoanthanh": "due", "thoigianthuchien": "due",
    "leadagency": "lead", "partneragencies": "partners", "deadline": "due",
}
_NUMBER = re.compile(r"^\d+[a-z]?(\.\d+)*\.?$", re.I)
_COLUMN_NO = re.compile(r"^\(?\d{1,2}\)?$")
_GROUP_LABEL = re.compile(r"^\s*([IVXLC]+|[A-Z])(\s*[.)/:-]|\s*$)", re.I)


@dataclass(frozen=True)
class Grid:
    """One table or sheet as text cells; rows numbered from 1."""
    where: tuple
    rows: list[list[str]]
    follows: bool = False   # directly after the previous table (a page split)


@dataclass(frozen=True)
class Row:
    where: tuple            # table/sheet and row, for messages
    line: int
    values: dict[str, str]
    group: str


def read_tasks(raw: bytes, file_name: str, plan_year: int) -> list[Task]:
    """The tasks of the appendix, in file order, deadlines parsed against
    `plan_year` with their original wording kept."""
    kind = file_kind(raw, file_name)
    grids = {"docx": docx_grids, "xlsx": xlsx_grids, "csv": csv_grids}[kind](raw, file_name)
    rows = task_rows(grids, file_name)
    return build_tasks(rows, file_name, plan_year)


# --- opening the file -------------------------------------------------------

def file_kind(raw: bytes, file_name: str) -> str:
    """'docx', 'xlsx' or 'csv', from the content first, then the extension."""
    if not raw or not raw.strip():
        raise TaskFileError("task_file_empty", file_name)
    if len(raw) > MAX_BYTES:
        raise TaskFileError("task_too_large", file_name, size=f"{len(raw) / 1048576:.1f}",
                            limit=f"{MAX_BYTES / 1048576:.0f}")
    if raw.startswith(OLE_MAGIC):
        raise TaskFileError("task_legacy", file_name)
    if raw.startswith(b"PK\x03\x04"):
        names = _zip_names(raw, file_name)
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise TaskFileError("task_format", file_name)
    if os.path.splitext(file_name.lower())[1] in (".csv", ".txt", ".tsv"):
        return "csv"
    raise TaskFileError("task_format", file_name)


def _zip_names(raw: bytes, file_name: str) -> set[str]:
    """Part names, refusing a zip bomb from its directory before inflating,
    and an XML part declaring a DTD (entity expansion): no Office file has one."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            infos = z.infolist()
            _check_sizes(infos, file_name)
            for i in infos:
                if i.filename.endswith((".xml", ".rels")) and b"<!DOCTYPE" in z.open(i).read(4096):
                    raise TaskFileError("task_corrupt", file_name)
    except TaskFileError:
        raise
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error, NotImplementedError):
        raise TaskFileError("task_corrupt", file_name) from None
    return {i.filename for i in infos}


def _check_sizes(infos: list[zipfile.ZipInfo], file_name: str) -> None:
    total = sum(i.file_size for i in infos)
    xml = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
    if len(infos) > MAX_PARTS or total > MAX_INFLATED or xml > MAX_XML:
        raise TaskFileError("task_too_large", file_name, size=f"{max(total, xml) / 1048576:.0f}",
                            limit=f"{(MAX_XML if xml > MAX_XML else MAX_INFLATED) / 1048576:.0f}")


def _cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).replace("\r\n", "\n").strip()


def docx_grids(raw: bytes, file_name: str) -> list[Grid]:
    """Every top-level table of the document; a merged cell's text is in
    each grid cell it covers (python-docx repeats it)."""
    import docx
    from docx.opc.exceptions import OpcError
    from lxml import etree
    try:
        doc = docx.Document(io.BytesIO(raw))
    except (KeyError, ValueError, OpcError, etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error) as e:
        raise TaskFileError("task_corrupt", file_name) from e
    tables = {t._tbl: t for t in doc.tables}
    grids, follows = [], False
    for block in doc.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "tbl" and block in tables:
            t = tables[block]
            rows = [[_cell_text(c.text) for c in r.cells] for r in t.rows]
            grids.append(Grid((("task_where_table", {"n": len(grids) + 1}),), rows, follows))
            follows = True
        elif tag == "p" and "".join(block.itertext()).strip():
            follows = False     # text between tables: not a page split
    return grids


def xlsx_grids(raw: bytes, file_name: str) -> list[Grid]:
    """Every visible sheet; a merged range's value fills all its cells."""
    import openpyxl
    try:
        wb = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    except (KeyError, ValueError, TypeError, IndexError, AttributeError, zipfile.BadZipFile, zlib.error,
            OSError, SyntaxError) as e:   # lxml's and ElementTree's parse errors are SyntaxErrors
        raise TaskFileError("task_corrupt", file_name) from e
    grids = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        rows = [[_cell_text(v) for v in r] for r in ws.iter_rows(
            max_row=min(ws.max_row, MAX_ROWS), max_col=min(ws.max_column, MAX_COLS), values_only=True)]
        for rng in ws.merged_cells.ranges:
            top = rows[rng.min_row - 1][rng.min_col - 1] if rng.min_row <= len(rows) else ""
            for r in range(rng.min_row - 1, min(rng.max_row, len(rows))):
                for c in range(rng.min_col - 1, min(rng.max_col, len(rows[r]))):
                    rows[r][c] = top
        grids.append(Grid((("task_where_sheet", {"name": ws.title}),), rows))
    return grids


def csv_grids(raw: bytes, file_name: str) -> list[Grid]:
    """The table of a UTF-8 text file (BOM or not), separated by the one of
    ',', ';' or tab under which a task header shows."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TaskFileError("task_encoding", file_name) from None
    try:
        parsed = {d: [[_cell_text(v) for v in r] for r in csv.reader(io.StringIO(text), delimiter=d)]
                  for d in (",", ";", "\t")}
    except csv.Error:           # a NUL byte, or a cell longer than the csv module takes
        raise TaskFileError("task_corrupt", file_name) from None
    best = max(parsed, key=lambda d: (any(header_of(r) for r in parsed[d][:30]),
                                      max((len(r) for r in parsed[d][:30]), default=0)))
    return [Grid((), parsed[best])]


# --- finding the header -----------------------------------------------------

def _letters(s: str) -> str:
    return re.sub(r"[^a-z]", "", fold(s))


def field_of(label: str) -> str | None:
    """The task field a header cell names, or None."""
    key = _letters(label)
    if not key:
        return "no" if label.strip() == "#" else None
    if "batdau" in key or "start" in key:
        return None             # "Thời gian bắt đầu" beside "Thời gian hoàn thành"
    if key in _NO:
        return "no"
    for name, parts in _CONTAINS:
        if any(p in key for p in parts):
            return name
    if key.startswith("due"):
        return "due"
    close = difflib.get_close_matches(key, _CANONICAL, n=1, cutoff=0.8)
    return _CANONICAL[close[0]] if close else None


def header_of(cells: list[str]) -> dict[str, int] | None:
    """Field -> column of a header row: the task column and two of No.,
    lead and deadline; None when the row is no header."""
    cols: dict[str, int] = {}
    for i, c in enumerate(cells):
        f = field_of(c) if len(c) <= 80 else None
        if f and f not in cols:
            cols[f] = i
    if "task" in cols and sum(f in cols for f in ("no", "lead", "due")) >= 2:
        return cols
    return None


def _find_header(rows: list[list[str]]) -> tuple[int, int, dict[str, int]] | None:
    """(row index, rows used, columns) of the first header: one row, or two
    when a second row names sub-columns ("Cơ quan thực hiện" over "Chủ trì",
    "Phối hợp")."""
    for i, r in enumerate(rows):
        one = header_of(r)
        if one is None:
            continue
        below = rows[i + 1] if i + 1 < len(rows) else []
        if len(below) == len(r) and not _NUMBER.match(below[one.get("no", 0)]):
            two = header_of([f"{a} {b}" if a != b else a for a, b in zip(r, below)])
            if two and len(two) > len(one):
                return i, 2, two
        return i, 1, one
    return None


# --- rows of the table --------------------------------------------------------

def task_rows(grids: list[Grid], file_name: str) -> list[Row]:
    """Task rows of every table holding the appendix: tables with a header,
    and headerless tables of the same width straight after one."""
    out: list[Row] = []
    cols, width, group, seen = None, 0, "", False
    for g in grids:
        found = _find_header(g.rows)
        if found:
            start, used, cols = found
            seen = True
            width = len(g.rows[start])
            _check_columns(cols, g, start, file_name)
            body = range(start + used, len(g.rows))
        elif cols is not None and g.follows and g.rows and len(g.rows[0]) == width:
            body = range(len(g.rows))
        else:
            cols = None
            continue
        for i in body:
            row, group = _classify(g, i, cols, group)
            if row:
                out.append(row)
    if not out:
        _no_table(grids, file_name, seen)
    return out


def _check_columns(cols: dict[str, int], g: Grid, start: int, file_name: str) -> None:
    missing = tuple(f"task_col_{f}" for f in REQUIRED if f not in cols)
    if missing:
        raise TaskFileError("task_missing_cols", file_name, g.where + (("task_where_row", {"row": start + 1}),),
                            cols=missing)


def _no_table(grids: list[Grid], file_name: str, seen_header: bool):
    if seen_header:
        raise TaskFileError("task_empty", file_name)
    if not grids:
        raise TaskFileError("task_no_table", file_name, (("task_where_no_tables", {}),))
    if grids[0].where and grids[0].where[0][0] == "task_where_table":
        raise TaskFileError("task_no_table", file_name, (("task_where_tables_seen", {"n": len(grids)}),))
    raise TaskFileError("task_no_table", file_name)


def _classify(g: Grid, i: int, cols: dict[str, int], group: str) -> tuple[Row | None, str]:
    """The row as a task row (None for a blank, header, column-number or
    group row) and the group it falls in."""
    cells = g.rows[i]
    filled = [c for c in cells if c]
    no = cells[cols["no"]] if cols.get("no", len(cells)) < len(cells) else ""
    if not filled or (header_of(cells) and not _NUMBER.match(no)) or (len(filled) >= 3 and all(_COLUMN_NO.match(c) for c in filled)):
        return None, group
    values = {f: (cells[c] if c < len(cells) else "") for f, c in cols.items()}
    if _is_group(values):
        label = _GROUP_LABEL.match(values.get("no") or values.get("task", ""))
        return None, label[1].upper() if label else (values.get("no") or values.get("task", ""))
    where = g.where + (("task_where_row", {"row": i + 1}),)
    return Row(where, i + 1, values, group), group


def _is_group(v: dict[str, str]) -> bool:
    """A row naming a group of tasks: text merged across the row, or a
    heading with no agency and no deadline (numbered I, II or in capitals)."""
    rest = [v.get(f, "") for f in ("task", "lead", "partners", "due") if v.get(f)]
    if len(rest) >= 2 and len(set(rest)) == 1:
        return True
    if len(rest) != 1 or not v.get("task"):
        return False
    no = v.get("no", "")
    return (bool(no) and not _NUMBER.match(no)) or (not no and v["task"].isupper())


# --- tasks --------------------------------------------------------------------

def _number(no: str) -> str:
    return re.sub(r"\s+", "", no).rstrip(".")


def build_tasks(rows: list[Row], file_name: str, plan_year: int) -> list[Task]:
    """Tasks from their rows: a numberless row without agency or deadline
    continues the task above (a row split over a page); numbers that restart
    in each group are prefixed with the group ("II.1")."""
    merged: list[Row] = []
    for r in rows:
        v = r.values
        if not _number(v.get("no", "")) and not v.get("lead") and not v.get("due"):
            if not merged:
                continue        # a heading above the first task
            prev = merged[-1]
            text = "\n".join(x for x in (prev.values.get("task", ""), v.get("task", "")) if x)
            merged[-1] = Row(prev.where, prev.line, {**prev.values, "task": text}, prev.group)
        else:
            merged.append(r)
    numbers = _numbers(merged)
    _check_rows(merged, numbers, file_name)
    return [_task(n, r.values, plan_year) for n, r in zip(numbers, merged)]


def _numbers(rows: list[Row]) -> list[str]:
    plain = [_number(r.values.get("no", "")) for r in rows]
    qualified = [f"{r.group}.{n}" if r.group and n else n for r, n in zip(rows, plain)]
    if len(set(plain)) < len(plain) and len(set(qualified)) == len(qualified) and all(r.group for r in rows):
        return qualified
    return plain


def _check_rows(rows: list[Row], numbers: list[str], file_name: str) -> None:
    first: dict[str, int] = {}
    for r, n in zip(rows, numbers):
        if not n:
            raise TaskFileError("task_no_number", file_name, r.where[:-1], row=r.line)
        if not r.values.get("task", "").strip():
            raise TaskFileError("task_no_text", file_name, r.where[:-1], row=r.line)
        if n in first:
            raise TaskFileError("task_dup", file_name, r.where, no=n, first=first[n])
        first[n] = r.line


def _task(no: str, v: dict[str, str], plan_year: int) -> Task:
    due_text = v.get("due", "").strip()
    due, recurring = deadlines.parse(due_text, plan_year)
    return Task(no=no, task=v.get("task", "").strip(), lead=v.get("lead", "").strip(),
                partners=v.get("partners", "").strip(), due=due, recurring=recurring, due_text=due_text)
