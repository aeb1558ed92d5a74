"""Presentation mode, for a projector in a meeting room.

`?present=1` in the address (or the sidebar toggle) shows the chosen
province and year one chart per screen, with large type and no sidebar or
controls; Left/Right arrow keys or the buttons move between screens (the
screen number is kept in the address as `?slide=`). The router applies the
mode on every page path, so leaving it returns to the page it started from.
No HTML or stylesheet is injected: the mode draws no sidebar, and its
figures are copies of the page's figures with larger fonts.
"""
from __future__ import annotations

import textwrap
from typing import Callable

import plotly.graph_objects as go
import streamlit as st

from papi_data import figures_present

from papi_data.i18n import t

PARAM, SLIDE = "present", "slide"
PAGE = "pages/present.py"
FONT, TITLE_FONT, HEIGHT = 20, 30, figures_present.HEIGHT
TITLE_WIDTH = 52   # characters of a title line at TITLE_FONT on a 1024 px projector
_SHOWN = "present_shown"   # the screen last drawn or chosen, kept on the server


def active() -> bool:
    return st.query_params.get(PARAM) == "1"


def pages(page_list, title: str, icon: str) -> list:
    """The router's pages in presentation mode: every path (and the landing
    page) shows the presentation, so the address a user came from keeps
    working and leaving the mode returns there."""
    start = st.Page(PAGE, title=title, url_path="start", icon=icon, default=True)
    return [start] + [st.Page(PAGE, title=title, url_path=u, icon=icon) for _f, u, _k, _i in page_list]


def _enter() -> None:
    st.session_state["present_toggle"] = False   # the toggle is a way in, not a state
    st.query_params[PARAM] = "1"
    st.query_params.pop(SLIDE, None)
    st.session_state.pop(_SHOWN, None)


def _leave() -> None:
    st.session_state.pop(_SHOWN, None)
    st.query_params.pop(PARAM, None)
    st.query_params.pop(SLIDE, None)


def _step(delta: int, n: int) -> None:
    """Move from the screen last chosen on the server (not the one the
    buttons were drawn for, nor the address the browser sent, which may not
    have caught up yet), so a second key press during a rerun is not lost."""
    i = min(max(st.session_state.get(_SHOWN, current(n)) + delta, 1), n)
    st.session_state[_SHOWN] = i
    st.query_params[SLIDE] = str(i)


def toggle(lang: str) -> None:
    """The sidebar switch into presentation mode (for the current page's
    province and year, which the address already carries)."""
    st.sidebar.toggle(t("present_toggle", lang), value=False, key="present_toggle", on_change=_enter,
                      help=t("present_help", lang))


def big(fig: go.Figure, height: int = HEIGHT) -> go.Figure:
    """A copy of a page figure for the projector (the page's own figure is
    shared between sessions and stays untouched)."""
    out = go.Figure(fig)
    title = textwrap.wrap(str(out.layout.title.text or ""), TITLE_WIDTH)   # plotly never wraps a title
    out.update_layout(font={"size": FONT}, title={"text": "<br>".join(title), "font": {"size": TITLE_FONT}},
                      legend={"font": {"size": FONT}}, height=height,
                      margin={"t": max(out.layout.margin.t or 0, 40 + 38 * len(title))})
    return out


def current(n: int) -> int:
    """The screen to show, 1..n, from the address."""
    try:
        i = int(st.query_params.get(SLIDE, "1"))
    except ValueError:
        i = 1
    return min(max(i, 1), n)


def slideshow(slides: list[tuple[str, Callable[[], None]]], lang: str) -> None:
    """Draw one screen of `slides` ((name, draw) pairs) and the navigation."""
    n = len(slides)
    i = current(n)
    st.session_state[_SHOWN] = i   # the address decides what is drawn (deep links, back button)
    slides[i - 1][1]()
    nav = st.columns([1, 1, 2, 1.4], vertical_alignment="center")
    nav[0].button(t("present_prev", lang), key="present_prev", on_click=_step, args=(-1, n), disabled=i == 1,
                  shortcut="Left", width="stretch")
    nav[1].button(t("present_next", lang), key="present_next", on_click=_step, args=(1, n), disabled=i == n,
                  shortcut="Right", width="stretch", type="primary")
    nav[2].caption(t("present_of", lang, i=i, n=n) + " · " + slides[i - 1][0])
    nav[3].button(t("present_exit", lang), key="present_exit", on_click=_leave, shortcut="Esc", width="stretch")
