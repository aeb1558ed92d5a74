"""Download buttons: chart images, tables, the slide deck. Files are made
only when the user clicks (download buttons take a callable)."""
from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from papi_data import deck, export
from papi_data.i18n import t
from ui import data
from ui.sidebar import language


def _slug(text: str) -> str:
    from papi_data.text import fold
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "papi"


def _image(fig: go.Figure, fmt: str) -> bytes:
    try:
        return export.figure_image(fig, fmt)
    except export.BrowserMissing:
        return t("exp_no_browser", language()).encode("utf-8")


def chart_buttons(fig: go.Figure, key: str) -> None:
    lang = language()
    name = _slug(str(fig.layout.title.text or key))
    c1, c2, _ = st.columns([1, 1, 6])
    if export.browser_path() is None:
        st.caption(t("exp_no_browser", lang))
        return
    c1.download_button(t("exp_png", lang), lambda: _image(fig, "png"), file_name=f"{name}.png", mime="image/png",
                       key=f"png_{key}", on_click="ignore", icon=":material/image:")
    c2.download_button(t("exp_svg", lang), lambda: _image(fig, "svg"), file_name=f"{name}.svg",
                       mime="image/svg+xml", key=f"svg_{key}", on_click="ignore", icon=":material/draw:")


def table_buttons(df: pd.DataFrame, key: str, source: str) -> None:
    lang = language()
    c1, c2, _ = st.columns([1, 1, 6])
    c1.download_button(t("exp_csv", lang), lambda: export.table_csv(df), file_name=f"{key}.csv", mime="text/csv",
                       key=f"csv_{key}", on_click="ignore", icon=":material/table:")
    c2.download_button(t("exp_xlsx", lang), lambda: export.table_xlsx(df, sources=[source]), file_name=f"{key}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key=f"xlsx_{key}", on_click="ignore", icon=":material/grid_on:")


def deck_button(province_code: int, year: int, lang: str, key: str = "deck") -> None:
    """'Tạo bài trình chiếu': the deck for this province and year."""
    from papi_data import provinces
    name = _slug(provinces.name(province_code, year, "en"))
    template = None
    with st.expander(t("deck_template", lang)):
        up = st.file_uploader(t("deck_template", lang), type=["pptx"], key=f"{key}_template",
                              label_visibility="collapsed")
        if up is not None:
            template = up.getvalue()
    st.download_button(t("deck_button", lang), lambda: deck.build(data.store(), province_code, year, lang, template),
                       file_name=f"papi-{year}-{name}-{lang}.pptx", key=key, on_click="ignore", type="primary",
                       mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                       icon=":material/slideshow:")
