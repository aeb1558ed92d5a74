"""Hostile and heavy files, made the way an attacker (or an unlucky tool)
would make them; shared by the unit tests, the fuzz strategies and
bench/hostile_inputs.py."""
from __future__ import annotations

import io
import re
import zipfile

import openpyxl

from tests.unit import workbooks as W


def rewrite(raw: bytes, edits: dict, add: dict | None = None) -> bytes:
    """The .xlsx with members replaced (name -> function of the old bytes)
    and members added (name -> bytes)."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for i in src.infolist():
            data = src.read(i.filename)
            if i.filename in edits:
                data = edits[i.filename](data)
            z.writestr(i.filename, data)
        for name, data in (add or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def official(year: int = 2025) -> bytes:
    return W.indicator_rows(year)


def bomb(inflated_mb: int = 1024) -> bytes:
    """A real workbook whose sheet part inflates to `inflated_mb` MB of
    blank padding (about 1 MB on disk for 1 GB)."""
    raw = official()
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for i in src.infolist():
            if i.filename != "xl/worksheets/sheet1.xml":
                z.writestr(i.filename, src.read(i.filename))
                continue
            xml = src.read(i.filename)
            cut = xml.index(b"<sheetData>") + len(b"<sheetData>")
            zi = zipfile.ZipInfo(i.filename)
            zi.compress_type = zipfile.ZIP_DEFLATED
            with z.open(zi, "w", force_zip64=True) as f:
                f.write(xml[:cut])
                pad = b" " * (1 << 20)
                for _ in range(inflated_mb):
                    f.write(pad)
                f.write(xml[cut:])
    return out.getvalue()


def far_cell(ref: str = "XFD1048576") -> bytes:
    """About 5 KB: one value at the last cell of a sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "year"
    ws[ref] = 1
    return W.save(wb)


def declared_huge(raw: bytes | None = None) -> bytes:
    """A real workbook whose <dimension> tag claims A1:XFD1048576."""
    raw = raw or official()
    return rewrite(raw, {"xl/worksheets/sheet1.xml": lambda x: re.sub(
        rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', x, count=1)})


def stale_dimension(raw: bytes | None = None) -> bytes:
    """A real workbook whose <dimension> tag covers only its first rows and
    columns (as some tools leave it): every value must still be read."""
    raw = raw or official()
    return rewrite(raw, {"xl/worksheets/sheet1.xml": lambda x: re.sub(
        rb'<dimension ref="[^"]*"', b'<dimension ref="A1:D40"', x, count=1)})


def hidden_template(state: str = "veryHidden") -> bytes:
    """The official 2025 workbook with, before it, a hidden sheet laid out
    as the import template holding other values."""
    wb = openpyxl.load_workbook(io.BytesIO(official()))
    ws = wb.create_sheet("data", 0)
    ws.append(["year", "province", "indicator", "value"])
    ws.append([2025, 1, "TOTAL", 10.0])
    ws.sheet_state = state
    wb.active = 1
    return W.save(wb)


def wide_rows(rows: int = 3000, last_col: int = 16384) -> bytes:
    """Rows reaching column XFD (written as XML directly: openpyxl would take minutes)."""
    col = openpyxl.utils.get_column_letter(last_col).encode()
    return _one_sheet(b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c><c r="%s%d"><v>2</v></c></row>'
                               % (r, r, col, r) for r in range(1, rows + 1)))


def _one_sheet(body: bytes) -> bytes:
    """A workbook whose only sheet holds the given <sheetData> rows."""
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    return rewrite(W.save(wb), {"xl/worksheets/sheet1.xml": lambda x: re.sub(
        rb"<sheetData>.*</sheetData>|<sheetData\s*/>", b"<sheetData>" + body + b"</sheetData>", x, flags=re.S)})


def long_text(mb: int = 100) -> bytes:
    """One sheet of `mb` MB of cell text (inline strings of 30,000 characters)."""
    text = b"x" * 30000
    return _one_sheet(b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>' % (r, r, text)
                               for r in range(1, mb * 1024 * 1024 // 30000 + 1)))


def over_long_cell(chars: int = 40000) -> bytes:
    return _one_sheet(b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b"y" * chars + b"</t></is></c></row>")


def entities(part: str = "xl/worksheets/sheet1.xml") -> bytes:
    """Billion laughs: a DTD of nested entities before the root of a part."""
    dtd = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
           + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                      for i in range(1, 10)) + b"]>\n")

    def edit(x: bytes) -> bytes:
        m = re.match(rb"<\?xml[^>]*\?>\s*", x)
        cut = m.end() if m else 0
        return x[:cut] + dtd + x[cut:]
    return rewrite(official(), {part: edit})


def macro() -> bytes:
    return rewrite(official(), {}, add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 512})


def external_values() -> bytes:
    """The official workbook whose first score cell is a formula into
    another workbook, with its cached value kept."""
    wb = openpyxl.load_workbook(io.BytesIO(official()))
    ws = wb.worksheets[0]
    raw = W.save(wb)
    # openpyxl does not write a cached value for a formula: write the XML.
    target = None
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, (int, float)) and c.value > 1 and c.column > 3:
                target = c.coordinate
                break
        if target:
            break

    def edit(x: bytes) -> bytes:
        return re.sub(rb'<c r="%s"([^>]*)><v>([^<]*)</v></c>' % target.encode(),
                      rb'<c r="%s"\1><f>[1]Sheet1!A1</f><v>\2</v></c>' % target.encode(), x, count=1)
    return rewrite(raw, {"xl/worksheets/sheet1.xml": edit},
                   add={"xl/externalLinks/externalLink1.xml": b'<externalLink xmlns="http://schemas.'
                        b'openxmlformats.org/spreadsheetml/2006/main"/>'})


def template_csv_rows(rows: int, unknown: bool = False) -> bytes:
    """A template CSV of `rows` rows (duplicates of the real ones, or unknown provinces)."""
    head = "year,province,indicator,value\n"
    line = "2025,Xyz,TOTAL,40.1\n" if unknown else "2025,1,TOTAL,40.1\n"
    return (head + line * rows).encode()


def one_line_csv(mb: int = 10) -> bytes:
    return b"year,province,indicator,value" + b"," * (mb * 1024 * 1024) + b"\n"


def wide_csv(extra_columns: int = 20000) -> bytes:
    head = "year,province,indicator,value," + ",".join(f"x{i}" for i in range(extra_columns)) + "\n"
    return (head + "2025,1,TOTAL,40.1" + "," * extra_columns + "\n").encode()
