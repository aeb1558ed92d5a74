"""How a tier and a rank were arrived at, said under the figures that
show them: published groups (with the source) or the quartile rule (a
click away), and the provinces a rank's denominator leaves out."""
from __future__ import annotations

import streamlit as st

from papi_data import official_tiers
from papi_data.i18n import t


def basis(note: str, lang: str, key: str) -> None:
    """The basis sentence (a screen's tier_note) and a popover with the rule."""
    c1, c2 = st.columns([3, 1], vertical_alignment="center")
    c1.caption(note)
    with c2.popover(t("tier_rule_label", lang), icon=":material/help:", key=f"rule_{key}"):
        st.markdown(official_tiers.rule_text(lang))


def not_ranked(note: str | None) -> None:
    """Which provinces the year's ranks leave out (a screen's rank_note)."""
    if note:
        st.caption(note)
