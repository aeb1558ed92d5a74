"""Show a table the same way on every page, with its source underneath and
CSV/XLSX downloads of exactly what is shown.

Two ways to draw it: the interactive data grid (sorting, search, resizing;
for the data explorer and the analysts' pages) or, for the small read-only
tables of the leader's pages, a plain HTML table. The plain table shows the
numbers in the page's language (46,96 / 46.96) and each tier with its colour,
and it needs none of the grid's front-end code, which is the largest part of
what a first-time visitor's browser loads before the first chart appears.
"""
from __future__ import annotations

import html
import numbers
import re

import pandas as pd
import streamlit as st

from papi_data.analytics import TIER_NAMES
from papi_data.figures import TIER_COLORS
from papi_data.i18n import fmt


# A number as the pages write it (46,96 / -1.90 / +3 / 1.234), or a rank (19/61).
_NUMERIC = re.compile(r"^[+\-−]?\d[\d.,]*(/\d+)?$")


def _text(v, lang: str) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return "–"
    if isinstance(v, numbers.Integral) and not isinstance(v, bool):
        return str(int(v))
    if isinstance(v, numbers.Real) and not isinstance(v, bool):
        return fmt(float(v), lang)
    return str(v)


def html_table(df: pd.DataFrame, lang: str, max_height: int | None = 560, label: str = "") -> str:
    """`df` as an HTML table (pure): header kept in view while scrolling,
    numeric columns right-aligned and written for the language, tier names
    with a swatch of their colour (the name is always written, never colour
    alone)."""
    tiers = {name: TIER_COLORS[k] for k, name in TIER_NAMES[lang].items()}
    cols = [[_text(v, lang) for v in df[c]] for c in df.columns]
    numeric = [bool(col) and all(x == "–" or _NUMERIC.match(x) for x in col) for col in cols]
    head = "".join(f'<th scope="col"{" class=num" if n else ""}>{html.escape(str(c))}</th>'
                   for c, n in zip(df.columns, numeric))
    rows = []
    for i in range(len(df)):
        cells = []
        for col, num in zip(cols, numeric):
            x = col[i]
            if num:
                cells.append(f'<td class="num">{x}</td>')
            elif x in tiers:
                cells.append(f'<td class="tier"><span class="papi-tier" style="background:{tiers[x]}"></span>{x}</td>')
            else:
                cells.append(f"<td>{html.escape(x)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    height = f"max-height:{max_height}px;" if max_height else ""
    # The scrolling box is focusable so keyboard users can scroll it too.
    return (
        "<style>"
        ".papi-table{" + height + "overflow:auto;border:1px solid rgba(49,51,63,.2);border-radius:.5rem}"
        ".papi-table table{border-collapse:collapse;width:100%;font-size:.875rem}"
        ".papi-table th{position:sticky;top:0;background:#F0F2F6;text-align:left;font-weight:600;"
        "vertical-align:bottom}"
        ".papi-table th,.papi-table td{padding:.3rem .6rem;border-bottom:1px solid rgba(49,51,63,.1)}"
        ".papi-table .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
        ".papi-table th.num{white-space:normal;min-width:4.5em}.papi-table td.tier{white-space:nowrap}"
        ".papi-table td:first-child:not(.num){min-width:9em}"
        ".papi-table tr:nth-child(even) td{background:#FAFAFC}"
        ".papi-tier{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em;"
        "vertical-align:-.05em}"
        "</style>"
        f'<div class="papi-table" tabindex="0" role="region" aria-label="{html.escape(label)}">'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def show_table(df: pd.DataFrame, key: str, source: str, downloads: bool = True, plain: bool = False,
               max_height: int | None = 560, **kw) -> None:
    """Draw `df` (data grid, or a plain HTML table when `plain`), its source
    and a Download menu (CSV, Excel) of exactly the columns shown."""
    if plain:
        from ui.sidebar import language
        with st.container(key=f"tbl_{key}"):
            st.html(html_table(df, language(), max_height, label=source))
    else:
        st.dataframe(df, key=key, hide_index=True, **kw)
    if source:
        st.caption(source)
    if downloads and not df.empty:
        from ui.exports import table_buttons
        shown = df
        if kw.get("column_order"):      # a caller that shows some columns downloads just those
            shown = df[[c for c in kw["column_order"] if c in df.columns]]
        table_buttons(shown, key, source)
