"""The analysts' review of next year's proposed targets on the targets page:
the proposals in an editor (values typed with either decimal mark, rows
ticked to accept), acceptance into the target store citing the draft, and
the Word draft built from the values as reviewed."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from papi_data import codebook, display, provinces
from papi_data.db import targets as target_store
from papi_data.i18n import t
from papi_data.plan import draft
from papi_data.targets import short_number
from ui import auth, data
from ui.exports import plan_button
from ui.target_editor import SCORE_PATTERN


def _frame(props: pd.DataFrame, year: int, lang: str) -> pd.DataFrame:
    """The proposals as the analyst reads them; the proposed value is text
    so a typed decimal comma survives (see ui.target_editor)."""
    return pd.DataFrame({
        "accept": True,
        "indicator": [codebook.name(c, lang, year) for c in props["indicator"]],
        "current": [display.number(v, lang) for v in props["baseline_value"]],
        "tier": [display.tier(v, lang) for v in props["tier"]],
        "proposed": [short_number(round(v, 2), lang) for v in props["proposed_value"]],
        "proposed_tier": [display.tier(v, lang) if pd.notna(v) else display.MISSING for v in props["proposed_tier"]],
        "reason": [t(f"plan.reason.{r}", lang) for r in props["reason"]]})


def _config(year: int, lang: str) -> dict:
    col = st.column_config
    return {"accept": col.CheckboxColumn(t("plan.review.col.accept", lang)),
            "indicator": col.TextColumn(t("plan.col.indicator", lang), disabled=True),
            "current": col.TextColumn(t("plan.review.col.current", lang, year=year), disabled=True),
            "tier": col.TextColumn(t("plan.review.col.tier", lang, year=year), disabled=True),
            "proposed": col.TextColumn(t("plan.review.col.proposed", lang), validate=SCORE_PATTERN),
            "proposed_tier": col.TextColumn(t("plan.review.col.proposed_tier", lang), disabled=True),
            "reason": col.TextColumn(t("plan.col.reason", lang), disabled=True)}


def _values(props: pd.DataFrame, edited: pd.DataFrame, lang: str) -> tuple[dict, list[str]]:
    """{indicator: typed value} and the names of the cells that are not numbers."""
    values, bad = {}, []
    for code, name, text in zip(props["indicator"], edited["indicator"], edited["proposed"]):
        try:
            values[code] = draft.number(text)
        except ValueError:
            bad.append(f"{name} ({text})")
    return values, bad


def _accept(code: int, year: int, lang: str, accepted: pd.DataFrame, notes: dict) -> None:
    """Write the accepted proposals as targets of year + 1, refusing while
    the province-year has targets and the analyst has not confirmed."""
    plan_year, store = year + 1, data.store()
    existing = target_store.load(store, code, plan_year)
    if not existing.empty and not st.session_state.get(f"plan_confirm_{code}_{year}"):
        st.error(t("plan.review.exists", lang, province=provinces.name(code, year, lang), n=len(existing),
                   year=plan_year))
        return
    today = dt.date.today()
    new = draft.target_rows(accepted, code, plan_year, year, t("plan.draft.number", lang),
                            t("plan.draft.title", lang, year=plan_year),
                            t("plan.draft.source", lang, year=plan_year, date=today.strftime("%d/%m/%Y")),
                            notes=notes, today=today)
    counts = target_store.apply(store, existing, draft.merged(existing, new), user=auth.user_name(), lang=lang)
    st.session_state["tgt_flash"] = t("plan.review.saved", lang, year=plan_year, **counts)
    st.rerun()


def render(code: int, year: int, lang: str) -> None:
    """The expander of proposed targets for year + 1 and the Word draft."""
    plan_year = year + 1
    with st.expander(t("plan.review.title", lang, year=plan_year)):
        share = st.number_input(t("plan.review.share", lang), min_value=0.05, max_value=1.0, value=1.0, step=0.05,
                                key=f"plan_share_{code}_{year}")
        try:
            base, props = draft.propose_for(data.enriched(), code, plan_year, share)
        except LookupError:
            base = None
        if base != year:
            st.caption(t("plan.review.no_results", lang, year=year))
            return
        st.caption(t("plan.review.help", lang, year=year))
        edited = st.data_editor(_frame(props, year, lang), key=f"plan_editor_{code}_{year}_{share}",
                                hide_index=True, column_config=_config(year, lang), width="stretch")
        values, bad = _values(props, edited, lang)
        overrides = draft.overrides(props, values)
        if bad:
            st.error(t("plan.review.bad", lang, items="; ".join(bad)))
        final = draft.propose_for(data.enriched(), code, plan_year, share, overrides)[1]
        keep = edited["accept"].fillna(False).astype(bool).to_numpy()
        st.checkbox(t("plan.review.confirm", lang, year=plan_year), key=f"plan_confirm_{code}_{year}")
        if st.button(t("plan.review.accept", lang), key="plan_accept", type="primary", disabled=bool(bad)):
            if not keep.any():
                st.error(t("plan.review.none", lang))
            else:
                accepted = final[keep]
                _accept(code, year, lang, accepted, dict(zip(accepted["indicator"],
                                                              edited.loc[keep, "reason"])))
        plan_button(code, year, lang, share=share, overrides=overrides or None)
