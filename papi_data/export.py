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

import io
import os
import shutil
import threading

import pandas as pd
import plotly.graph_objects as go

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class BrowserMissing(RuntimeError):
    """No Chromium to render chart images with."""

    def __init__(self):
        super().__init__("Chart images need Chromium: install Debian's package (apt-get install chromium) "
                         "or set BROWSER_PATH to a Chrome/Chromium executable.")


def neutralise(value):
    """A text cell that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out.columns = [neutralise(str(c)) for c in out.columns]
    for c in out.columns:
        if out[c].dtype == object or pd.api.types.is_string_dtype(out[c]):
            out[c] = out[c].map(neutralise)
    return out


def table_csv(df: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so Excel opens Vietnamese text correctly."""
    return safe_frame(df).to_csv(index=False).encode("utf-8-sig")


def table_xlsx(df: pd.DataFrame, sources: list[str] | None = None, notes: list[str] | None = None,
               sheet: str = "data") -> bytes:
    """A formatted workbook: bold frozen header, fitted widths, 2-decimal
    numbers shown (full precision kept), and a 'sources' sheet."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    buf = io.BytesIO()
    safe = safe_frame(df)
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        safe.to_excel(xw, sheet_name=sheet[:31], index=False)
        ws = xw.sheets[sheet[:31]]
        ws.freeze_panes = "A2"
        for j, col in enumerate(safe.columns, start=1):
            ws.cell(1, j).font = Font(bold=True)
            width = max([len(str(col))] + [len(str(v)) for v in safe[col].head(200)]) + 2
            ws.column_dimensions[get_column_letter(j)].width = min(width, 60)
            if pd.api.types.is_float_dtype(safe[col]):
                for r in range(2, len(safe) + 2):
                    ws.cell(r, j).number_format = "0.00"
        meta = pd.DataFrame({"": [neutralise(s) for s in (sources or [])] + [neutralise(n) for n in (notes or [])]})
        meta.to_excel(xw, sheet_name="sources", index=False, header=False)
    return buf.getvalue()


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
    _SERVER["path"] = path


def figure_image(fig: go.Figure, fmt: str = "png", width: int = 1200, height: int | None = None,
                 scale: float = 2.0) -> bytes:
    """PNG or SVG of a figure, drawn from the same plotly figure as the page.
    PNG at `scale` (2 = sharp on a projector), SVG at its nominal size."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown image format {fmt!r}")
    path = browser_path()
    if path is None:
        raise BrowserMissing()
    import kaleido
    h = int(height or fig.layout.height or 500)
    opts = dict(format=fmt, width=int(width), height=h, scale=scale if fmt == "png" else 1)
    with _LOCK:                              # the shared server answers one caller at a time
        _server(path)
        out = kaleido.calc_fig_sync(fig.to_plotly_json(), opts=opts)
    return out.encode("utf-8") if isinstance(out, str) else out
