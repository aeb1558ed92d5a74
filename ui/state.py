"""Page state kept in the URL, explicit and typed.

A bound widget takes its first value from the query parameter of the same
name (when that names a valid option), and writes its value back to the URL
on every run, so a copied link reopens the same view. Options are matched by
their str() form: codes, not display labels, go into the URL.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

import streamlit as st


def _from_url(key: str, options: Sequence[Any]) -> Any | None:
    raw = st.query_params.get(key)
    if raw is None:
        return None
    for o in options:
        if str(o) == raw:
            return o
    return None


def _to_url(key: str, value: Any) -> None:
    if value is None:
        st.query_params.pop(key, None)
    elif st.query_params.get(key) != str(value):
        st.query_params[key] = str(value)


def selectbox(label: str, options: Sequence[Any], key: str, default: Any = None,
              format_func: Callable[[Any], str] = str, container=st, **kw) -> Any:
    """st.selectbox whose value lives in session state and in the URL."""
    options = list(options)
    if not options:
        return None
    if key not in st.session_state or st.session_state[key] not in options:
        url = _from_url(key, options)
        st.session_state[key] = url if url is not None else (default if default in options else options[0])
    value = container.selectbox(label, options, key=key, format_func=format_func, **kw)
    _to_url(key, value)
    return value


def multiselect(label: str, options: Sequence[Any], key: str, default: Sequence[Any] = (),
                format_func: Callable[[Any], str] = str, container=st, **kw) -> list:
    """st.multiselect kept in the URL as a comma-separated list."""
    options = list(options)
    if key not in st.session_state:
        raw = st.query_params.get(key)
        by_str = {str(o): o for o in options}
        picked = [by_str[r] for r in raw.split(",") if r in by_str] if raw else list(default)
        st.session_state[key] = [o for o in picked if o in options]
    else:
        st.session_state[key] = [o for o in st.session_state[key] if o in options]
    value = container.multiselect(label, options, key=key, format_func=format_func, **kw)
    if value:
        joined = ",".join(str(v) for v in value)
        if st.query_params.get(key) != joined:
            st.query_params[key] = joined
    else:
        st.query_params.pop(key, None)
    return value


def flag(key: str) -> bool:
    """A boolean URL flag such as ?present=1."""
    return st.query_params.get(key) in ("1", "true", "yes")
