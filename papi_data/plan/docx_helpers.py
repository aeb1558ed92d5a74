"""python-docx building blocks in the form of a Vietnamese administrative
document: Times New Roman 13 pt on A4, the two-column header block, and
tables whose header row repeats on every page and whose rows may break."""
from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
SIZE = Pt(13)


def new_document() -> Document:
    """An empty A4 document with the official font and margins."""
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Mm(30), Mm(20), Mm(20), Mm(20)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, SIZE
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    return doc


def header_block(doc: Document, issuer: str, number: str, place_date: str) -> None:
    """Issuing body and number on the left; the national motto and the date on the right."""
    t = doc.add_table(rows=2, cols=2)
    left, right = t.cell(0, 0), t.cell(0, 1)
    _centred(left, issuer, bold=True)
    _centred(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    _centred(right, "Độc lập - Tự do - Hạnh phúc", bold=True, new=True)
    _centred(t.cell(1, 0), number)
    _centred(t.cell(1, 1), place_date, italic=True)
    # The motto must fit on one line: the right column takes most of the width.
    t.autofit = False
    for col, width in zip(t.columns, (Mm(62), Mm(98))):
        col.width = width
        for cell in col.cells:
            cell.width = width


def title(doc: Document, text: str) -> None:
    """The document's centred bold title."""
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(text).bold = True


def _centred(cell, text: str, bold=False, italic=False, new=False) -> None:
    # The header block is set in 12 pt, as official documents print it, so the
    # national title holds on one line.
    p = cell.add_paragraph() if new else cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(12)


def heading(doc: Document, text: str) -> None:
    """A bold section heading in the body font (not a Word heading style)."""
    p = doc.add_paragraph()
    p.add_run(text).bold = True


def table(doc: Document, header: list[str], rows: list[list[str]], wide: int = 0):
    """A bordered table; the header row repeats across pages and rows may
    break. Column `wide` holds the long text (an indicator's name, a task)."""
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, header):
        cell.paragraphs[0].add_run(text).bold = True
    trpr = t.rows[0]._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    trpr.append(mark)
    for values in rows:
        for cell, text in zip(t.add_row().cells, values):
            cell.text = text
    _widths(t, wide)
    return t


TEXT_WIDTH_MM = 160   # A4 less the 30 and 20 mm margins


def _widths(t, wide: int = 0) -> None:
    """Columns as wide as their longest text (within bounds), the `wide` one
    (an indicator's name, a task) at least two fifths of the line: names
    wrap less, numbers and tier names never."""
    longest = [max(len(c.text) for c in col.cells) for col in t.columns]
    weights = [min(max(k, 9), 24) for k in longest]   # 9: a score and its cell padding
    weights[wide] = max(weights[wide], (sum(weights) - weights[wide]) * 2 / 3)
    widths = [Mm(TEXT_WIDTH_MM * w / sum(weights)) for w in weights]
    t.autofit = False
    for col, w in zip(t.columns, widths):      # the grid LibreOffice lays out by
        col.width = w
    for row in t.rows:                          # and each cell, as Word reads it
        for cell, w in zip(row.cells, widths):
            cell.width = w
