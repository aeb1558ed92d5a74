"""Hồ sơ tỉnh / Province profile: headline figures, trends against the
national mean and the middle tier band, the dimension radar and the
sub-dimensions with their tiers.

A unit formed on 1 July 2025 (the 34-province map) is shown through the
provinces it was formed from: their figures and histories side by side,
labelled, never added up or averaged."""
import streamlit as st

from papi_data import codebook, explore, provinces
from papi_data.analytics import tier_name
from papi_data.i18n import fmt, fmt_rank, t
from papi_data.screens import UnitMap, profile
from ui import aids, data, era_state, intervals, sidebar, state, tiers
from ui.charts import show_chart
from ui.exports import deck_button
from ui.tables import show_table

lang, year = sidebar.render()
years = data.years()
era_state.follow(year, lang, units_view=True)   # a year on the other map keeps the same place, and says so

# Which map the province list follows: the selected year's, or (before 2025)
# optionally the 34 new units, keyed separately in the URL (?unit=) because
# codes are reused across the two maps.
units = UnitMap.of_year(year)
if units == UnitMap.PROVINCES_63:
    units = state.selectbox(t("units", lang), list(UnitMap), key="units", default=UnitMap.PROVINCES_63,
                            format_func=lambda u: t(f"units_{u.value}", lang))
ny = explore.unit_year(year, units)
names = provinces.names(ny, lang)
options = explore.province_options(ny, lang)
default = profile.Query(year=year, units=units).resolve(data.frames()).code   # Lào Cai, or the unit containing it
if ny != year:
    prev = st.session_state.get("province") or st.query_params.get("province")   # the old province, if any
    code = state.selectbox(t("province", lang), options, key="unit",
                           default=(prov if prev and (prov := provinces.successor(int(prev))) else default),
                           format_func=lambda c: names.get(c, str(c)))
else:
    code = state.selectbox(t("province", lang), options, key="province", default=default,
                           format_func=lambda c: names.get(c, str(c)))
era_state.remember(year, code if ny == year else None)
indicator = state.selectbox(t("indicator", lang), ["TOTAL", *explore.indicator_options(year, "dimension")], key="indicator",
                            default="TOTAL", format_func=lambda c: explore.indicator_label(c, lang, year))
# The trends' years: a from–to range kept in the link (and so in exported charts).
span = state.year_range(t("trend_from", lang), t("trend_to", lang), years, key="trend") if len(years) > 2 else None
shown_years = tuple(y for y in years if span is None or span[0] <= y <= span[1])
v = data.screen(profile.Query(code, year, indicator, units, shown_years), lang)
m = v.model
pname, parts = v.name, m.parts
st.title(f"{pname} — PAPI {year}")
if ny == year:        # a province of that year (not a 1 July 2025 unit shown through its former provinces)
    deck_button(code, year, lang)   # "Tạo bài trình chiếu"
era_state.show_notice(year, code)

if m.merged:
    former = ", ".join(provinces.name(o, provinces.MERGER_YEAR - 1, lang) for o in provinces.predecessors(code))
    st.info(t("merged_note", lang, province=pname, parts=former))

# Headline: TOTAL value, rank x/n, tier, change since last year (or, for a
# merged unit before 2025, each former province's line).
src_year = t("source_papi", lang, years=year)
src_all = t("source_papi", lang, years=explore.source_years(list(shown_years)))
if v.members is not None:
    st.subheader(t("members_title", lang, year=year))
    show_table(v.members, key="members", source=src_year, plain=True)
elif (total := m.total) is None:
    st.warning(t("province_not_scored", lang, year=year, indicator=codebook.name("TOTAL", lang), province=pname))
else:
    h = st.columns([1, 1, 1.6, 1])
    h[0].metric(t("headline_total", lang), fmt(total.value, lang))
    moved = total.rank_change
    rank = fmt_rank(total.rank, total.n_ranked, lang)
    if (rb := v.rank_before) is not None:   # across 1 July 2025: the two ranks side by side, each out of its own map
        h[1].metric(t("headline_rank", lang), rank, delta=t("rank_other_map", lang, year=rb.year, rank=rb.rank),
                    delta_arrow="off", delta_color="off",
                    help=t("rank_other_map_help", lang, rank=rank, n=total.n_ranked, prev_rank=rb.rank,
                           prev_n=rb.n, prev_year=rb.year))
    else:
        h[1].metric(t("headline_rank", lang), rank,
                    delta=None if moved is None else ("0" if moved == 0 else f"{moved:+d}"),   # 0 as in the tables
                    delta_arrow="off" if moved == 0 else "auto", delta_color="off" if moved == 0 else "normal")
    h[2].metric(t("headline_tier", lang), tier_name(total.tier, lang), help=v.tier_label)
    if total.change is not None and total.comparable:
        h[3].metric(t("headline_change", lang), fmt(total.change, lang, sign=True))
        intervals.change_verdict(h[3], m.change_verdict, m.change_prev_year, lang)   # real, or within its uncertainty
    else:
        h[3].metric(t("headline_change", lang), "–",
                    help=v.change_note or (t("not_comparable", lang) if not total.comparable else None))
    tiers.basis(f"{t('headline_tier', lang)}: {v.tier_label}. {v.tier_note}", lang, key="profile")
    tiers.not_ranked(v.rank_note)
    tiers.not_ranked(v.vintage_change_note)     # a change across two releases says which
    if v.members_before is not None:   # a merged unit's first year: its former provinces the year before
        st.caption(v.change_note)
        st.subheader(t("members_prev_title", lang, year=year - 1))
        show_table(v.members_before, key="members_before", source=t("source_papi", lang, years=year - 1),
                   plain=True)

if v.weighted_line:   # PAPI's weighted total, where the imported file carried it: its own figure
    st.caption(v.weighted_line)

note = t("total_scale_note", lang) if indicator == "TOTAL" else None
if m.gaps:
    note = (note + "  \n" if note else "") + t("missing_note", lang) + f" ({', '.join(map(str, m.gaps))})"
if v.vintage_note:
    note = (note + "  \n" if note else "") + v.vintage_note
if v.trend_note:       # no value in the chart has an interval
    note = (note + "  \n" if note else "") + v.trend_note
show_chart(v.trend, key="trend", source=src_all, note=note)

left, right = st.columns([1, 1])
with left:
    show_chart(v.radar, key="radar", source=src_year)
with right:
    st.subheader(t("subdims_title", lang, year=year))
    tabs = st.tabs([explore.member_label(p, lang) for p in parts]) if len(parts) > 1 else [st.container()]
    for p, tab in zip(parts, tabs):
        with tab:
            if v.subdims[p].empty:
                st.info(t("no_data", lang))
            else:
                show_table(v.subdims[p], key="subdims" if len(parts) == 1 else f"subdims_{p}",
                           source=src_year, plain=True, max_height=560)

show_chart(v.dims, key="dims", source=src_all)

if ny == year and v.members is None and m.total is not None:
    aids.trends_table(code, year, lang)
    aids.whatif_box(code, year, lang)
