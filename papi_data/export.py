"""Files for meetings: tables as CSV/XLSX, charts as PNG/SVG.

Tables are exported exactly as shown, with a sheet of sources and notes in
XLSX. Any cell that a spreadsheet would run as a formula (starting with =,
+, -, @, or a tab/CR) is neutralised with a leading apostrophe. Numbers stay
numbers.

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

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A number as the pages write it (46,96 / 46.96 / +0,68 / -3 / 1.234,5):
# digits, separators and a sign only, so it cannot carry a formula.
_NUMBER = re.compile(r"^[+-]?\d[\d.,]*$")


class BrowserMissing(RuntimeError):
    """No Chromium to render chart images with."""

    def __init__(self):
        super().__init__("Chart images need Chromium: install Debian's package (apt-get install chromium) "
                         "or set BROWSER_PATH to a Chrome/Chromium executable.")


def neutralise(value):
    """A text cell that a spreadsheet would run as a formula (it starts with
    =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so it
    is shown as text. A plain signed number ("-1,90") is left as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell and column name neutralised."""
    out = df.copy()
    out.columns = [neutralise(str(c)) for c in out.columns]
    for c in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[c]) or pd.api.types.is_bool_dtype(out[c])):
            out[c] = out[c].map(neutralise)
    return out


def display_number(value, lang: str):
    """The number a displayed cell stands for ("46,96" in Vietnamese,
    "46.96" in English, signs kept), or None when it is not a number."""
    if not isinstance(value, str) or not _NUMBER.match(value):
        return None
    thousands, decimal = (".", ",") if lang == "vi" else (",", ".")
    text = value.replace(thousands, "").replace(decimal, ".")
    try:
        return float(text)
    except ValueError:
        return None


def _number_format(shown: str, lang: str) -> str:
    """The Excel format that writes a number with as many decimals as the
    page did, with a + for signed changes."""
    decimal = "," if lang == "vi" else "."
    decimals = len(shown.split(decimal, 1)[1]) if decimal in shown else 0
    base = "0" + ("." + "0" * decimals if decimals else "")
    return f"+{base};-{base};{base}" if shown.startswith("+") else base


def table_csv(df: pd.DataFrame) -> bytes:
    """The table exactly as shown, UTF-8 with a BOM so Excel opens
    Vietnamese text correctly; formula-like cells neutralised."""
    return safe_frame(df).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def table_xlsx(df: pd.DataFrame, sources: list[str] | None = None, notes: list[str] | None = None,
               lang: str = "vi", sheet: str | None = None) -> bytes:
    """The table as shown, formatted: bold frozen header, fitted widths,
    numbers written as the page writes them (46,96) stored as numbers with
    the same decimals, text cells neutralised; a second sheet holds the
    sources and notes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    safe = safe_frame(df)
    wb = Workbook()
    ws = wb.active
    ws.title = (sheet or ("Dữ liệu" if lang == "vi" else "Data"))[:31]
    for j, col in enumerate(safe.columns, start=1):
        cell = ws.cell(1, j, str(col))
        cell.font = Font(bold=True)
        cell.data_type = "s"
    for i, row in enumerate(safe.itertuples(index=False), start=2):
        for j, v in enumerate(row, start=1):
            if v is None or (isinstance(v, float) and pd.isna(v)):
                continue
            num = display_number(v, lang)
            if num is not None:
                cell = ws.cell(i, j, num)
                cell.number_format = _number_format(v, lang)
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                cell = ws.cell(i, j, float(v) if isinstance(v, float) else int(v))
                if isinstance(v, float):
                    cell.number_format = "0.00"
            else:
                cell = ws.cell(i, j, str(v) if not isinstance(v, bool) else v)
                if isinstance(v, str):
                    cell.data_type = "s"          # never a formula
    ws.freeze_panes = "A2"
    for j, col in enumerate(safe.columns, start=1):
        width = max([len(str(col))] + [len(str(v)) for v in safe[col].head(200)]) + 2
        ws.column_dimensions[get_column_letter(j)].width = min(width, 60)
    meta = wb.create_sheet("Sources and notes" if lang == "en" else "Nguồn và ghi chú")
    for r, line in enumerate([*(sources or []), *(notes or [])], start=1):
        cell = meta.cell(r, 1, neutralise(line))
        cell.data_type = "s"
    meta.column_dimensions["A"].width = 100
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


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
    path = os.environ.get("BROWSER_PATH")
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
    os.environ["BROWSER_PATH"] = path      # choreographer reads it; it never downloads a browser
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
