"""Helpers to read the figure JSON that st.plotly_chart sends to the browser."""
from __future__ import annotations

import base64
import json

import numpy as np
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def run(page: str | None, **params) -> AppTest:
    """Open `page` (pages/<page>.py; None = the landing page) with URL query
    params, as a copied link would, and check it ran without exception."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for k, v in params.items():
        at.query_params[k] = str(v)
    if page:
        at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def arr(v) -> list:
    """Plotly 7 writes numeric arrays as typed base64 ('bdata'); NaN -> None."""
    if isinstance(v, dict) and "bdata" in v:
        out = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"])).tolist()
    else:
        out = list(v)
    return [None if isinstance(x, float) and np.isnan(x) else x for x in out]


def trace(spec: dict, name: str) -> dict:
    """The trace called `name`, with x/y/r decoded to lists."""
    d = next(d for d in spec["data"] if d.get("name") == name)
    return {**d, **{k: arr(d[k]) for k in ("x", "y", "r", "z") if k in d}}


def names(spec: dict) -> list[str]:
    return [d.get("name") for d in spec["data"] if d.get("name")]


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def tables(at: AppTest) -> list:
    """The plain HTML tables (ui.tables.html_table) on the page, as frames of
    the text shown in each cell."""
    from html.parser import HTMLParser

    import pandas as pd

    class Cells(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self.cell = [], None

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.rows.append([])
            elif tag in ("td", "th"):
                self.cell = ""

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.cell is not None:
                self.rows[-1].append(self.cell.strip())
                self.cell = None

        def handle_data(self, data):
            if self.cell is not None:
                self.cell += data

    out = []
    for h in at.get("html"):
        if 'class="papi-table"' not in h.value:
            continue
        p = Cells()
        p.feed(h.value)
        out.append(pd.DataFrame(p.rows[1:], columns=p.rows[0]))
    return out
