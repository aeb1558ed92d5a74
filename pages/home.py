"""Landing page: what the dashboard holds (years x provinces x indicators)."""
import streamlit as st

from papi_data import about, analytics, official_tiers
from papi_data.i18n import fmt, t
from ui import data, sidebar

lang, _year = sidebar.render()
df = data.scores()
cov = analytics.coverage(df)
last = int(cov["year"].max())

st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang, last=last))

st.subheader(t("coverage_title", lang))
st.write(t("coverage_caption", lang, years=len(cov), provinces=df["province_code"].nunique(),
           indicators=df["indicator"].nunique(), values=fmt(len(df), lang, 0)))
table = cov.rename(columns={
    "year": t("col_year", lang), "provinces": t("col_provinces", lang),
    "provinces_with_total": t("col_provinces_total", lang), "indicators": t("col_indicators", lang),
    "values": t("col_values", lang)})
st.dataframe(table, hide_index=True, width="content", height=(len(table) + 1) * 35 + 3,
             column_config={t("col_year", lang): st.column_config.NumberColumn(format="%d")})
st.caption(t("missing_note", lang))
st.caption(t("source_papi", lang, years=f"2011–{last}"))

# Where each year comes from, and whether its overall groups are published.
st.subheader(t("vintage_title", lang))
st.dataframe(about.vintage_table(df, data.store().sources(), data.enriched(), lang), hide_index=True,
             width="stretch", column_config={t("vintage_col_year", lang): st.column_config.NumberColumn(format="%d")})
st.caption(t("vintage_caption", lang))
st.info(t("vintage_unweighted", lang))
st.caption(t("vintage_mixed", lang))

# The indicators of each period of unchanged definitions.
st.subheader(t("about_indicators_title", lang))
st.caption(t("about_indicators_caption", lang))
spans = about.periods(int(cov["year"].min()), last)
span = st.selectbox(t("about_period", lang), spans[::-1], key="about_period",
                    format_func=lambda p: t("about_period_label", lang, start=p[0], end=p[1]))
st.dataframe(about.indicator_table(span[0], span[1], lang), hide_index=True, width="stretch")

st.subheader(t("about_tiers_title", lang))
st.markdown(official_tiers.rule_text(lang))

st.subheader(t("about_unranked_title", lang))
unranked = about.unranked_table(data.enriched(), lang)
if unranked.empty:
    st.caption(t("about_unranked_none", lang))
else:
    st.caption(t("about_unranked_caption", lang))
    st.dataframe(unranked, hide_index=True, width="stretch",
                 column_config={t("vintage_col_year", lang): st.column_config.NumberColumn(format="%d")})

st.subheader(t("about_reports_title", lang))
st.caption(t("about_reports_caption", lang))
st.dataframe(about.reports_table(cov["year"], lang), hide_index=True, width="stretch",
             column_config={t("vintage_col_year", lang): st.column_config.NumberColumn(format="%d"),
                            t("about_col_report", lang): st.column_config.LinkColumn(display_text="papi.org.vn"),
                            t("about_col_launch", lang): st.column_config.LinkColumn()})
