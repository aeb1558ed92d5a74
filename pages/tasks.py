"""Nhiệm vụ / Tasks: a province's plan tasks through the year (lead agency,
deadline, status, overdue first, the PAPI indicators each addresses), views
by agency and by indicator, the weak indicators the tasks address or not,
what the linked indicators did in the next results, and (for analysts) the
plan's upload and each task's update."""
import datetime as dt

import streamlit as st

from papi_data import codebook, explore, provinces
from papi_data.db import tasks as task_store
from papi_data.i18n import t
from papi_data.tasks import coverage, table
from papi_data.tasks.model import STATUSES, TaskFileError
from papi_data.tasks.readers import read_tasks
from ui import auth, data, sidebar, state, uploads
from ui.tables import show_table

lang, year = sidebar.render()
store = data.store()
names = provinces.names(year, lang)
options = explore.province_options(year, lang)
code = state.selectbox(t("province", lang), options, key="province", default=explore.default_province(options, year),
                       format_func=lambda c: names.get(c, str(c)))
plans = task_store.plans(store)
latest = max(data.years())
with_tasks = sorted({y for p, y, _n in plans if p == code})
plan_year = state.selectbox(t("task_plan_year", lang), sorted({*range(2012, latest + 2), *with_tasks}, reverse=True),
                            key="plan_year",
                            default=with_tasks[-1] if with_tasks else latest + 1)
# A plan is filed under the province's code on the map of its base results
# (the latest before the plan year), as the command line files it: codes are
# reused across the 63- and 34-province maps.
filed_on = table.filing_year(plan_year, latest)
filed = table.filing_code(code, year, plan_year, latest)
if filed is None:
    st.warning(t("task_map_other", lang, plan=plan_year, base=filed_on, units=provinces.era_of(filed_on)))
    st.stop()
if filed != code:
    code, names = filed, provinces.names(filed_on, lang)
today = dt.date.today()
tasks = task_store.load(store, code, plan_year)
ref = task_store.plan_ref(store, code, plan_year)
st.title(t("task_title", lang, province=names[code], year=plan_year))
st.caption(t("task_intro", lang))


def empty_state() -> None:
    st.info(t("task_none", lang, province=names[code], year=plan_year))
    st.markdown(t("task_none_how", lang))
    st.code(f'python -m papi_data tasks import KE_HOACH.docx --province "{names[code]}" --year {plan_year} '
            '--ref 99/KH-UBND', language="bash")
    if plans:
        st.caption(t("task_plans_stored", lang) + ": " + ", ".join(
            f"{provinces.name(p, min(y, latest), lang)} {y} ({n})" for p, y, n in plans))


def overview() -> None:
    m = st.columns(4)
    m[0].metric(t("task_m_total", lang), len(tasks))
    m[1].metric(t("task_status_done", lang), sum(tk.status == "done" for tk in tasks))
    m[2].metric(t("task_status_in_progress", lang), sum(tk.status == "in_progress" for tk in tasks))
    m[3].metric(t("task_overdue", lang), sum(coverage.overdue(tk, today) for tk in tasks))
    st.caption(t("task_plan_caption", lang, ref=ref, n=len(tasks), today=today.strftime("%d/%m/%Y")))
    group = st.selectbox(t("task_group_by", lang), ["none", "lead", "indicator"], key="task_group",
                         format_func=lambda g: t(f"task_group_{g}", lang))
    source = t("task_source", lang, ref=ref)
    if group == "lead":
        show_table(table.by_agency(tasks, today, lang), key="task_by_lead", source=source, width="stretch")
    elif group == "indicator":
        show_table(table.by_indicator(tasks, plan_year, today, lang), key="task_by_indicator", source=source,
                   width="stretch")
    show_table(table.frame(tasks, today, lang), key="task_table", source=source, width="stretch")


def weak_section() -> None:
    st.subheader(t("task_cov_title", lang))
    enriched = data.enriched()
    base = table.base_year(enriched, code, plan_year)
    if base is None:
        st.info(t("task_cov_no_results", lang, year=plan_year))
        return
    weak = coverage.weak_indicators(enriched, code, base)
    st.caption(t("task_cov_help", lang, year=base))
    if not weak:
        st.success(t("task_cov_none_weak", lang, year=base))
        return
    cov = coverage.coverage(tasks, weak)
    show_table(table.weak_frame(weak, cov, base, lang), key="task_weak", source=t("source_papi", lang, years=base),
               width="stretch")
    if cov.unaddressed:
        st.warning(t("task_cov_unaddressed", lang,
                     names="; ".join(codebook.name(c, lang, base) for c in cov.unaddressed)))
    else:
        st.success(t("task_cov_all", lang))


def moved_section() -> None:
    moved = [m for m in coverage.moved(tasks, data.enriched(), code, plan_year) if m.next_year is not None]
    if not moved:
        return
    st.subheader(t("task_moved_title", lang))
    st.markdown("\n".join(f"- {coverage.sentence(m, lang)} ({t('task_moved_tasks', lang, nos=', '.join(m.tasks))})"
                          for m in moved))
    st.caption(coverage.caveat(lang))


def flash_and_rerun(message: str) -> None:
    st.session_state["task_flash"] = message
    st.session_state["task_rev"] = st.session_state.get("task_rev", 0) + 1
    data.clear()
    st.rerun()


def update_form() -> None:
    by_no = {tk.no: tk for tk in tasks}
    no = st.selectbox(t("task_pick", lang), list(by_no), key="task_pick",
                      format_func=lambda n: f"{n}. {by_no[n].task[:90]}")
    tk = by_no[no]
    codes = [c for c in codebook.indicators(plan_year) if c != "TOTAL"]
    with st.form(f"task_form_{code}_{plan_year}_{no}"):
        status = st.selectbox(t("task_col_status", lang), STATUSES, index=STATUSES.index(tk.status),
                              format_func=lambda s: t(f"task_status_{s}", lang), key=f"task_status_{code}_{plan_year}_{no}")
        note = st.text_area(t("task_note", lang), value=tk.note, key=f"task_note_{code}_{plan_year}_{no}")
        evidence = st.text_input(t("task_evidence", lang), value=tk.evidence, key=f"task_evidence_{code}_{plan_year}_{no}")
        links = st.multiselect(t("task_links", lang), codes, default=[c for c in tk.indicators if c in codes],
                               format_func=lambda c: codebook.name(c, lang, plan_year), key=f"task_links_{code}_{plan_year}_{no}")
        saved = st.form_submit_button(t("task_save", lang), type="primary", key="task_save")
    if saved:
        try:
            if (status, note.strip(), evidence.strip()) != (tk.status, tk.note, tk.evidence):
                task_store.update(store, code, plan_year, no, status, note, evidence, user=auth.user_name())
            if tuple(codebook.order(links)) != tuple(codebook.order(tk.indicators)):
                task_store.set_links(store, code, plan_year, no, links, user=auth.user_name())
        except KeyError:                    # removed by a re-import that came in between
            st.error(t("task_gone", lang, no=no))
            return
        except ValueError as e:             # FieldTooLong among them
            st.error(e.message(lang) if hasattr(e, "message") else str(e))
            return
        flash_and_rerun(t("task_saved", lang, no=no, status=t(f"task_status_{status}", lang)))
    with st.expander(t("task_history", lang, no=no)):
        show_table(_history(no), key="task_history", source="", width="stretch")


def _history(no: str):
    import pandas as pd
    rows = task_store.history(store, code, plan_year, no)
    df = pd.DataFrame(rows, columns=["changed_at", "changed_by", "action", "status", "note", "evidence", "indicators"])
    df = df.assign(changed_at=pd.to_datetime(df["changed_at"]).dt.strftime("%Y-%m-%d %H:%M"),
                   action=[t(f"task_hist_{a}", lang) for a in df["action"]],
                   status=[t(f"task_status_{s}", lang) if s else "" for s in df["status"]])
    return df.rename(columns={"changed_at": t("task_hist_changed_at", lang), "changed_by": t("task_hist_changed_by", lang),
                              "action": t("task_hist_action", lang), "status": t("task_col_status", lang),
                              "note": t("task_note", lang), "evidence": t("task_evidence", lang),
                              "indicators": t("task_links", lang)})


def upload_form() -> None:
    st.caption(t("task_upload_help", lang))
    up = uploads.uploader(t("task_upload", lang), ["docx", "xlsx", "csv"],
                          key=f"task_upload_{st.session_state.get('task_rev', 0)}", lang=lang)
    if up is None:
        return
    try:
        read = read_tasks(up.getvalue(), up.name, plan_year)
    except TaskFileError as e:
        st.error(t("task_rejected", lang) + "\n\n" + e.message(lang))
        return
    preview = task_store.merged(store, code, plan_year, read)
    st.info(t("task_preview", lang, n=len(preview), file=up.name))
    show_table(table.frame(preview, today, lang), key="task_preview", source="", downloads=False, width="stretch")
    plan_ref = st.text_input(t("task_plan_ref", lang), value=ref or up.name, key="task_plan_ref", max_chars=255)
    if st.button(t("task_import_button", lang), key="task_import", type="primary"):
        try:
            n = task_store.save_import(store, code, plan_year, read, plan_ref.strip() or up.name,
                                       user=auth.user_name())
        except ValueError as e:
            st.error(e.message(lang) if hasattr(e, "message") else str(e))
            return
        flash_and_rerun(t("task_imported", lang, file=up.name, **n))


flash = st.session_state.pop("task_flash", None)
if flash:
    st.success(flash)
if not tasks:
    empty_state()
else:
    overview()
    weak_section()
    moved_section()
st.divider()
st.subheader(t("task_edit_title", lang))
if auth.gate(lang):
    if tasks:
        update_form()
    upload_form()
