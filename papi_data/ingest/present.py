"""Tables the data page and the exports show: issues, the preview per year
and province, the changed values, the import history and the current data
for download. Pure pandas (no Streamlit); column names in the user's
language, numbers formatted with i18n.fmt."""
from __future__ import annotations

import pandas as pd

from .. import provinces
from ..i18n import fmt, t
from . import groups
from .diff import STATUSES, Preview
from .model import Issue


def issues_table(issues: list[Issue], lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("imp_col_file", lang): [i.file for i in issues],
        t("imp_col_sheet", lang): [i.sheet or "" for i in issues],
        t("imp_col_cell", lang): [i.cell or "" for i in issues],
        t("imp_col_problem", lang): [i.message(lang) for i in issues],
    })


def issue_groups(issues: list[Issue], lang: str) -> pd.DataFrame:
    """One row per kind of problem: an example message, how many times it
    occurs and where first (the list cell by cell is the issues table)."""
    groups: dict[str, list[Issue]] = {}
    for i in issues:
        groups.setdefault(i.code, []).append(i)
    return pd.DataFrame({
        t("imp_col_problem", lang): [g[0].message(lang) for g in groups.values()],
        t("imp_col_count", lang): [len(g) for g in groups.values()],
        t("imp_col_first", lang): [g[0].where(lang) for g in groups.values()],
    })


def _status_cols(lang: str) -> dict[str, str]:
    return {s: t(f"imp_status_{s}", lang) for s in STATUSES}


def by_year_table(pv: Preview, lang: str) -> pd.DataFrame:
    df = pv.by_year.rename(columns={"year": t("col_year", lang), "kept": t("imp_status_kept", lang),
                                    **_status_cols(lang)})
    return df


def by_province_table(pv: Preview, lang: str) -> pd.DataFrame:
    df = pv.by_province.copy()
    df.insert(2, "province", [provinces.name(c, y, lang) for y, c in zip(df.year, df.province_code)])
    df = df.drop(columns="province_code")
    return df.rename(columns={"year": t("col_year", lang), "province": t("province", lang), **_status_cols(lang)})


def changes_table(pv: Preview, lang: str, statuses=("added", "changed", "ci", "ci_removed")) -> pd.DataFrame:
    r = pv.rows[pv.rows.status.isin(statuses)]
    return pd.DataFrame({
        t("col_year", lang): r.year.values,
        t("province", lang): [provinces.name(c, y, lang) for y, c in zip(r.year, r.province_code)],
        t("indicator", lang): r.indicator.values,
        t("imp_col_status", lang): r.status.map(_status_cols(lang)).values,
        t("imp_col_old", lang): [fmt(x, lang, 4) for x in r.old],
        t("imp_col_new", lang): [fmt(x, lang, 4) for x in r.new],
        t("imp_col_delta", lang): [fmt(x, lang, 4, sign=True) for x in r.delta],
    })


def group_notes(found: pd.DataFrame, lang: str) -> list[str]:
    """One sentence per published group record the file gives ("Tệp có
    nhóm theo công bố cho TOTAL 2023: 15/15/15/16 — ...")."""
    return [t("imp_groups_found", lang, indicator=ind, year=y, counts=c) for y, ind, c in groups.counts(found)]


def history_table(h: pd.DataFrame, lang: str) -> pd.DataFrame:
    # The shipped batch's note and author are the product's own words: say them
    # in the interface's language; analysts' notes stay as written.
    seed = (h.kind == "seed").to_numpy()
    who = [t("imp_who_system", lang) if s and w == "system" else w for s, w in zip(seed, h.created_by)]
    note = [t("imp_note_shipped", lang) if s else n for s, n in zip(seed, h.note.fillna(""))]
    return pd.DataFrame({
        t("imp_col_batch", lang): h.id.values,
        t("imp_col_when", lang): pd.to_datetime(h.created_at).dt.strftime("%Y-%m-%d %H:%M").values,
        t("imp_col_who", lang): who,
        t("imp_col_file", lang): h.file_name.values,
        t("imp_col_rows", lang): h.rows_written.values,
        t("imp_col_state", lang): [t("imp_state_active" if a else "imp_state_rolled_back", lang)
                                   for a in h.active.astype(bool)],
        t("imp_col_note", lang): note,
    })


def current_data(scores: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The current scores, one row per (year, province, indicator), with
    province names; what the 'download current data' buttons give."""
    names = {(y, c): provinces.name(c, y, lang) for y, c in set(zip(scores.year, scores.province_code))}
    out = scores[["year", "province_code", "indicator", "value", "ci_low", "ci_high", "se", "source"]].copy()
    out.insert(2, "province", [names[(y, c)] for y, c in zip(out.year, out.province_code)])
    return out


def to_csv(df: pd.DataFrame) -> bytes:
    from ..export import csv_bytes
    return csv_bytes(df)


def to_xlsx(df: pd.DataFrame, sheet: str = "papi") -> bytes:
    from ..export import frame_xlsx
    return frame_xlsx(df, sheet)
