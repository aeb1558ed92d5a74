"""Files for meetings: tables as CSV/XLSX, charts as PNG/SVG.

Every CSV and XLSX the product writes (pages, command line, templates,
the workbooks embedded in a deck's charts) goes through the writers here,
so no text from the data reaches a spreadsheet as a formula:

- CSV: a text cell starting with =, +, -, @, a tab or a carriage return
  gets a leading apostrophe (a CSV cell has no type; this is what
  spreadsheets show as text). Numbers stay numbers.
- XLSX: numbers are numbers, text is a typed text cell (never a formula)
  and formula-like text is also marked "quote prefix", as Excel marks text
  typed after an apostrophe: it shows as typed, without an apostrophe, stays
  text when the cell is edited, and reads back unchanged.

Tables are exported exactly as shown, with a sheet of sources and notes in
XLSX.

Chart images are rendered by plotly through kaleido, which drives the
machine's Chromium (Debian's `chromium`, found on PATH or via BROWSER_PATH);
nothing is downloaded.
"""
from __future__ import annotations

import atexit
import contextlib
import io
import os
import re
import shutil
import threading

import pandas as pd
import plotly.graph_objects as go

from . import display, settings

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A number as the pages write it (46,96 / 46.96 / +0,68 / -3 / 1.234,5):
# digits, separators and a sign only, so it cannot carry a formula.
_NUMBER = re.compile(r"^[+-]?\d[\d.,]*$")


class BrowserMissing(RuntimeError):
    """No Chromium to render chart images with."""

    def __init__(self):
        super().__init__("Chart images need Chromium: install Debian's package (apt-get install chromium) "
                         "or set BROWSER_PATH to a Chrome/Chromium executable.")


def formula_like(value) -> bool:
    """True for text a spreadsheet would run as a formula (it starts with
    =, +, -, @, a tab or a carriage return); a plain signed number ("-1,90")
    is not."""
    return isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.match(value)


def neutralise(value):
    """A formula-like text cell gets a leading apostrophe, so it is shown as
    text (CSV, and text inside other text such as notes)."""
    return "'" + value if formula_like(value) else value


def put(ws, row: int, col: int, value, number_format: str | None = None):
    """Write one XLSX cell: None stays empty, numbers and booleans as
    themselves, anything else as typed text (formula-like text marked quote
    prefix, see the module docstring). Returns the cell."""
    import datetime as _dt
    cell = ws.cell(row, col)
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return cell
    if isinstance(value, (bool, int, float)):
        cell.value = value
    elif hasattr(value, "item") and not isinstance(value, str):      # numpy scalar
        return put(ws, row, col, value.item(), number_format)
    elif isinstance(value, (_dt.date, _dt.datetime)):
        cell.value = value
    else:
        text = str(value)
        cell.value = text
        cell.data_type = "s"                 # never a formula, whatever it starts with
        if formula_like(text):
            cell.quotePrefix = True
    if number_format:
        cell.number_format = number_format
    return cell


def append(ws, values) -> None:
    """`ws.append` through `put`: one row below the last."""
    row = ws.max_row + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
    for j, v in enumerate(values, start=1):
        put(ws, row, j, v)


def workbook_bytes(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def frame_xlsx(df: pd.DataFrame, sheet: str = "papi") -> bytes:
    """A plain one-sheet workbook of a frame (header, then rows), written
    through `put`: what the data page's downloads and templates give."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    append(ws, [str(c) for c in df.columns])
    for row in df.itertuples(index=False):
        append(ws, list(row))
    return workbook_bytes(wb)


def csv_text(df: pd.DataFrame, lineterminator: str = "\n", sep: str = ",") -> str:
    """A frame as CSV text, formula-like text cells and column names
    neutralised, numbers as numbers."""
    return safe_frame(df).to_csv(index=False, lineterminator=lineterminator, sep=sep)


def csv_bytes(df: pd.DataFrame, lineterminator: str = "\r\n", sep: str = ",") -> bytes:
    """`csv_text` in UTF-8 with a BOM, so Excel opens Vietnamese text
    correctly; lines end in CRLF (RFC 4180), which also makes the writer
    quote a cell holding a carriage return, so it cannot start a new row."""
    return csv_text(df, lineterminator, sep).encode("utf-8-sig")


def chart_data():
    """A python-pptx CategoryChartData whose embedded workbook (the one
    PowerPoint opens for "Edit data") writes every label as text: the
    library's writer would turn a label starting with = into a formula."""
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xlsx import CategoryWorkbookWriter
    return _safe_chart_data(CategoryChartData, CategoryWorkbookWriter)()


def _safe_chart_data(base, writer_base):
    import contextlib as _cl

    from xlsxwriter import Workbook as _XlsxWorkbook

    class _Writer(writer_base):
        @_cl.contextmanager
        def _open_worksheet(self, xlsx_file):
            wb = _XlsxWorkbook(xlsx_file, {"in_memory": True, "strings_to_formulas": False,
                                          "strings_to_urls": False})
            ws = wb.add_worksheet()
            quoted, write = wb.add_format({"quote_prefix": True}), ws._write

            def _write(row, col, token, *rest):    # the same rule as `put`: formula-like text quote-prefixed
                if formula_like(token):
                    return ws.write_string(row, col, token, quoted)
                return write(row, col, token, *rest)
            ws._write = _write
            yield wb, ws
            wb.close()

    class _Data(base):
        @property
        def _workbook_writer(self):
            w = self.__dict__.get("_safe_writer")
            if w is None:
                w = self.__dict__["_safe_writer"] = _Writer(self)
            return w

    return _Data


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell and column name neutralised."""
    out = df.copy()
    out.columns = [neutralise(str(c)) for c in out.columns]
    for j in range(out.shape[1]):          # by position: a table may repeat a column name
        col = out.iloc[:, j]
        if not (pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col)
                or pd.api.types.is_datetime64_any_dtype(col)):
            out.isetitem(j, pd.Series([neutralise(v) for v in col], index=out.index, dtype=object))  # no re-typing
    return out


def table_csv(df: pd.DataFrame, lang: str = "vi") -> bytes:
    """The table as shown, for a spreadsheet: UTF-8 with a BOM so Excel
    opens Vietnamese text correctly; formula-like cells neutralised; numbers
    written so a spreadsheet reads them as numbers (display.csv_frame). In
    Vietnamese the cells are separated by ";" (the list separator of
    Vietnamese regional settings, whose decimal sign is the comma), so
    "46,96" is read as the number it is; in English "," and "46.96"."""
    return csv_bytes(display.csv_frame(df, lang), sep=";" if lang == "vi" else ",")


def table_xlsx(df: pd.DataFrame, sources: list[str] | None = None, notes: list[str] | None = None,
               lang: str = "vi", sheet: str | None = None) -> bytes:
    """The table as shown, formatted: bold frozen header, fitted widths,
    numbers stored as numbers with the screen's decimals and signs (a rank
    19 formatted 19/61), tiers by name, text as typed text (`put`); a second
    sheet holds the sources and notes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    wb = Workbook()
    ws = wb.active
    ws.title = (sheet or ("Dữ liệu" if lang == "vi" else "Data"))[:31]
    roles = display.roles(df)
    shown = display.for_screen(df, lang)
    for j, col in enumerate(df.columns, start=1):
        put(ws, 1, j, str(col)).font = Font(bold=True)
        for i, v in enumerate(df.iloc[:, j - 1], start=2):
            value, number_format = display.excel_value(v, roles[j - 1], lang, display.digits_of(df, col, v))
            put(ws, i, j, value, number_format)
    ws.freeze_panes = "A2"
    for j, col in enumerate(shown.columns, start=1):
        width = max([len(str(col))] + [len(str(v)) for v in shown.iloc[:200, j - 1]]) + 2
        ws.column_dimensions[get_column_letter(j)].width = min(width, 60)
    meta = wb.create_sheet("Sources and notes" if lang == "en" else "Nguồn và ghi chú")
    for r, line in enumerate([*(sources or []), *(notes or [])], start=1):
        put(meta, r, 1, line)
    meta.column_dimensions["A"].width = 100
    return workbook_bytes(wb)


def with_source(fig: go.Figure, source: str | None, note: str | None = None) -> go.Figure:
    """A copy of `fig` for a file: its source (and note) written under the
    title, so an image pasted into a report still says where the numbers
    come from; margins wide enough that nothing is cut off outside the
    browser. The page's own figure is left as it is."""
    out = go.Figure(fig)
    m = out.layout.margin
    out.update_layout(margin={"l": max(m.l or 0, 60), "r": max(m.r or 0, 30), "t": max(m.t or 0, 100),
                              "b": max(m.b or 0, 40)},
                      title={"x": 0.01, "xref": "container", "y": 1, "yref": "container", "yanchor": "top",
                             "pad": {"t": 14}})
    out.update_xaxes(automargin=True)
    out.update_yaxes(automargin=True)
    text = "  ".join(x for x in (note, source) if x)
    if text:
        out.update_layout(title={"subtitle": {"text": text, "font": {"size": 12, "color": "#555555"}}})
    return out


def browser_path() -> str | None:
    """The Chrome/Chromium kaleido will drive: BROWSER_PATH if it points at a
    file, else the first of chromium/chrome on PATH; None when there is none."""
    path = settings.browser_path()
    if path and os.path.exists(path):
        return path
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


_LOCK = threading.Lock()
_SERVER = {"path": None}


def _server(path: str) -> None:
    """One headless browser per process, started on the first export and
    kept for the next ones (a fresh browser costs seconds). No script is
    fetched from the network: plotly.js comes from the installed plotly
    package and MathJax is off."""
    import kaleido
    if _SERVER["path"] == path and kaleido._global_server.is_running():
        return
    if kaleido._global_server.is_running():
        kaleido.stop_sync_server(silence_warnings=True)
    os.environ["BROWSER_PATH"] = path      # a write, not a setting: choreographer reads it, never downloads a browser
    kaleido.start_sync_server(n=1, timeout=60, mathjax=False, path=path, silence_warnings=True)
    if _SERVER["path"] is None:          # close the browser with the process, not halfway through a message
        atexit.register(_stop)
    _SERVER["path"] = path


def _stop() -> None:
    import kaleido
    with contextlib.suppress(Exception):
        if kaleido._global_server.is_running():
            kaleido.stop_sync_server(silence_warnings=True)


def figure_image(fig: go.Figure, fmt: str = "png", width: int | None = None, height: int | None = None,
                 scale: float = 2.0) -> bytes:
    """PNG or SVG of a figure, drawn from the same plotly figure as the page.
    PNG at `scale` (2 = sharp on a projector), SVG at its nominal size.
    Width: the figure's own, else 1200 px (a radar alone: 900 px, so it is
    not lost in white space)."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown image format {fmt!r}")
    path = browser_path()
    if path is None:
        raise BrowserMissing()
    import kaleido
    h = int(height or fig.layout.height or 500)
    polar = bool(fig.data) and all(tr.type in ("scatterpolar", "barpolar") for tr in fig.data)
    width = width or fig.layout.width or (900 if polar else 1200)
    opts = dict(format=fmt, width=int(width), height=h, scale=scale if fmt == "png" else 1)
    with _LOCK:                              # the shared server answers one caller at a time
        _server(path)
        out = kaleido.calc_fig_sync(fig.to_plotly_json(), opts=opts)
    return out.encode("utf-8") if isinstance(out, str) else out
