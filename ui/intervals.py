"""The profile's verdict on the change since the year before: larger than
its uncertainty, within it, or no interval known; the rule a click away."""
import streamlit as st

from papi_data.i18n import t


def change_verdict(where, verdict: str | None, prev_year: int | None, lang: str) -> None:
    """Under the headline's change (in the column `where`)."""
    if verdict is None:
        return
    where.caption(t("ival_change_label", lang, prev=prev_year, verdict=t(f"ival_verdict_{verdict}", lang)))
    with where.popover(t("ival_rule_button", lang)):
        st.write(t("ival_rule", lang))
