"""The analysts' target editor: the stored targets as an analyst reads them
(scores with the interface's decimal mark, kinds and tiers by name, blank
cells for nothing) and the edited table back to `papi_data.db.targets.apply`.

Scores are text cells on purpose: the grid's number cells drop a typed
decimal comma ("47,5" became 475); `targets` reads "47,5" and "47.5" alike.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from papi_data import analytics, targets
from papi_data.i18n import t

COLUMNS = ["id", *targets.FIELDS]
SCORE_PATTERN = r"^\s*\d{1,2}([.,]\d+)?\s*$"   # a score cell: 0–99 with either decimal mark


def _score_text(x, lang: str) -> str | None:
    return None if x is None or pd.isna(x) else targets.short_number(x, lang)


def frame(tg: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The province-year's targets as the editor shows them (pure)."""
    df = tg[COLUMNS].copy() if not tg.empty else pd.DataFrame(columns=COLUMNS)
    for f in targets.FLOAT_FIELDS:
        df[f] = pd.Series([_score_text(x, lang) for x in df[f]], index=df.index, dtype=object)
    df["tier"] = pd.Series([None if pd.isna(x) else int(x) for x in df["tier"]], index=df.index, dtype=object)
    return df


def config(lang: str) -> dict:
    def label(f):
        return targets.field_label(f, lang)

    def hint(f):
        return targets.field_help(f, lang)
    cfg = {f: st.column_config.Column(label(f), help=hint(f)) for f in targets.FIELDS}
    cfg["id"] = st.column_config.NumberColumn(label("id"), disabled=True)
    cfg["kind"] = st.column_config.SelectboxColumn(label("kind"), help=hint("kind"), options=list(targets.KINDS),
                                                   format_func=lambda k: t(f"tgt_kind_{k}", lang))
    cfg["tier"] = st.column_config.SelectboxColumn(label("tier"), help=hint("tier"), options=[1, 2, 3, 4],
                                                   width="medium", format_func=lambda k: f"{k} – {analytics.tier_name(k, lang)}")
    for f in targets.FLOAT_FIELDS:
        cfg[f] = st.column_config.TextColumn(label(f), help=hint(f), validate=SCORE_PATTERN, alignment="right")
    for f in ("province_code", "year", "rank_max", "rank_better_than_year", "baseline_year"):
        cfg[f] = st.column_config.NumberColumn(label(f), help=hint(f), step=1, format="%d")
    return cfg


def edit(tg: pd.DataFrame, lang: str, key: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Draw the editor; returns (the table as shown, the table as edited)."""
    shown = frame(tg, lang)
    edited = st.data_editor(shown, key=key, num_rows="dynamic", hide_index=True, column_config=config(lang),
                            placeholder="")
    return shown, edited
