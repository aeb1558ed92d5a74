"""Hồ sơ tỉnh / Province profile: headline figures, trends against the
national mean and the middle tier band, the dimension radar and the
sub-dimensions with their tiers.

A unit formed on 1 July 2025 (the 34-province map) is shown through the
provinces it was formed from: their figures and histories side by side,
labelled, never added up or averaged."""
import streamlit as st

from papi_data import codebook, explore, figures, provinces
from papi_data.analytics import tier_name
from papi_data.i18n import fmt, fmt_rank, t
from ui import data, sidebar, state
from ui.charts import show_chart
from ui.tables import show_table

lang, year = sidebar.render()
enriched, stats = data.enriched(), data.stats()
years = data.years()

# Which map the province list follows: the selected year's, or (before 2025)
# optionally the 34 new units, keyed separately in the URL (?unit=) because
# codes are reused across the two maps.
units = provinces.era_of(year)
if units == 63:
    units = state.selectbox(t("units", lang), [63, 34], key="units", default=63,
                            format_func=lambda u: t(f"units_{u}", lang))
ny = explore.unit_year(year, units)
names = provinces.names(ny, lang)
options = explore.province_options(ny, lang)
if ny != year:
    prev = st.session_state.get("province") or st.query_params.get("province")   # the old province, if any
    code = state.selectbox(t("province", lang), options, key="unit",
                           default=(prov if prev and (prov := provinces.successor(int(prev))) else 15),
                           format_func=lambda c: names.get(c, str(c)))
else:
    code = state.selectbox(t("province", lang), options, key="province", default=10 if 10 in options else options[0],
                           format_func=lambda c: names.get(c, str(c)))
pname = names[code]
parts = explore.members(code, year, units)
st.title(f"{pname} — PAPI {year}")

if explore.is_merged_unit(code, ny):
    former = ", ".join(provinces.name(o, provinces.MERGER_YEAR - 1, lang) for o in provinces.predecessors(code))
    st.info(t("merged_note", lang, province=pname, parts=former))

# Headline: TOTAL value, rank x/n, tier, change since last year.
src_year = t("source_papi", lang, years=year)
if parts != [code]:
    st.subheader(t("members_title", lang, year=year))
    show_table(explore.members_table(enriched, parts, year, lang), key="members", source=src_year, width="stretch")
else:
    total = explore.row(enriched, code, year, "TOTAL")
    h = st.columns([1, 1, 1.6, 1])
    if total is None:
        st.warning(t("province_not_scored", lang, year=year, indicator=codebook.name("TOTAL", lang), province=pname))
    else:
        h[0].metric(t("headline_total", lang), fmt(total["value"], lang))
        h[1].metric(t("headline_rank", lang), fmt_rank(total["rank"], total["n_ranked"], lang),
                    delta=None if total["rank_change"] != total["rank_change"] else
                    f"{int(total['rank_change']):+d}")
        h[2].metric(t("headline_tier", lang), tier_name(total["tier"], lang))
        if total["change"] == total["change"] and total["comparable"]:
            h[3].metric(t("headline_change", lang), fmt(total["change"], lang, sign=True))
        else:
            h[3].metric(t("headline_change", lang), "–",
                        help=t("not_comparable", lang) if not total["comparable"] else None)

indicator = state.selectbox(t("indicator", lang), ["TOTAL", *codebook.indicators(year, "dimension")], key="indicator",
                            default="TOTAL", format_func=lambda c: codebook.name(c, lang, year))
series = explore.histories(enriched, code, ny, indicator, lang)
label = codebook.name(indicator, lang, year)
src_all = t("source_papi", lang, years=explore.source_years(years))
fig = figures.trend(series, stats, indicator, lang,
                    t("trend_title", lang, indicator=label, province=pname, last=max(years)), years)
note = t("total_scale_note", lang) if indicator == "TOTAL" else None
gaps = sorted({y for p in parts for y in explore.missing_years(enriched, p, indicator, years)})
if gaps:
    note = (note + "  \n" if note else "") + t("missing_note", lang) + f" ({', '.join(map(str, gaps))})"
show_chart(fig, key="trend", source=src_all, note=note)

left, right = st.columns([1, 1])
with left:
    profiles = (explore.radar_profiles(enriched, stats, code, year, lang) if parts == [code]
                else explore.member_profiles(enriched, stats, parts, year, lang))
    show_chart(figures.radar(profiles, lang, t("radar_title", lang, year=year)), key="radar", source=src_year)
with right:
    st.subheader(t("subdims_title", lang, year=year))
    tabs = st.tabs([explore.member_label(p, lang) for p in parts]) if len(parts) > 1 else [st.container()]
    for p, tab in zip(parts, tabs):
        with tab:
            show_table(explore.subdimension_table(enriched, p, year, lang), key=f"subdims_{p}",
                       source=src_year, width="stretch", height=560)

dims = codebook.indicators(year, "dimension")
frames = {d: explore.histories(enriched, code, ny, d, lang) for d in dims}
show_chart(figures.small_multiples(frames, stats, lang, t("dims_title", lang), years), key="dims", source=src_all)
