"""Cached access to the store for the pages.

The frames are cached per data version: a commit or rollback changes the
version, so every page shows new data at once, in every session and every
app instance sharing the database. Cached frames are shared: read-only.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from papi_data import analytics
from papi_data.store import Store, get_store


@st.cache_resource(show_spinner=False)
def store() -> Store:
    return get_store()


def version() -> int:
    return store().data_version()


@st.cache_resource(show_spinner=False, max_entries=2)
def _enriched(v: int) -> pd.DataFrame:
    from papi_data import groups_store
    return analytics.enrich(store().scores(), groups_store.load(store()))


@st.cache_resource(show_spinner=False, max_entries=2)
def _stats(v: int) -> pd.DataFrame:
    return analytics.national_stats(store().scores())


def scores() -> pd.DataFrame:
    return store().scores()


def enriched() -> pd.DataFrame:
    """Current scores with rank, tier, cut points and changes."""
    return _enriched(version())


def stats() -> pd.DataFrame:
    return _stats(version())


def years() -> list[int]:
    return sorted(int(y) for y in enriched()["year"].unique())


def clear() -> None:
    """Drop every cached frame (after an import, rollback or target edit)."""
    _enriched.clear()
    _stats.clear()
    _ranking.clear()
    _view.clear()
    _targets_view.clear()


@st.cache_resource(show_spinner=False, max_entries=64)
def _ranking(v: int, year: int, indicator: str) -> pd.DataFrame:
    return analytics.ranking(_enriched(v), year, indicator)


def ranking(year: int, indicator: str) -> pd.DataFrame:
    """One year's ranking of one indicator (cached per data version)."""
    return _ranking(version(), year, indicator)


@st.cache_resource(show_spinner=False, max_entries=512)
def _view(v: int, name: str, args: tuple):
    from papi_data import views
    return getattr(views, name)(_enriched(v), _stats(v), *args)


def view(name: str, *args):
    """A page's content for these choices (papi_data.views), built once per
    data version and shared by every session: a rerun only draws it."""
    return _view(version(), name, tuple(args))


@st.cache_resource(show_spinner=False, max_entries=256)
def _targets_view(v: int, tv: int, code: int, year: int, lang: str):
    from papi_data import targets, views
    return views.targets(_enriched(v), targets.load(store(), code, year), code, year, lang)


def targets_view(code: int, year: int, lang: str):
    """The targets page's content, rebuilt when scores or targets change."""
    from papi_data import targets
    return _targets_view(version(), targets.version(store()), code, year, lang)
