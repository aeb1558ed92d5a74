"""Hồ sơ tỉnh / Province profile: headline figures, trends against the
national mean and the middle tier band, the dimension radar and the
sub-dimensions with their tiers."""
import streamlit as st

from papi_data import codebook, explore, figures, provinces
from papi_data.analytics import tier_name
from papi_data.i18n import fmt, fmt_rank, t
from ui import data, sidebar, state
from ui.charts import show_chart
from ui.tables import show_table

lang, year = sidebar.render()
enriched, stats = data.enriched(), data.stats()
names = provinces.names(year, lang)
years = data.years()
options = explore.province_options(year, lang)
code = state.selectbox(t("province", lang), options, key="province", default=10 if 10 in options else options[0],
                       format_func=lambda c: names.get(c, str(c)))
pname = names[code]
st.title(f"{pname} — PAPI {year}")

# Headline: TOTAL value, rank x/n, tier, change since last year.
total = explore.row(enriched, code, year, "TOTAL")
h = st.columns(4)
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
        h[3].metric(t("headline_change", lang), "–", help=t("not_comparable", lang) if not total["comparable"] else None)

if explore.is_merged_unit(code, year):
    parts = ", ".join(provinces.name(o, provinces.MERGER_YEAR - 1, lang) for o in provinces.predecessors(code))
    st.info(t("merged_note", lang, province=pname, parts=parts))

indicator = state.selectbox(t("indicator", lang), ["TOTAL", *codebook.indicators(year, "dimension")], key="indicator",
                            default="TOTAL", format_func=lambda c: codebook.name(c, lang, year))
series = explore.histories(enriched, code, year, indicator, lang)
label = codebook.name(indicator, lang, year)
src_all = t("source_papi", lang, years=explore.source_years(years))
fig = figures.trend(series, stats, indicator, lang,
                    t("trend_title", lang, indicator=label, province=pname, last=max(years)), years)
note = t("total_scale_note", lang) if indicator == "TOTAL" else None
gaps = explore.missing_years(enriched, code, indicator, years)
if gaps:
    note = (note + "  \n" if note else "") + t("missing_note", lang) + f" ({', '.join(map(str, gaps))})"
show_chart(fig, key="trend", source=src_all, note=note)

left, right = st.columns([1, 1])
with left:
    show_chart(figures.radar(explore.radar_profiles(enriched, stats, code, year, lang), lang,
                             t("radar_title", lang, year=year)), key="radar", source=t("source_papi", lang, years=year))
with right:
    st.subheader(t("subdims_title", lang, year=year))
    show_table(explore.subdimension_table(enriched, code, year, lang), key="subdims",
               source=t("source_papi", lang, years=year), width="stretch", height=560)

dims = codebook.indicators(year, "dimension")
frames = {d: explore.histories(enriched, code, year, d, lang) for d in dims}
show_chart(figures.small_multiples(frames, stats, lang, t("dims_title", lang), years), key="dims", source=src_all)
