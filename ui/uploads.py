"""File uploaders that state their limit in the interface language.

Streamlit's uploader prints "200MB per file • XLSX" and "Upload" in English
whatever the interface language, and 200 MB is not the limit the import
applies. Each uploader here is given the product's own limit, the English
line is hidden, a caption says the same in the user's language, and the
button's word is written in it.
"""
from __future__ import annotations

import streamlit as st

from papi_data.i18n import t
from papi_data.settings import import_max_bytes

_HIDE = "<style>[data-testid='stFileUploaderDropzoneInstructions']{display:none}</style>"
# The button says "Upload" in English whatever the language: write the
# interface's word over it.
_BUTTON = ("<style>[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p{font-size:0}"
           "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p::after"
           "{content:'%s';font-size:.875rem}</style>")


def limit_mb() -> int:
    """The upload limit in whole MB (at least 1), as the uploader takes it."""
    return max(1, round(import_max_bytes() / 1048576))


def uploader(label: str, types: list[str], key: str, lang: str, container=st, **kw):
    """st.file_uploader limited to the import's size, its limit said in `lang`."""
    st.html(_HIDE + (_BUTTON % t("upload_button", lang) if lang != "en" else ""))
    up = container.file_uploader(label, type=types, key=key, max_upload_size=limit_mb(), **kw)
    container.caption(t("upload_limit", lang, mb=limit_mb(), types=", ".join(f".{x}" for x in types)))
    return up
