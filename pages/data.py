"""Data page: downloads of the current data and the template for everyone;
for analysts, upload -> validation -> preview -> commit, and the import
history with rollback."""
import hashlib

import streamlit as st

from papi_data import ingest, vintages
from papi_data.i18n import fmt, t
from papi_data.ingest import present, template
from papi_data.db.scores import FieldTooLong, StaleData
from ui import auth, data, groups_import, province_map, reader, sidebar, tables, uploads

lang, _year = sidebar.render(allow_empty=True)
store = data.store()

st.title(t("data_title", lang))
st.caption(t("data_intro", lang))
tab_import, tab_history, tab_download = st.tabs([t("tab_import", lang), t("tab_history", lang),
                                                 t("tab_download", lang)])

# ---- import (analysts) -------------------------------------------------------------------
with tab_import:
    analyst = auth.gate(lang)
    if analyst:
        n = st.session_state.setdefault("imp_round", 0)
        if st.session_state.get("imp_done"):
            st.success(st.session_state.pop("imp_done"))
        if st.session_state.pop("imp_stale", False):
            st.error(t("imp_err_stale", lang))
        up = uploads.uploader(t("imp_upload", lang), ["xlsx", "csv", "txt"], key=f"imp_file_{n}", lang=lang,
                              help=t("imp_upload_help", lang))
        if up is not None:
            raw = up.getvalue()
            sha = hashlib.sha256(raw).hexdigest()
            hidden = st.session_state.get(f"imp_hidden_{sha[:8]}", False)
            # names the analyst mapped for this file, over those saved from earlier files
            mapped, leave_out = province_map.choices(sha)
            aliases = ingest.mapping_by_era(store, mapped)
            found = reader.read(raw, up.name, lang, hidden=hidden, aliases=aliases, sha=sha)
            if hidden or any(i.code == "hidden_sheets" for i in found.issues):
                st.checkbox(t("imp_hidden", lang), key=f"imp_hidden_{sha[:8]}", help=t("imp_hidden_help", lang))
            picked = None
            st.caption(t("imp_detected", lang, layout=t(f"imp_layout_{found.layout}", lang),
                         years=", ".join(map(str, found.years_found)) or "–"))
            if len(found.years_found) > 1 and found.layout != "template":
                picked = st.multiselect(t("imp_years", lang), found.years_found, default=found.default_years,
                                        key=f"imp_years_{sha[:8]}", help=t("imp_years_help", lang))
            # The plan is kept while the file, the years and the analyst's mapping stay the same: the
            # preview shown is the one committed, and the store refuses it (StaleData) if the data
            # changed since it was made.
            ck = (sha, tuple(picked) if picked is not None else None, hidden, tuple(sorted(mapped.items())),
                  leave_out)
            if st.session_state.get("imp_plan", (None,))[0] != ck:
                same = picked is None or sorted(picked) == list(found.default_years)
                parsed = found if same else reader.read(raw, up.name, lang, picked, hidden, aliases=aliases, sha=sha)
                st.session_state["imp_plan"] = (ck, ingest.prepare(raw, up.name, store, years=picked, parsed=parsed,
                                                                   mapping=mapped, leave_out_unknown=leave_out))
            plan = st.session_state["imp_plan"][1]
            if plan.errors:
                st.error(t("imp_errors", lang, n=len(plan.errors)))
                groups = present.issue_groups(plan.errors, lang)
                if len(groups) < len(plan.errors):  # one cause, one line: counted by kind first
                    st.markdown(f"**{t('imp_groups', lang)}**")
                    tables.show_table(groups, "imp_error_groups", t("imp_source_file", lang, file=up.name))
                tables.show_table(present.issues_table(plan.errors, lang), "imp_errors",
                                  t("imp_source_file", lang, file=up.name))
            province_map.render(plan, lang, sha)
            if plan.warnings:
                st.info(t("imp_warnings", lang))
                tables.show_table(present.issues_table(plan.warnings, lang), "imp_warnings",
                                  t("imp_source_file", lang, file=up.name))
            if plan.ok and plan.preview is not None:
                pv = plan.preview
                st.subheader(t("imp_preview", lang))
                counts = pv.counts()
                shown = [k for k in ["added", "changed", "ci", "ci_removed", "unchanged"]
                         if k != "ci_removed" or counts[k]]   # removals shown only when there are some
                cols = st.columns(len(shown))
                for col, k in zip(cols, shown):
                    col.metric(t(f"imp_status_{k}", lang), fmt(counts[k], lang, 0))
                st.caption(t("imp_preview_caption", lang))
                src = t("imp_source_file", lang, file=up.name)
                tables.show_table(present.by_year_table(pv, lang), "imp_by_year", src)
                found_groups = plan.groups
                for note in present.group_notes(found_groups, lang):
                    st.info(note)
                with st.expander(t("imp_by_province", lang)):
                    tables.show_table(present.by_province_table(pv, lang), "imp_by_province", src)
                if pv.has_changes or not found_groups.empty:
                    st.markdown(f"**{t('imp_changes', lang)}**")
                    # Earlier years a newer release re-issues with other values: "revised by PAPI YYYY".
                    release = vintages.release_year(found.years_found, found.layout)
                    if note := vintages.revision_note(pv.rows, release, lang):
                        st.info(note)
                    tables.show_table(vintages.label_revisions(present.changes_table(pv, lang), pv.rows, release,
                                                               lang), "imp_changes", src)
                    if st.button(t("imp_commit", lang), type="primary", key="imp_commit"):
                        try:
                            bid = ingest.commit(plan, store, user=auth.user_name())
                        except StaleData:        # the data changed after this preview: show the new one
                            st.session_state.pop("imp_plan", None)
                            st.session_state["imp_stale"] = True
                            st.rerun()
                        except FieldTooLong as e:       # checked before the transaction: nothing written
                            st.error(e.message(lang))
                        else:
                            data.clear()
                            st.session_state["imp_done"] = t("imp_committed", lang, batch=bid,
                                                             n=fmt(len(plan.parsed.frame), lang, 0))
                            st.session_state["imp_round"] = n + 1
                            province_map.forget(sha)
                            st.session_state.pop("imp_plan", None)
                            reader.forget()
                            st.rerun()
                else:
                    st.info(t("imp_nothing_new", lang))

    st.divider()
    groups_import.section(lang)      # published groups: the records in use; analysts import more

# ---- history and rollback ----------------------------------------------------------------
with tab_history:
    if st.session_state.get("rb_done"):
        st.success(st.session_state.pop("rb_done"))
    hist = store.history()
    tables.show_table(present.history_table(hist, lang), "imp_history", t("imp_source", lang))
    st.subheader(t("rb_title", lang))
    active = hist[(hist.kind == "import") & hist.active.astype(bool)]
    if not auth.is_analyst():
        st.caption(t("rb_analyst_only", lang))
    elif active.empty:
        st.caption(t("rb_none", lang))
    else:
        labels = {int(r.id): f"{r.id} — {r.file_name} ({r.created_at:%Y-%m-%d %H:%M}, {r.created_by})"
                  for r in active.itertuples()}
        bid = st.selectbox(t("rb_pick", lang), list(labels)[::-1], format_func=labels.get, key="rb_batch")
        sure = st.checkbox(t("rb_confirm", lang), key="rb_confirm")
        if st.button(t("rb_button", lang), disabled=not sure, key="rb_button"):
            try:
                store.rollback(int(bid), user=auth.user_name())
            except FieldTooLong as e:
                st.error(e.message(lang))
                st.stop()
            data.clear()
            st.session_state["rb_done"] = t("rb_done", lang, batch=bid)
            st.session_state.pop("rb_confirm", None)
            st.rerun()

# ---- downloads (everyone) ----------------------------------------------------------------
with tab_download:
    cur = data.scores()
    years = sorted(cur.year.unique()) or [None]
    st.subheader(t("dl_current_title", lang))
    st.caption(t("dl_current_caption", lang, n=fmt(len(cur), lang, 0), years=f"{years[0]}–{years[-1]}"))
    # files are built only when a button is pressed
    c1, c2, _ = st.columns([1, 1, 3])
    c1.download_button(t("dl_csv", lang), lambda: present.to_csv(present.current_data(cur, lang)),
                       "papi_scores.csv", "text/csv", key="dl_csv", on_click="ignore")
    c2.download_button(t("dl_xlsx", lang), lambda: present.to_xlsx(present.current_data(cur, lang)),
                       "papi_scores.xlsx", key="dl_xlsx", on_click="ignore")
    st.subheader(t("dl_template_title", lang))
    st.caption(t("dl_template_caption", lang))
    c1, c2, _ = st.columns([1, 1, 3])
    c1.download_button(t("dl_template_csv", lang), template.template_csv, "papi_template.csv", "text/csv",
                       key="dl_tpl_csv", on_click="ignore")
    c2.download_button(t("dl_template_xlsx", lang), template.template_xlsx, "papi_template.xlsx",
                       key="dl_tpl_xlsx", on_click="ignore")
