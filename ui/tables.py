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

import pandas as pd
import streamlit as st

from papi_data import display
from papi_data.figures import TIER_COLORS


def _cell(text: str, value, role: str) -> str:
    if role in display.NUMERIC_ROLES:
        return f'<td class="num">{html.escape(text)}</td>'
    k = display.tier_index(value) if role == display.TIER else None
    if k in TIER_COLORS:
        return (f'<td class="tier"><span class="papi-tier" style="background:{TIER_COLORS[k]}"></span>'
                f"{html.escape(text)}</td>")
    return f"<td>{html.escape(text)}</td>"


def html_table(df: pd.DataFrame, lang: str, max_height: int | None = 560, label: str = "") -> str:
    """`df` as an HTML table (pure): header kept in view while scrolling,
    numbers right-aligned and written for the language, tiers with a swatch
    of their colour (the name is always written, never colour alone). What
    is a number or a tier is the table's column roles (papi_data.display),
    never guessed from the text."""
    roles = display.roles(df)
    shown = display.for_screen(df, lang)
    head = "".join(f'<th scope="col"{" class=num" if r in display.NUMERIC_ROLES else ""}>{html.escape(str(c))}</th>'
                   for c, r in zip(df.columns, roles))
    rows = ["<tr>" + "".join(_cell(shown.iat[i, j], df.iat[i, j], r) for j, r in enumerate(roles)) + "</tr>"
            for i in range(len(df))]
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
