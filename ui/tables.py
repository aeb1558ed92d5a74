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
        table_buttons(df, key, source)
