"""Published PAPI groups on the data page: the records in use for
everyone; for analysts, upload of a group file (CSV, the columns of
data/official_tiers.csv), checked whole, then imported."""
from __future__ import annotations

import hashlib
import io

import pandas as pd
import streamlit as st

from papi_data import display, official_tiers
from papi_data.db import groups as groups_store
from papi_data.i18n import t
from ui import auth, data, tables, uploads


def _read(raw: bytes, name: str) -> pd.DataFrame:
    g = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in official_tiers.COLUMNS if c not in g.columns]
    if missing:
        raise official_tiers.InvalidGroups([official_tiers.Problem(
            name, None, f"thiếu cột {', '.join(missing)}", f"missing column(s) {', '.join(missing)}")])
    g = g[official_tiers.COLUMNS].apply(lambda s: s.str.strip())
    g.attrs["file"] = name
    return g


def shown_records(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The group records as the page shows them: counts and score bounds as
    numbers (blank where the source gives none), the tier by name, and the
    citation in the interface's language where its wording is on record."""
    out = summary.copy()
    out["count"] = pd.to_numeric(out["count"].replace("", None), errors="coerce").astype("Int64")
    for c in ("score_min", "score_max"):     # as published, every decimal kept (7,8579)
        out[c] = pd.to_numeric(out[c].replace("", None), errors="coerce").astype(float)
    out["tier"] = out["tier"].astype(int)
    out["year"] = out["year"].astype(str)    # a year, not a number to group by thousands
    out["source"] = [official_tiers.citation(s, lang=lang) or c for s, c in zip(out["source"], out["citation"])]
    names = {"year": t("col_year", lang), "indicator": t("indicator", lang), "tier": t("tier", lang),
             "n": t("grp_col_n", lang),
             **{c: t(f"grp_col_{c}", lang) for c in ("count", "score_min", "score_max", "lowest", "highest", "source")}}
    out = out.drop(columns=["citation"]).rename(columns=names)
    return display.with_roles(out, {names["tier"]: display.TIER, names["count"]: display.NUMBER,
                                    names["score_min"]: display.NUMBER, names["score_max"]: display.NUMBER},
                              digits={names["count"]: 0, names["n"]: 0,
                                      names["score_min"]: None, names["score_max"]: None})


def section(lang: str) -> None:
    store = data.store()
    st.subheader(t("grp_title", lang))
    st.caption(t("grp_caption", lang))
    tables.show_table(shown_records(groups_store.summary(store), lang), "grp_records", t("grp_source", lang),
                      downloads=False, plain=True, max_height=320)
    if not auth.is_analyst():
        return
    # Behind a switch: the release import above stays the page's one uploader until asked.
    if not st.toggle(t("grp_open", lang), key="grp_open"):
        return
    up = uploads.uploader(t("grp_upload", lang), ["csv"], key="grp_file", lang=lang)
    if up is None:
        return
    raw = up.getvalue()
    try:
        groups = _read(raw, up.name)
        problems = groups_store.check(store, groups)
    except official_tiers.InvalidGroups as e:
        groups, problems = None, e.problems
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as e:
        groups, problems = None, [official_tiers.Problem(up.name, None, f"không đọc được tệp CSV ({e})",
                                                          f"not a readable CSV file ({e})")]
    if problems:
        st.error(t("grp_rejected", lang, n=len(problems)))
        st.markdown("\n".join(f"- {p.text(lang)}" for p in problems))
        return
    n = groups.groupby(["year", "indicator"]).ngroups
    st.success(t("grp_valid", lang, n=n))
    key = hashlib.sha256(raw).hexdigest()[:12]
    if st.button(t("grp_import", lang), type="primary", key=f"grp_import_{key}"):
        groups_store.import_groups(store, groups, up.name, user=auth.user_name())
        data.clear()
        st.success(t("grp_imported", lang, n=n, file=up.name))
