"""Landing page: what the dashboard holds (years x provinces x indicators)."""
import streamlit as st

from papi_data import about, analytics
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
