"""Show a table the same way on every page, with its source underneath."""
from __future__ import annotations

import pandas as pd
import streamlit as st


def show_table(df: pd.DataFrame, key: str, source: str, **kw) -> None:
    st.dataframe(df, key=key, hide_index=True, **kw)
    st.caption(source)
