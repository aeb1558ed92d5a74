"""Show a table the same way on every page, with its source underneath and
CSV/XLSX downloads of exactly what is shown."""
from __future__ import annotations

import pandas as pd
import streamlit as st


def show_table(df: pd.DataFrame, key: str, source: str, downloads: bool = True, **kw) -> None:
    st.dataframe(df, key=key, hide_index=True, **kw)
    if source:
        st.caption(source)
    if downloads and not df.empty:
        from ui.exports import table_buttons
        shown = df
        if kw.get("column_order"):      # a caller that shows some columns downloads just those
            shown = df[[c for c in kw["column_order"] if c in df.columns]]
        table_buttons(shown, key, source)
