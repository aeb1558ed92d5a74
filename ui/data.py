"""Cached access to the store for the pages.

The frames are cached per data version: a commit or rollback changes the
version, so every page shows new data at once, in every session and every
app instance sharing the database. Cached frames are shared: read-only.

One data version per page run: the router calls `begin_run()`, the first
read of the run takes a snapshot (the version and the scores of that
version, read together) and every frame of the run is keyed on it, so a
commit landing halfway through a run cannot give a page two versions.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from papi_data import analytics
from papi_data.db.scores import Store, get_store


@st.cache_resource(show_spinner=False)
def store() -> Store:
    return get_store()


_PIN = "_data_snapshot"


def begin_run() -> None:
    """Start of a page run (the router): the next read takes a new snapshot."""
    st.session_state[_PIN] = None


def _snapshot() -> tuple[int, pd.DataFrame]:
    """This run's (version, scores); outside a routed run, a fresh one."""
    try:
        pinned = _PIN in st.session_state
        snap = st.session_state.get(_PIN)
    except Exception:          # no session (a bare call from a script or a test)
        pinned, snap = False, None
    if snap is None:
        snap = store().snapshot()
        if pinned:
            st.session_state[_PIN] = snap
    return snap


def version() -> int:
    return _snapshot()[0]


# The scores frame is passed with a leading underscore: Streamlit does not
# hash it; the version it belongs to is the key.
@st.cache_resource(show_spinner=False, max_entries=2)
def _enriched(v: int, _scores: pd.DataFrame) -> pd.DataFrame:
    from papi_data.db import groups as groups_store
    return analytics.enrich(_scores, groups_store.load(store()))


@st.cache_resource(show_spinner=False, max_entries=2)
def _stats(v: int, _scores: pd.DataFrame) -> pd.DataFrame:
    return analytics.national_stats(_scores)


def scores() -> pd.DataFrame:
    return _snapshot()[1]


def enriched() -> pd.DataFrame:
    """Current scores with rank, tier, cut points and changes."""
    return _enriched(*_snapshot())


def stats() -> pd.DataFrame:
    return _stats(*_snapshot())


def years() -> list[int]:
    return sorted(int(y) for y in enriched()["year"].unique())


def clear() -> None:
    """Drop every cached frame (after an import, rollback or target edit)."""
    _enriched.clear()
    _stats.clear()
    _ranking.clear()
    _view.clear()
    _targets_view.clear()
    try:
        if st.session_state.get(_PIN) is not None:
            st.session_state[_PIN] = None       # the rest of this run reads the new data
    except Exception:
        pass


@st.cache_resource(show_spinner=False, max_entries=64)
def _ranking(v: int, year: int, indicator: str, _scores: pd.DataFrame) -> pd.DataFrame:
    return analytics.ranking(_enriched(v, _scores), year, indicator)


def ranking(year: int, indicator: str) -> pd.DataFrame:
    """One year's ranking of one indicator (cached per data version)."""
    v, frame = _snapshot()
    return _ranking(v, year, indicator, frame)


@st.cache_resource(show_spinner=False, max_entries=512)
def _view(v: int, name: str, args: tuple, _scores: pd.DataFrame):
    from papi_data import views
    return getattr(views, name)(_enriched(v, _scores), _stats(v, _scores), *args)


def view(name: str, *args):
    """A page's content for these choices (papi_data.views), built once per
    data version and shared by every session: a rerun only draws it."""
    v, frame = _snapshot()
    return _view(v, name, tuple(args), frame)


@st.cache_resource(show_spinner=False, max_entries=256)
def _targets_view(v: int, tv: int, code: int, year: int, lang: str, _scores: pd.DataFrame):
    from papi_data import views
    from papi_data.db import targets as target_store
    return views.targets(_enriched(v, _scores), target_store.load(store(), code, year), code, year, lang)


def targets_view(code: int, year: int, lang: str):
    """The targets page's content, rebuilt when scores or targets change."""
    from papi_data.db import targets as target_store
    v, frame = _snapshot()
    return _targets_view(v, target_store.version(store()), code, year, lang, frame)
