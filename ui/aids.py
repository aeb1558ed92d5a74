"""The profile's decision aids: a what-if expander and the trend classes."""
import pandas as pd
import streamlit as st

from papi_data import codebook, display, trends
from papi_data.i18n import t
from ui import data


def whatif_box(code: int, year: int, lang: str) -> None:
    """The what-if form (ui.scenario, shared with the targets page)."""
    from ui import scenario
    scenario.box(code, year, lang)


def trends_table(code: int, year: int, lang: str) -> None:
    st.subheader(t("trends_title", lang))
    with st.popover(t("trends_rule_button", lang)):
        st.write(t("trends_rule", lang))
        st.markdown("\n".join(f"- **{t(f'trend_{c}', lang)}**: {t(f'trend_{c}_means', lang)}"
                               for c in trends.CLASSES))
    tr = trends.province_trends(data.scores(), code, up_to=year)   # as the overview's filter: up to the page's year
    dims = trends.total_and_dimensions(tr)
    st.dataframe(pd.DataFrame({
        t("indicator", lang): [codebook.name(c, lang, y) for c, y in zip(dims.indicator, dims.last_year)],
        t("trend_col_series", lang): [f"{int(a)}–{int(b)}" if pd.notna(a) else "–"
                                      for a, b in zip(dims.first_year, dims.last_year)],
        t("trend_col_class", lang): [t(f"trend_{c}", lang) for c in dims["class"]],
        t("trend_col_long", lang): [display.signed(x, lang, 3) for x in dims.long_rate],
        t("trend_col_recent", lang): [display.signed(x, lang, 3) for x in dims.recent_rate],
    }), hide_index=True)


def trend_filter(indicator: str, year: int, lang: str) -> None:
    """Overview: the provinces whose `indicator` has the chosen trend class."""
    from papi_data import provinces
    from ui import state
    # kept in the address (?trend_filter=warning_signs), so a copied link lists the same provinces
    cls = state.selectbox(t("trend_filter", lang, code=codebook.short_name(indicator, lang)),
                          [None, *trends.CLASSES[:6]], key="trend_filter", default=None,
                          format_func=lambda c: "–" if c is None else t(f"trend_{c}", lang))
    if cls is None:
        return
    tr = trends.all_provinces(data.scores(), indicator, year)
    names = provinces.names(year, lang)
    hits = [names.get(c, str(c)) for c in tr[tr["class"] == cls].province_code]
    st.write(", ".join(hits) if hits else t("trend_filter_none", lang))
    st.caption(t("trend_filter_said", lang, n=len(hits), cls=t(f"trend_{cls}", lang),
                 means=t(f"trend_{cls}_means", lang), year=year))


def compare_differences(picked: list[int], year: int, indicator: str, lang: str) -> None:
    """Compare: each gap to the first province against its uncertainty, or
    that no interval is known."""
    from papi_data import differences, provinces
    df, names = data.scores(), provinces.names(year, lang)
    first, lines = picked[0], []
    for other in picked[1:]:
        verdict, _ = differences.gap(df, year, indicator, first, other)
        if verdict != differences.UNKNOWN:
            lines.append(t(f"diff_{verdict}", lang, a=names.get(first, first), b=names.get(other, other)))
    st.caption("  \n".join(lines) if lines else t("diff_no_interval", lang))
