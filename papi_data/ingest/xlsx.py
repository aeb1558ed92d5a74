"""A guarded, streaming reader of .xlsx workbooks.

openpyxl's read-only mode trusts the `<dimension>` tag (a stale tag hides
rows; a tag or one cell at XFD1048576 makes it pad rows into gigabytes), and
its normal mode builds the whole workbook in memory. This reader:

1. checks the zip directory first: number of parts, total uncompressed
   size, compression ratio of each part; macro projects (vbaProject.bin)
   are refused;
2. parses every XML part it needs as a stream, refusing a DTD (and so
   entity expansion) and counting the bytes inflated against the limit;
3. keeps only cells that hold a value, tracking the real extent of each
   sheet (never the declared tag, which is only checked against the
   bounds), the number of cells and the length of each, and stops at the
   first bound crossed;
4. reads hidden and very hidden sheets only when asked to, and reports
   their names; flags formulas whose cached value comes from another
   workbook.

Values are what Excel shows: cached results of formulas, shared strings,
booleans, error texts, and dates for cells whose number format is a date.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from .bounds import Limits, limits as current_limits
from .files import a1, col_letter
from .model import FileRejected, issue

MAIN_NS = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
           "http://purl.oclc.org/ooxml/spreadsheetml/main")
REL_NS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "http://purl.oclc.org/ooxml/officeDocument/relationships")
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
_EXTERNAL = re.compile(r"\[\d+\]")          # a reference into externalLinks/externalLinkN.xml
PROLOG_BYTES = 65536


@dataclass
class RawSheet:
    name: str
    state: str                                  # visible | hidden | veryHidden
    rows: list[list] = field(default_factory=list)


@dataclass
class Workbook:
    sheets: list[RawSheet]                      # the sheets read, in workbook order
    hidden: list[str]                           # hidden sheets not read
    formula_issues: list                        # formulas without a cached value, external values


def col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def check_directory(z: zipfile.ZipFile, file_name: str, lim: Limits) -> None:
    """Refuse a zip bomb from its directory alone, before inflating a byte."""
    infos = z.infolist()
    if len(infos) > lim.members:
        raise FileRejected(issue("zip_parts", file_name, n=len(infos), limit=lim.members))
    total = 0
    for i in infos:
        total += i.file_size
        if i.file_size > 1_048_576 and i.file_size > lim.ratio * max(i.compress_size, 1):
            raise FileRejected(issue("zip_ratio", file_name, part=i.filename[:80],
                                     ratio=f"{i.file_size / max(i.compress_size, 1):.0f}",
                                     limit=f"{lim.ratio:.0f}"))
    if total > lim.inflated_bytes:
        raise FileRejected(issue("zip_inflated", file_name, size=f"{total / 1048576:.0f}",
                                 limit=f"{lim.inflated_mb:.0f}"))
    names = {i.filename.lower() for i in infos}
    if any(n.endswith("vbaproject.bin") for n in names):
        raise FileRejected(issue("macro", file_name))


class _Budget:
    """Bytes inflated so far, across every part read, against the limit
    (the directory's sizes can lie; this counts what really comes out)."""

    def __init__(self, lim: Limits, file_name: str, progress=None, expected: int = 0):
        self.left = lim.inflated_bytes
        self.lim = lim
        self.file_name = file_name
        self.progress = progress
        self.expected = max(expected, 1)
        self.done = 0


class _Stream:
    """A zip part as a file for lxml: refuses a DTD in the prolog and stops
    at the inflated-size budget."""

    def __init__(self, z: zipfile.ZipFile, name: str, budget: _Budget):
        self.f = z.open(name)
        self.name = name
        self.budget = budget
        head = self.f.read(PROLOG_BYTES)
        self._count(len(head))
        start = re.search(rb"<[A-Za-z_]", head)
        prolog = head[:start.start()] if start else head
        if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog or b"\x00" in prolog or (
                start is None and len(head) == PROLOG_BYTES):
            raise FileRejected(issue("xml_dtd", budget.file_name, part=name))
        self.head = head

    def _count(self, n: int) -> None:
        b = self.budget
        b.left -= n
        b.done += n
        if b.left < 0:
            raise FileRejected(issue("zip_inflated", b.file_name, size=f"> {b.lim.inflated_mb:.0f}",
                                     limit=f"{b.lim.inflated_mb:.0f}"))
        if b.progress is not None:
            b.progress(min(b.done / b.expected, 1.0))

    def read(self, n: int = -1) -> bytes:
        if self.head:
            out, self.head = self.head, b""
            return out
        out = self.f.read(65536 if n is None or n < 0 else min(n, 65536))
        self._count(len(out))
        return out

    def close(self) -> None:
        self.f.close()


def _events(z, name, budget, tags):
    """(event, element, local name) for the elements named in `tags`."""
    s = _Stream(z, name, budget)
    try:
        parser = etree.iterparse(s, events=("start", "end"), tag=[f"{{*}}{t}" for t in tags],
                                 resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                                 remove_comments=True, remove_pis=True)
        for ev, el in parser:
            yield ev, el, el.tag.rpartition("}")[2]
    finally:
        s.close()


def _attr(el, local: str):
    for ns in REL_NS:
        v = el.get(f"{{{ns}}}{local}")
        if v is not None:
            return v
    return None


def _text_of(el) -> str:
    """Text of a shared or inline string: its <t> runs, without phonetic runs."""
    parts = []
    for t in el.iter():
        if isinstance(t.tag, str) and t.tag.rpartition("}")[2] == "t":
            par = t.getparent()
            if par is not None and par.tag.rpartition("}")[2] == "rPh":
                continue
            parts.append(t.text or "")
    return "".join(parts)


def _workbook(z, budget):
    """Sheets (name, state, part) in workbook order, and whether dates count from 1904."""
    rels = {}
    rel_part = "xl/_rels/workbook.xml.rels"
    if rel_part in z.NameToInfo:
        for ev, el, _ in _events(z, rel_part, budget, {"Relationship"}):
            if ev == "end" and el.get("Type", "").endswith("/worksheet"):
                target = el.get("Target", "")
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join("xl", target))
                rels[el.get("Id")] = target
    out, date1904 = [], False
    for ev, el, local in _events(z, "xl/workbook.xml", budget, {"sheet", "workbookPr"}):
        if ev != "end":
            continue
        if local == "workbookPr":
            date1904 = el.get("date1904") in ("1", "true")
        elif _attr(el, "id") in rels:
            out.append((el.get("name", ""), el.get("state", "visible"), rels[_attr(el, "id")]))
        el.clear()
    return out, date1904


def _shared_strings(z, budget, lim, file_name):
    part = next((n for n in z.NameToInfo if n.lower() == "xl/sharedstrings.xml"), None)
    if part is None:
        return []
    out = []
    for ev, el, local in _events(z, part, budget, {"si"}):
        if ev == "end":
            s = _text_of(el)
            if len(s) > lim.cell_chars:
                raise FileRejected(issue("cell_too_long", file_name, n=len(s), limit=lim.cell_chars))
            out.append(s)
            if len(out) > lim.cells:
                raise FileRejected(issue("too_many_cells", file_name, n=f"> {lim.cells}", limit=lim.cells))
            el.clear()
    return out


def _date_styles(z, budget) -> set[int]:
    """Indexes of the cell formats (the `s` of a cell) that show a date."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
    part = next((n for n in z.NameToInfo if n.lower() == "xl/styles.xml"), None)
    if part is None:
        return set()
    custom, xfs, in_xfs = {}, [], False
    for ev, el, local in _events(z, part, budget, {"numFmt", "cellXfs", "xf"}):
        if local == "cellXfs":
            in_xfs = ev == "start"
        elif ev == "end" and local == "numFmt":
            custom[int(el.get("numFmtId", "0"))] = el.get("formatCode", "")
        elif ev == "end" and local == "xf" and in_xfs:
            xfs.append(int(el.get("numFmtId", "0") or 0))
    out = set()
    for i, fid in enumerate(xfs):
        code = custom.get(fid, BUILTIN_FORMATS.get(fid, ""))
        if code and is_date_format(code):
            out.add(i)
    return out


def _number(v: str):
    if "." in v or "E" in v or "e" in v:
        return float(v)
    return int(v)


def _sheet(z, part, name, file_name, budget, lim, shared, dates, date1904, used_cells, issues):
    """Cells holding a value of one sheet, bounded as they stream in."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900
    epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
    cells: dict[int, dict[int, object]] = {}
    max_r = max_c = -1
    r_cur, c_cur = -1, -1
    for ev, el, local in _events(z, part, budget, {"dimension", "row", "c"}):
        if local == "row":
            if ev == "start":
                rr = el.get("r")
                r_cur = int(rr) - 1 if rr and rr.isdigit() else r_cur + 1
                c_cur = -1
            else:
                el.clear()
                while el.getprevious() is not None:        # free what was read
                    del el.getparent()[0]
            continue
        if ev != "end":
            continue
        if local == "dimension":                           # the declared extent: checked, never trusted
            ref = (el.get("ref") or "").split(":")[-1]
            m = _REF.match(ref)
            if m:
                _bound(file_name, name, ref, int(m.group(2)) - 1, col_index(m.group(1)), lim, used_cells, True)
            continue
        ref = el.get("r")
        m = _REF.match(ref) if ref else None
        if m:
            r, c = int(m.group(2)) - 1, col_index(m.group(1))
        else:
            r, c = r_cur, c_cur + 1
        c_cur = c
        t, style = el.get("t", "n"), el.get("s")
        v, f, inline = _parts(el)
        el.clear()
        if v is not None and len(v) > lim.cell_chars:
            raise FileRejected(issue("cell_too_long", file_name, name, a1(r, c), n=len(v), limit=lim.cell_chars))
        val = inline if t == "inlineStr" else None if v is None else _decoded(v, t, style, shared, dates, epoch,
                                                                            file_name)
        if isinstance(val, str) and len(val) > lim.cell_chars:
            raise FileRejected(issue("cell_too_long", file_name, name, a1(r, c), n=len(val),
                                     limit=lim.cell_chars))
        if f is not None:
            if _EXTERNAL.search(f):
                issues.append(issue("external_value", file_name, name, a1(r, c), formula="=" + f[:60]))
            elif val is None:
                issues.append(issue("formula_no_value", file_name, name, a1(r, c),
                                    formula="=" + f[:60] if f else "=…"))
        if val is None:
            continue
        if r > max_r or c > max_c:
            max_r, max_c = max(r, max_r), max(c, max_c)
            _bound(file_name, name, a1(r, c), max_r, max_c, lim, used_cells, False)
        cells.setdefault(r, {})[c] = val
    grid = [[None] * (max_c + 1) for _ in range(max_r + 1)]
    for r, row in cells.items():
        g = grid[r]
        for c, val in row.items():
            g[c] = val
    return grid, (max_r + 1) * (max_c + 1)


def _parts(el) -> tuple[str | None, str | None, str | None]:
    """A cell element's stored value, formula ("" when unnamed) and inline text."""
    v = f = inline = None
    for ch in el:
        k = ch.tag.rpartition("}")[2] if isinstance(ch.tag, str) else ""
        if k == "v":
            v = ch.text
        elif k == "f":
            f = ch.text or ""
        elif k == "is":
            inline = _text_of(ch)
    return v, f, inline


def _decoded(v: str, t: str, style: str | None, shared: list, dates: set, epoch, file_name: str):
    """A stored value as Python: shared text, boolean, ISO date, number, or a
    number in a date format as the date Excel shows."""
    from openpyxl.utils.datetime import from_excel
    if t == "s":
        try:
            return shared[int(v)]
        except (ValueError, IndexError):
            raise FileRejected(issue("corrupt", file_name)) from None
    if t in ("str", "e"):
        return v
    if t == "b":
        return v.strip() in ("1", "true")
    if t == "d":
        try:
            return dt.datetime.fromisoformat(v.strip().rstrip("Z"))
        except ValueError:
            return v
    try:
        val = _number(v.strip())
    except ValueError:
        raise FileRejected(issue("corrupt", file_name)) from None
    if dates and style and style.isdigit() and int(style) in dates:
        try:
            return from_excel(val, epoch)
        except (ValueError, OverflowError):
            pass
    return val


def _bound(file_name, sheet, cell, r, c, lim, used_cells, declared):
    """The first bound the extent A1:(r, c) crosses, as the refusal."""
    kind = "declared" if declared else "real"
    if r + 1 > lim.rows:
        raise FileRejected(issue("too_many_rows", file_name, sheet, cell, rows=r + 1, limit=lim.rows, kind=kind))
    if c + 1 > lim.columns:
        raise FileRejected(issue("too_many_columns", file_name, sheet, cell, column=col_letter(c),
                                 n=c + 1, limit=lim.columns, kind=kind))
    if used_cells + (r + 1) * (c + 1) > lim.cells:
        raise FileRejected(issue("too_many_cells", file_name, sheet, cell, n=used_cells + (r + 1) * (c + 1),
                                 limit=lim.cells))


def read(raw_zip: zipfile.ZipFile, file_name: str, hidden: bool = False, progress=None,
         lim: Limits | None = None) -> Workbook:
    """The workbook's sheets as grids of the values Excel shows (row-major,
    rows padded to the sheet's real width). Raises FileRejected at the
    first bound crossed."""
    lim = lim or current_limits()
    z = raw_zip
    check_directory(z, file_name, lim)
    expected = sum(i.file_size for i in z.infolist() if i.filename.endswith(".xml") or i.filename.endswith(".rels"))
    budget = _Budget(lim, file_name, progress, expected)
    try:
        listed, date1904 = _workbook(z, budget)
        shared = _shared_strings(z, budget, lim, file_name)
        dates = _date_styles(z, budget)
        sheets, skipped, issues, used = [], [], [], 0
        for name, state, part in listed:
            if state != "visible" and not hidden:
                skipped.append(name)
                continue
            if part not in z.NameToInfo:
                raise FileRejected(issue("corrupt", file_name))
            grid, area = _sheet(z, part, name, file_name, budget, lim, shared, dates, date1904, used, issues)
            used += area
            sheets.append(RawSheet(name, state, grid))
    except etree.XMLSyntaxError:
        raise FileRejected(issue("corrupt", file_name)) from None
    return Workbook(sheets, skipped, issues)
