"""Show a chart the same way on every page: the figure, its source line
underneath, and PNG/SVG downloads of exactly that figure."""
from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}


def show_chart(fig: go.Figure, key: str, source: str, note: str | None = None, downloads: bool = True) -> None:
    """Render `fig` with the source under it (and an optional note)."""
    # theme=None: the figure keeps its own fonts and colours (figures.py), so
    # the screen shows exactly what the PNG/SVG and the deck show.
    st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG, width="stretch", theme=None)
    st.caption(source if not note else f"{note}  \n{source}")
    if downloads:
        from ui.exports import chart_buttons
        chart_buttons(fig, key, source, note)
