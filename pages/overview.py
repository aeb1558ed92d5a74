"""Tổng quan / Overview: one year's ranking, tiers on the map, the spread of
the dimensions, national statistics and cut points."""
import streamlit as st

from papi_data import codebook, explore, provinces, settings
from papi_data.screens import overview
from papi_data.i18n import fmt, t
from ui import aids, data, era_state, sidebar, state, tiers
from ui.charts import show_chart
from ui.tables import show_table

lang, year = sidebar.render()
era_state.follow(year, lang)   # a highlighted province keeps its place across 1 July 2025
names = provinces.names(year, lang)

c1, c2 = st.columns(2)
indicator = state.selectbox(t("indicator", lang), explore.indicator_options(year), key="indicator",
                            default="TOTAL", format_func=lambda c: explore.indicator_label(c, lang, year), container=c1)
province = state.selectbox(t("highlight_province", lang), [None, *explore.province_options(year, lang)],
                           key="province", default=None, format_func=lambda c: "—" if c is None else names.get(c, str(c)),
                           container=c2, placeholder="—")
era_state.remember(year, province)
source = t("source_papi", lang, years=year)

st.title(f"{t('page_overview', lang)} — PAPI {year}")
era_state.show_notice(year, province)
v = data.screen(overview.Query(year, indicator, province, settings.geojson_path()), lang)
if v.model.stats is None:
    st.info(t("province_not_scored", lang, year=year, indicator=codebook.name(indicator, lang, year), province="–"))
    st.stop()

s = v.model.stats
cuts = t("cut_points_help", lang, c1=fmt(s.cut_1, lang), c2=fmt(s.cut_2, lang), c3=fmt(s.cut_3, lang))
m = st.columns(4)
m[0].metric(t("n_scored", lang), f"{s.n}/{len(names)}")
m[1].metric(t("national_mean", lang), fmt(s.mean, lang))
m[2].metric(t("national_median", lang), fmt(s.median, lang))
m[3].metric(t("cut_points", lang), fmt(s.cut_1, lang), help=cuts)
st.caption(cuts)
tiers.basis(v.tier_note, lang, key="overview")
tiers.not_ranked(v.rank_note)

left, right = st.columns([3, 2])
with left:
    show_chart(v.ranking, key="ranking", source=source)
with right:
    if v.map_error:
        st.warning(t("geojson_error", lang, error=v.map_error))
    show_chart(v.map, key="map", source=source, note=t("tile_map_note", lang))
show_chart(v.spread, key="spread", source=source)
show_table(v.table, key="ranking_table", source=source, plain=True)
st.caption(t("rank_change_legend", lang, prev=year - 1))
if indicator == "TOTAL":
    st.caption(t("total_scale_note", lang))
aids.trend_filter(indicator, year, lang)   # e.g. provinces with warning signs in D4
