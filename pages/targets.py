"""Mục tiêu / Targets: each plan target against the published result, the
gap, change since the plan's baseline, where to focus, and (for analysts)
editing and Excel import of targets."""
import streamlit as st

from papi_data import explore, gaps, provinces, targets
from papi_data.db import targets as target_store
from papi_data.i18n import t
from papi_data.screens import targets as screen
from ui import auth, data, era_state, plan_draft, scenario, sidebar, state, target_editor, tiers, uploads
from ui.charts import show_chart
from ui.exports import deck_button, plan_button
from ui.tables import show_table

# Opened without a choice (no link, nothing kept from another page): show a
# province-year that has plan targets rather than an empty one.
if not any(st.query_params.get(k) or st.session_state.get(k) or st.session_state.get(f"_kept_{k}")
           for k in ("year", "province")):
    first = screen.Query().resolve(data.frames(with_targets=True))
    st.query_params["year"], st.query_params["province"] = str(first.year), str(first.code)
lang, year = sidebar.render()
era_state.follow(year, lang)   # the province keeps its place across 1 July 2025
store = data.store()
names = provinces.names(year, lang)
options = explore.province_options(year, lang)
code = state.selectbox(t("province", lang), options, key="province", default=explore.default_province(options, year),
                       format_func=lambda c: names.get(c, str(c)))
era_state.remember(year, code)
st.title(t("tgt_title", lang, province=names[code], year=year))
era_state.show_notice(year, code)
deck_button(code, year, lang)   # "Tạo bài trình chiếu": the meeting deck for this province and year
if auth.is_analyst():           # next year's proposed targets reviewed, accepted, and the Word draft from them
    plan_draft.render(code, year, lang)
else:
    plan_button(code, year, lang)   # "Soạn dự thảo kế hoạch": next year's plan as a Word draft

frames = data.frames(with_targets=True)       # cached per data and targets version
v = data.screen(screen.Query(code, year), lang)
tg = v.model.targets
with st.expander(t("tgt_with_targets", lang), expanded=tg.empty):
    cols = st.columns(4)
    for i, (p, y) in enumerate(frames.target_pairs):
        # A callback: it runs before the widgets of the next run exist.
        cols[i % 4].button(f"{provinces.name(p, y, lang)} {y}", key=f"goto_{p}_{y}",
                           on_click=lambda p=p, y=y: (state.set_value("province", p), state.set_value("year", y)))

source = t("source_papi", lang, years=year)
if v.model.ev is None:
    st.info(t("tgt_none", lang, province=names[code], year=year))
else:
    ev = v.model.ev
    m = st.columns(3)
    m[0].metric(t("tgt_met", lang), int((ev["met"] == True).sum()))  # noqa: E712 (None stays apart)
    m[1].metric(t("tgt_not_met", lang), int((ev["met"] == False).sum()))  # noqa: E712
    m[2].metric(t("tgt_no_data", lang), int(ev["met"].isna().sum()))
    if ev["actual"].isna().all():
        st.info(t("tgt_not_scored", lang, province=names[code], year=year))
    for w in ev["warning"].dropna():
        st.warning(gaps.say(w, lang))
    show_table(v.table, key="targets_table", plain=True,   # plain: its text wraps, all 12 columns in view
               source=f"{source}; {t('tgt_col_plan', lang)}: " + ", ".join(v.model.plans),
               width="stretch")
    tiers.basis(t("tgt_tier_basis_note", lang), lang, key="targets")
    if v.chart is not None:
        show_chart(v.chart, key="target_chart", source=source)

if v.focus is not None:
    st.subheader(t("tgt_focus_title", lang, year=year))
    st.caption(t("tgt_focus_help", lang))
    show_chart(v.focus, key="focus_chart", source=source)

scenario.box(code, year, lang)   # what-if: the same form as on the profile page

st.divider()
st.subheader(t("tgt_edit_title", lang))
if not auth.is_analyst():
    st.info(t("tgt_edit_locked", lang))
else:
    flash = st.session_state.pop("tgt_flash", None)
    if flash:
        st.success(flash)

    def saved(message: str) -> None:
        """Show the message after a fresh run: the tables above and a new,
        empty editor then show the stored targets (an editor keeping its
        pending rows would offer to add them a second time)."""
        st.session_state["tgt_flash"] = message
        st.session_state["tgt_rev"] = st.session_state.get("tgt_rev", 0) + 1
        st.rerun()

    # Columns keep their field names (those of the Excel template); the editor labels them in the
    # interface language, and error messages name them the same way.
    editable, edited = target_editor.edit(tg.copy(), lang, key=f"editor_{code}_{year}_{st.session_state.get('tgt_rev', 0)}")
    if st.button(t("tgt_save", lang), key="save_targets", type="primary"):
        try:
            counts = target_store.apply(store, editable, edited, user=auth.user_name(), lang=lang)
        except ValueError as e:
            counts = None
            st.error(t("tgt_rejected", lang) + "\n\n" + str(e).replace("\n", "  \n"))
        if counts is not None and not any(counts.values()):
            st.info(t("tgt_nothing_to_save", lang))
        elif counts is not None:
            saved(t("tgt_saved", lang, **counts))
    all_targets = frames.targets     # the workbook is built only when the button is pressed
    st.download_button(t("tgt_template", lang), lambda: targets.template_xlsx(all_targets),
                       file_name="papi_targets.xlsx", key="tgt_template", on_click="ignore")
    up = uploads.uploader(t("tgt_upload", lang), ["xlsx"], key="tgt_upload", lang=lang)
    if up is not None and st.button(t("tgt_import_button", lang), key="tgt_import", type="primary"):
        rows, errs = targets.read_xlsx(up.getvalue(), up.name, lang, known_ids=set(all_targets["id"].astype(int)))
        try:
            if errs:
                raise ValueError("\n".join(errs))
            counts = target_store.import_rows(store, rows, user=auth.user_name(), lang=lang)
        except ValueError as e:
            counts = None
            st.error(t("tgt_rejected", lang) + "\n\n" + str(e).replace("\n", "  \n"))
        if counts is not None:
            saved(t("tgt_imported", lang, file=up.name, **counts))
    with st.expander(t("tgt_history", lang)):
        show_table(data.target_changes().tail(200), key="tgt_changes", source="", width="stretch")
