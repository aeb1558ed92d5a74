"""So sánh / Compare: 2–6 provinces side by side (trend, radar, table),
with one-click presets for the provinces bordering one and for its region."""
import streamlit as st

from papi_data import explore, provinces
from papi_data.screens import UnitMap, compare
from papi_data.i18n import t
from ui import aids, data, era_state, sidebar, state
from ui.charts import show_chart
from ui.tables import show_table

lang, year = sidebar.render()
years = data.years()
era_state.follow(year, lang, units_view=True, multi="provinces")   # the same places across 1 July 2025
st.title(t("page_compare", lang))

# Before 2025 the user may compare the 34 units of 1 July 2025 instead (their
# former provinces are drawn, labelled); their codes live under other URL
# keys (?unit=, ?units_picked=) because codes are reused across the maps.
units = UnitMap.of_year(year)
if units == UnitMap.PROVINCES_63:
    units = state.selectbox(t("units", lang), list(UnitMap), key="units", default=UnitMap.PROVINCES_63,
                            format_func=lambda u: t(f"units_{u.value}", lang))
ny = explore.unit_year(year, units)
new_map = ny != year
names = provinces.names(ny, lang)
options = explore.province_options(ny, lang)
anchor_key, picked_key = ("unit", "units_picked") if new_map else ("province", "provinces")
shown = compare.Query(year=year, units=units).resolve(data.frames())   # the page's defaults on the map shown
anchor = state.selectbox(t("province", lang), options, key=anchor_key, default=explore.default_province(options, ny),
                         format_func=lambda c: names.get(c, str(c)))
b1, b2, _ = st.columns([2, 2, 3])
if b1.button(t("compare_neighbours", lang, province=names[anchor]), key="neighbours_preset"):
    near = explore.neighbour_peers(anchor, ny)
    state.set_value(picked_key, near[:6])
    if len(near) > 6:      # the chart holds six: say who was left out
        st.session_state["compare_left_out"] = [names[c] for c in near[6:]]
if b2.button(t("compare_region", lang, province=names[anchor]), key="region_preset"):
    state.set_value(picked_key, explore.region_peers(anchor, ny)[:6])
if st.session_state.get("compare_left_out"):
    st.caption(t("compare_neighbours_left_out", lang, names=", ".join(st.session_state.pop("compare_left_out"))))
picked = state.multiselect(t("compare_pick", lang), options, key=picked_key,
                           default=list(shown.codes),
                           format_func=lambda c: names.get(c, str(c)), max_selections=None)
era_state.remember(year, None if new_map else anchor)
era_state.show_notice(year, anchor)
if len(picked) < 2:
    st.info(t("compare_need_two", lang))
    st.stop()
if len(picked) > 6:
    st.warning(t("compare_too_many", lang))
    picked = picked[:6]

indicator = state.selectbox(t("indicator", lang), ["TOTAL", *explore.indicator_options(year, "dimension")], key="indicator",
                            default="TOTAL", format_func=lambda c: explore.indicator_label(c, lang, year))
v = data.screen(compare.Query(tuple(picked), year, indicator, units), lang)
trend_note = "  \n".join(n for n in (t("total_scale_note", lang) if indicator == "TOTAL" else None, v.trend_note) if n)
show_chart(v.trend, key="trend", source=t("source_papi", lang, years=explore.source_years(years)),
           note=trend_note or None)
# The table has the page's whole width: in a half column its D5–D8 fell out of sight.
show_chart(v.radar, key="radar", source=t("source_papi", lang, years=year))
show_chart(v.bars, key="bars", source=t("source_papi", lang, years=year), note=v.bars_note)   # with 95% intervals
st.subheader(t("compare_table_title", lang, year=year))
show_table(v.table, key="compare_table", source=t("source_papi", lang, years=year), plain=True)
aids.compare_differences(picked, year, indicator, lang)   # real gaps, or no interval known
