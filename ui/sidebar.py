"""The shared sidebar: language and year, both kept in the URL."""
from __future__ import annotations

import streamlit as st

from papi_data.i18n import DEFAULT_LANG, LANGS, t
from ui import state

LANG_LABELS = {"vi": "Tiếng Việt", "en": "English"}
PAGES: list[tuple[str, str, str, str]] = []  # filled by dashboard.py
SHARED = ("lang", "year", "province", "era")  # state that follows the user across pages (era: of the province)


def _shared_params() -> dict[str, str]:
    out = {}
    for k in SHARED:
        v = st.session_state.get(k)
        if v is None:
            v = st.query_params.get(k) or st.session_state.get(f"_kept_{k}")
        if v is not None:
            out[k] = str(v)
    return out


def menu(lang: str) -> None:
    """The page menu: links that keep language, year and province."""
    params = _shared_params()
    with st.sidebar:
        for f, _u, k, icon in PAGES:
            st.page_link(f, label=t(k, lang), icon=icon, query_params=params, width="stretch")
        st.divider()


def language() -> str:
    """The interface language (URL ?lang=en; Vietnamese by default). A
    language just picked in the sidebar wins over the URL, which still holds
    the previous one until the widget runs: the router's page titles, the
    menu and the presentation switch are drawn before it."""
    lang = (state.picked("lang", lambda v: v in LANGS) or st.query_params.get("lang")
            or st.session_state.get("lang") or st.session_state.get("_kept_lang"))
    return lang if lang in LANGS else DEFAULT_LANG


def ensure_router() -> None:
    """Streamlit serves the first request of a new server process in its
    legacy `pages/` mode (file names as menu, dashboard.py skipped) until
    st.navigation has run once. Switch that mode off and run again through
    the router, so the first visitor sees the real menu and titles. (The
    served app switches it off at start, ui/serving.py; this covers the
    script run any other way.)"""
    if not st.session_state.get("_router"):
        from streamlit.runtime.pages_manager import PagesManager
        PagesManager.uses_pages_directory = False
        st.rerun()


def render(years: list[int] | None = None, allow_empty: bool = False) -> tuple[str, int | None]:
    """Draw the sidebar; returns (language, year). Call first on every page.
    With no scores in the store at all (every batch rolled back) the page
    says so and stops; the data page (`allow_empty`) goes on, year None, so
    an analyst can import or roll back."""
    from ui import data
    ensure_router()
    years = years or data.years()
    shown = language()
    menu(shown)
    lang = state.selectbox(t("language", shown), LANGS, key="lang", default=DEFAULT_LANG,
                           format_func=LANG_LABELS.get, container=st.sidebar)
    if lang != shown:
        # A choice the browser sent to a new session (after a reconnect) that
        # the address did not hold yet: draw the titles and menu again in it.
        st.rerun()
    # The year the link (or the previous run) was for: the map its province code is on (ui.era_state).
    st.session_state["_link_year_"] = st.query_params.get("year")
    if not years:
        st.error(t("store_empty", lang))
        if not allow_empty:
            st.stop()
        return lang, None
    year = state.selectbox(t("year", lang), sorted(years, reverse=True), key="year",
                           default=max(years), container=st.sidebar)
    return lang, int(year)


def share(lang: str) -> None:
    """The address of exactly this view, with a copy button (st.code has
    one), drawn after the page so the address holds all its choices."""
    from urllib.parse import urlencode
    base = st.context.url
    if not base:
        return
    query = urlencode({k: st.query_params[k] for k in st.query_params})
    with st.sidebar.popover(t("share_link", lang), icon=":material/link:", width="stretch"):
        st.caption(t("share_link_help", lang))
        st.code(base + ("?" + query if query else ""), language=None, wrap_lines=True)


def url_notice(lang: str) -> None:
    """Say which values of the address were not understood (a mistyped or
    outdated link), instead of replacing them silently."""
    bad = state.rejected()
    if bad:
        st.toast(t("url_not_understood", lang, values=", ".join(f"{k}={v}" for k, v in bad.items())),
                 icon=":material/link_off:")
