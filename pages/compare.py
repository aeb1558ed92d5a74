"""So sánh / Compare: 2–6 provinces side by side (trend, radar, table),
with a one-click preset for a province's region."""
import streamlit as st

from papi_data import codebook, explore, provinces
from papi_data.i18n import t
from ui import data, sidebar, state
from ui.charts import show_chart
from ui.tables import show_table

lang, year = sidebar.render()
names = provinces.names(year, lang)
years = data.years()
options = explore.province_options(year, lang)
st.title(t("page_compare", lang))

anchor = state.selectbox(t("province", lang), options, key="province", default=10 if 10 in options else options[0],
                         format_func=lambda c: names.get(c, str(c)))
if st.button(t("compare_region", lang, province=names[anchor]), key="region_preset"):
    state.set_value("provinces", explore.region_peers(anchor, year)[:6])
picked = state.multiselect(t("compare_pick", lang), options, key="provinces",
                           default=[c for c in (10, 15, 19, 12) if c in options][:3] or options[:2],
                           format_func=lambda c: names.get(c, str(c)), max_selections=None)
if len(picked) < 2:
    st.info(t("compare_need_two", lang))
    st.stop()
if len(picked) > 6:
    st.warning(t("compare_too_many", lang))
    picked = picked[:6]

indicator = state.selectbox(t("indicator", lang), ["TOTAL", *codebook.indicators(year, "dimension")], key="indicator",
                            default="TOTAL", format_func=lambda c: codebook.name(c, lang, year))
v = data.view("compare", tuple(picked), year, indicator, lang, tuple(years))
show_chart(v["trend"], key="trend", source=t("source_papi", lang, years=explore.source_years(years)),
           note=t("total_scale_note", lang) if indicator == "TOTAL" else None)
left, right = st.columns([1, 1])
with left:
    show_chart(v["radar"], key="radar", source=t("source_papi", lang, years=year))
with right:
    st.subheader(t("compare_table_title", lang, year=year))
    show_table(v["table"], key="compare_table", source=t("source_papi", lang, years=year), width="stretch")
