"""PAPI dashboard: page config and navigation over the pages in pages/.

Each page starts with `ui.sidebar.render()`, the shared sidebar (language,
year), so the widgets belong to the page run that AppTest and the browser see.

`streamlit run dashboard.py` first imports this file as a module and finds
`app` below: Streamlit's own server, with the start page prepared for the
chart pages and the data loaded before the first visitor (ui/serving.py).
Every browser session then runs the file as a script (`__name__ ==
"__main__"`), which draws the router.
"""
import streamlit as st

# (file, url path, string key for the title, icon). The menu itself is drawn
# by ui.sidebar with links that carry the shared state (language, year,
# province) from page to page.
PAGES = [
    ("pages/overview.py", "overview", "page_overview", ":material/leaderboard:"),
    ("pages/profile.py", "profile", "page_profile", ":material/location_city:"),
    ("pages/compare.py", "compare", "page_compare", ":material/compare_arrows:"),
    ("pages/targets.py", "targets", "page_targets", ":material/flag:"),
    ("pages/tasks.py", "tasks", "page_tasks", ":material/task_alt:"),
    ("pages/home.py", "home", "page_home", ":material/table_chart:"),
    ("pages/data.py", "data", "page_data", ":material/upload_file:"),
]
URL_PATHS = ["start", *(u for _f, u, _k, _i in PAGES)]
CHART_PAGES = ["", "start", "overview", "profile", "compare", "targets"]   # "" is the landing page


def route() -> None:
    from papi_data.i18n import t
    from ui import data, present, sidebar

    st.set_page_config(page_title="PAPI", page_icon="📊", layout="wide",
                       initial_sidebar_state="collapsed" if present.active() else "auto")
    st.session_state["_router"] = True  # see ui.sidebar.ensure_router
    data.begin_run()                     # one data version for the whole run (ui/data.py)
    lang = sidebar.language()
    if data.schema_refused(lang):        # a newer dashboard upgraded the database
        return
    sidebar.PAGES[:] = PAGES
    # The landing page (the overview) is served at "/"; it is also reachable at
    # /overview, so a link or bookmark naming the page opens it without a
    # "page not found" notice.
    start = st.Page("pages/overview.py", title=t("page_overview", lang), url_path="start", icon=PAGES[0][3],
                    default=True)
    nav = st.navigation([start] + [st.Page(f, title=t(k, lang), url_path=u, icon=i) for f, u, k, i in PAGES]
                        if not present.active() else present.pages(PAGES, t("page_present", lang),
                                                                   ":material/slideshow:"),
                        position="hidden")
    nav.run()
    if not present.active():
        present.toggle(lang)   # presentation mode (?present=1): one chart per screen, no sidebar
        sidebar.share(lang)    # "copy link" of this very view
    sidebar.url_notice(lang)   # values of the address that named nothing


if __name__ == "__main__":
    route()
else:
    from ui import serving
    app = st.App(__file__, middleware=serving.middleware(URL_PATHS, CHART_PAGES), lifespan=serving.warm_up)
