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

from papi_data import analytics, screens
from papi_data.db.migrations import SCHEMA_VERSION
from papi_data.db.scores import NewerSchema, Store, get_store


@st.cache_resource(show_spinner=False)
def store() -> Store:
    return get_store()


def schema_refused(lang: str) -> bool:
    """True, with the reason shown, when a newer dashboard has upgraded the
    database: this server then draws no page (checked on every run, one
    small query, since a newer server may upgrade it at any time). Any other
    failure is left to the pages, which say what they can."""
    from papi_data.i18n import t
    try:
        found = store().schema_version()
        if found > SCHEMA_VERSION:
            raise NewerSchema(found, SCHEMA_VERSION)
    except NewerSchema as e:
        st.error(t("db_newer_schema", lang, found=e.found, known=e.known))
        return True
    except Exception:
        return False
    return False


_PIN = "_data_snapshot"
_TARGETS_PIN = "_targets_version"


def begin_run() -> None:
    """Start of a page run (the router): the next read takes a new snapshot."""
    st.session_state[_PIN] = None
    st.session_state[_TARGETS_PIN] = None


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


def _targets_version() -> int:
    """This run's targets version (read once per routed run, like the data's)."""
    from papi_data.db import targets
    try:
        pinned = _TARGETS_PIN in st.session_state
        tv = st.session_state.get(_TARGETS_PIN)
    except Exception:          # no session
        pinned, tv = False, None
    if tv is None:
        tv = targets.version(store())
        if pinned:
            st.session_state[_TARGETS_PIN] = tv
    return tv


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
    _frames.clear()
    _targets.clear()
    _target_changes.clear()
    _model.clear()
    _view.clear()
    try:
        if st.session_state.get(_PIN) is not None:
            st.session_state[_PIN] = None       # the rest of this run reads the new data
        if st.session_state.get(_TARGETS_PIN) is not None:
            st.session_state[_TARGETS_PIN] = None
    except Exception:
        pass


@st.cache_resource(show_spinner=False, max_entries=64)
def _ranking(v: int, year: int, indicator: str, _scores: pd.DataFrame) -> pd.DataFrame:
    return analytics.ranking(_enriched(v, _scores), year, indicator)


def ranking(year: int, indicator: str) -> pd.DataFrame:
    """One year's ranking of one indicator (cached per data version)."""
    v, frame = _snapshot()
    return _ranking(v, year, indicator, frame)


# The frames a screen is built from, one holder per data (and targets)
# version, so the years and target pairs it derives are computed once.
@st.cache_resource(show_spinner=False, max_entries=4)
def _frames(v: int, tv: int | None, _scores: pd.DataFrame) -> screens.Frames:
    return screens.Frames(_enriched(v, _scores), _stats(v, _scores), None if tv is None else _targets(tv))


@st.cache_resource(show_spinner=False, max_entries=2)
def _targets(tv: int) -> pd.DataFrame:
    from papi_data.db import targets
    return targets.load(store())


@st.cache_resource(show_spinner=False, max_entries=2)
def _target_changes(tv: int) -> pd.DataFrame:
    from papi_data.db import targets
    return targets.changes(store())


def target_changes() -> pd.DataFrame:
    """The record of target edits and imports (cached per targets version)."""
    return _target_changes(_targets_version())


def _versions(with_targets: bool) -> tuple[int, int | None, pd.DataFrame]:
    v, frame = _snapshot()
    return v, _targets_version() if with_targets else None, frame


def frames(with_targets: bool = False) -> screens.Frames:
    """This run's frames (with the active targets when asked): what the
    screens are built from and their defaults resolved against."""
    v, tv, frame = _versions(with_targets)
    return _frames(v, tv, frame)


@st.cache_resource(show_spinner=False, max_entries=512)
def _model(v: int, tv: int | None, query: screens.Query, _scores: pd.DataFrame) -> screens.Model:
    return screens.build(query, _frames(v, tv, _scores))


# Views hold the figures: fewer of them are kept; one is drawn again from
# its cached model in 60–150 ms (the figures; docs/PERFORMANCE.md).
@st.cache_resource(show_spinner=False, max_entries=128)
def _view(v: int, tv: int | None, query: screens.Query, lang: str, _scores: pd.DataFrame) -> screens.View:
    return screens.draw(_model(v, tv, query, _scores), lang)


def _resolved(query: screens.Query) -> tuple[int, int | None, screens.Query, pd.DataFrame]:
    v, tv, frame = _versions(query.needs_targets)
    return v, tv, query.resolve(_frames(v, tv, frame)), frame


def screen(query: screens.Query, lang: str) -> screens.View:
    """A page's content for these choices (papi_data.screens): the model,
    in numbers and codes, is built once per data (and targets) version and
    shared by every session and language; its view (figures, tables,
    sentences; the model is `.model`) is kept per language, so a rerun
    only shows it. The query is resolved first, so a default choice and
    the same choice spelled out share one entry."""
    v, tv, query, frame = _resolved(query)
    return _view(v, tv, query, lang, frame)
