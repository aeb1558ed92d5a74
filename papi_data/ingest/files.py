"""Opening an uploaded file: size, type, encryption and corruption checks,
then a plain grid of cell values per sheet (or the rows of a CSV)."""
from __future__ import annotations

import csv
import io
import os
import re
import zipfile
import zlib
from dataclasses import dataclass

from .. import settings
from . import bounds
from . import text_files
from .model import FileRejected, issue

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
DEFAULT_MAX_MB = settings.DEFAULT_IMPORT_MAX_MB
max_bytes = settings.import_max_bytes


@dataclass
class Sheet:
    name: str
    rows: list[list]  # cell values, row-major, ragged rows padded to the same width


def col_letter(c: int) -> str:
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def a1(r: int, c: int) -> str:
    """0-based (row, column) -> 'B5'."""
    return f"{col_letter(c)}{r + 1}"


_MAGIC = ((b"%PDF", "PDF"), (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"))


def _binary_kind(raw: bytes) -> str | None:
    """'PDF', 'PNG', … or 'binary' for content that is not text; None for text."""
    for magic, name in _MAGIC:
        if raw.startswith(magic):
            return name
    return "binary" if b"\x00" in raw[:4096] else None


def kind_of(raw: bytes, file_name: str, limit: int | None = None) -> str:
    """'xlsx' or 'csv', or FileRejected naming what is wrong with the file."""
    limit = max_bytes() if limit is None else limit
    if not raw or not raw.strip():
        raise FileRejected(issue("empty", file_name))
    if len(raw) > limit:
        raise FileRejected(issue("too_large", file_name, size=f"{len(raw) / 1048576:.1f}",
                                 limit=f"{limit / 1048576:.0f}"))
    ext = os.path.splitext(file_name.lower())[1]
    if raw.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in raw:
            raise FileRejected(issue("encrypted", file_name))
        raise FileRejected(issue("legacy_xls", file_name))
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                names = set(z.namelist())
                from .xlsx import check_directory
                check_directory(z, file_name, bounds.limits())   # before inflating anything
                bad = z.testzip()
        except (zipfile.BadZipFile, EOFError, ValueError, OSError, zlib.error, NotImplementedError):
            # A damaged deflate stream surfaces as zlib.error from testzip().
            raise FileRejected(issue("corrupt", file_name)) from None
        if bad is not None:
            raise FileRejected(issue("corrupt", file_name))
        if "xl/workbook.xml" not in names:
            raise FileRejected(issue("wrong_type", file_name, ext=ext or "?"))
        return "xlsx"
    if ext in (".xlsx", ".xlsm"):
        raise FileRejected(issue("corrupt", file_name))
    if ext in (".csv", ".txt", "") and text_files.is_unicode_text(raw):
        return "csv"  # UTF-16 ("Unicode Text") holds zero bytes: tell it from binary first
    content = _binary_kind(raw)
    if content and ext in (".csv", ".txt", ""):
        # Named as a text table but holding something else: say what it holds.
        raise FileRejected(issue("not_text", file_name, ext=ext or "?", content=content))
    if content:
        raise FileRejected(issue("wrong_type", file_name, ext=ext or "?"))
    if ext in (".csv", ".txt", ""):
        return "csv"
    raise FileRejected(issue("wrong_type", file_name, ext=ext))


def _trim(rows: list[list]) -> list[list]:
    while rows and all(v is None or (isinstance(v, str) and not v.strip()) for v in rows[-1]):
        rows.pop()
    width = max((len(r) for r in rows), default=0)
    return [list(r) + [None] * (width - len(r)) for r in rows]


def read_xlsx(raw: bytes, file_name: str, hidden: bool = False, progress=None) -> tuple[list[Sheet], list]:
    """The sheets as grids of cached values (hidden sheets only with
    `hidden`), and the issues found while reading: a note naming hidden
    sheets left out, every formula cell that has no cached value (a file
    saved by a program that does not compute formulas) and every value
    cached from another workbook. Bounded: see ingest.bounds and ingest.xlsx."""
    from . import xlsx
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            wb = xlsx.read(z, file_name, hidden=hidden, progress=progress)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, EOFError, zlib.error, NotImplementedError):
        raise FileRejected(issue("corrupt", file_name)) from None
    sheets = [Sheet(s.name, _trim(s.rows)) for s in wb.sheets]
    problems = list(wb.formula_issues)
    if wb.hidden:
        problems.insert(0, issue("hidden_sheets", file_name, n=len(wb.hidden),
                                 names=", ".join(f"“{n}”" for n in wb.hidden)[:300]))
    return sheets, problems


def read_csv(raw: bytes, file_name: str) -> Sheet:
    """A text table in UTF-8 (with or without BOM) or UTF-16 (Excel's
    "Unicode Text"), comma-, semicolon- or tab-separated; legacy Vietnamese
    encodings are refused (text_files). Decimal commas are handled when
    numbers are parsed."""
    text = text_files.decode(raw, file_name)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        raise FileRejected(issue("empty", file_name))
    head = lines[0]
    delim = max([";", ",", "\t"], key=lambda d: head.count(d))
    if head.count(delim) == 0:
        raise FileRejected(issue("no_layout", file_name))
    check_csv(lines, text, delim, file_name)
    rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delim)]
    rows = [[(v if v.strip() else None) for v in r] for r in rows]
    return Sheet("", _trim(rows))


def check_csv(lines: list[str], text: str, delim: str, file_name: str) -> None:
    """Bounds of a CSV decided before it is split into cells: line length,
    rows, columns and total values (counted on the text, in C)."""
    lim = bounds.limits()
    for i, ln in enumerate(lines):
        if len(ln) > lim.line_chars:
            raise FileRejected(issue("line_too_long", file_name, cell=f"{col_letter(0)}{i + 1}", n=len(ln),
                                     limit=lim.line_chars))
    if len(lines) > lim.rows:
        raise FileRejected(issue("too_many_rows", file_name, cell=f"A{lim.rows + 1}", rows=len(lines),
                                 limit=lim.rows, kind="real"))
    widest = max(range(len(lines)), key=lambda i: lines[i].count(delim))
    width = lines[widest].count(delim) + 1
    if width > lim.columns:
        raise FileRejected(issue("too_many_columns", file_name, cell=f"{col_letter(lim.columns)}{widest + 1}",
                                 column=col_letter(width - 1), n=width, limit=lim.columns, kind="real"))
    total = text.count(delim) + len(lines)
    if total > lim.cells:
        raise FileRejected(issue("too_many_cells", file_name, n=total, limit=lim.cells))


_MISSING = {"", "-", "–", "—", "n/a", "na", "…", "...", ".."}
_DEC_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_THOUSANDS_DOT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+,\d+$")


class NotANumber(ValueError):
    pass


def number(v) -> float | None:
    """A cell as a float; None when blank or an explicit 'no value' mark.
    Raises NotANumber for other text. Accepts decimal commas (46,96)."""
    if v is None:
        return None
    if isinstance(v, bool):
        raise NotANumber(str(v))
    if isinstance(v, (int, float)):
        if v != v:
            return None
        if v in (float("inf"), float("-inf")):  # a float cell can hold what no text may
            raise NotANumber(str(v))
        return float(v)
    s = str(v).strip().replace("\u00a0", "").replace(" ", "")
    if s.lower() in _MISSING:
        return None
    if _DEC_COMMA.match(s):
        s = s.replace(",", ".")
    elif _THOUSANDS_DOT.match(s):
        s = s.replace(".", "").replace(",", ".")
    try:
        x = float(s)
    except ValueError:
        raise NotANumber(str(v)) from None
    if x != x or x in (float("inf"), float("-inf")):
        raise NotANumber(str(v))
    return x


def text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()
