"""So sánh / Compare: 2–6 provinces side by side (trend, radar, table),
with a one-click preset for a province's region."""
import streamlit as st

from papi_data import codebook, explore, figures, provinces
from papi_data.i18n import t
from ui import data, sidebar, state
from ui.charts import show_chart
from ui.tables import show_table

lang, year = sidebar.render()
enriched, stats = data.enriched(), data.stats()
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
label = codebook.name(indicator, lang, year)
series = {}
for c in picked:
    series.update(explore.histories(enriched, c, year, indicator, lang))
show_chart(figures.trend(series, stats, indicator, lang, t("compare_trend_title", lang, indicator=label, last=max(years)),
                         years), key="trend", source=t("source_papi", lang, years=explore.source_years(years)),
           note=t("total_scale_note", lang) if indicator == "TOTAL" else None)

profiles = {names[c]: explore.dimension_profile(enriched, c, year) for c in picked}
profiles = {k: v for k, v in profiles.items() if not v.empty}
left, right = st.columns([1, 1])
with left:
    show_chart(figures.radar(profiles, lang, t("radar_title", lang, year=year)), key="radar",
               source=t("source_papi", lang, years=year))
with right:
    st.subheader(t("compare_table_title", lang, year=year))
    show_table(explore.compare_table(enriched, picked, year, lang), key="compare_table",
               source=t("source_papi", lang, years=year), width="stretch")
