"""Reading an upload off the script thread, with a progress bar: the file
is parsed in a bounded child process (papi_data.ingest.worker), so a heavy
or hostile file costs this session a wait and nobody else anything."""
from __future__ import annotations

import streamlit as st

from papi_data.i18n import t
from papi_data.ingest import worker


def read(raw: bytes, file_name: str, lang: str, years=None, hidden: bool = False, aliases=None):
    """The Parsed file; the bar follows the bytes the reader has inflated
    (an .xlsx) and disappears when reading ends."""
    bar = st.progress(0.0, text=t("imp_reading", lang, file=file_name))
    try:
        return worker.parse(raw, file_name, years, hidden=hidden, aliases=aliases,
                            on_progress=lambda f: bar.progress(min(max(f, 0.0), 1.0),
                                                               text=t("imp_reading", lang, file=file_name)))
    finally:
        bar.empty()
