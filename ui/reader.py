"""Reading an upload off the script thread, with a progress bar: the file
is parsed in a bounded child process (papi_data.ingest.worker), so a heavy
or hostile file costs this session a wait and nobody else anything.

Each reading is kept for the session, keyed on the file's hash and what
the reading depends on, so a rerun (a click, a year picked back) does not
read the file again."""
from __future__ import annotations

import hashlib

import streamlit as st

from papi_data.i18n import t
from papi_data.ingest import worker

_KEPT = "_upload_readings"
_MAX_KEPT = 4     # readings of the current file kept (years or mapping picked back and forth)


def _key(sha: str, file_name: str, years, hidden: bool, aliases) -> tuple:
    names = tuple(sorted((era, tuple(sorted(m.items()))) for era, m in (aliases or {}).items()))
    return sha, file_name, None if years is None else tuple(sorted(years)), bool(hidden), names


def read(raw: bytes, file_name: str, lang: str, years=None, hidden: bool = False, aliases=None,
         sha: str | None = None):
    """The Parsed file (read once per session for the same bytes, years,
    hidden-sheets choice and names); while it is read, a bar follows the
    bytes the reader has inflated (an .xlsx)."""
    key = _key(sha or hashlib.sha256(raw).hexdigest(), file_name, years, hidden, aliases)
    kept = st.session_state.setdefault(_KEPT, {})
    if key in kept:
        return kept[key]
    for old in [k for k in kept if k[0] != key[0]]:     # another file: its readings go
        kept.pop(old)
    while len(kept) >= _MAX_KEPT:                         # the same file: the oldest beyond the bound
        kept.pop(next(iter(kept)))
    bar = st.progress(0.0, text=t("imp_reading", lang, file=file_name))
    try:
        kept[key] = worker.parse(raw, file_name, years, hidden=hidden, aliases=aliases,
                                 on_progress=lambda f: bar.progress(min(max(f, 0.0), 1.0),
                                                                    text=t("imp_reading", lang, file=file_name)))
    finally:
        bar.empty()
    return kept[key]


def forget() -> None:
    """Drop the kept readings (the file was committed)."""
    st.session_state.pop(_KEPT, None)
