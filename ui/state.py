"""Page state kept in the URL, explicit and typed.

A bound widget takes its first value from the query parameter of the same
name (when that names a valid option), and writes its value back to the URL
on every run, so a copied link reopens the same view. Options are matched by
their str() form: codes, not display labels, go into the URL.

Streamlit's own `bind="query-params"` is not used: it drops a value equal
to the widget's default from the URL (a copied link would then follow the
default, and the default year moves with each new release), it removes an
invalid value silently where the page must say what it did not understand,
and it keeps no choice across a page switch.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

import streamlit as st


_KEPT = "_kept_"        # non-widget session keys survive page switches
_CHANGED = "_changed_"  # set by a widget's on_change: the user picked a value


_REJECTED = "_url_rejected"   # address values no option matched, said once (rejected_notice)


def _reject(key: str, raw: str) -> None:
    st.session_state.setdefault(_REJECTED, {})[key] = raw


def _from_url(key: str, options: Sequence[Any]) -> Any | None:
    raw = st.query_params.get(key)
    if raw is None:
        return None
    for o in options:
        if str(o) == raw:
            return o
    _reject(key, raw)
    return None


def rejected() -> dict[str, str]:
    """Address values that named no option in this run (key -> raw value),
    emptied as they are read: the page then writes valid values back."""
    return st.session_state.pop(_REJECTED, None) or {}


def _to_url(key: str, value: Any) -> None:
    if value is None:
        st.query_params.pop(key, None)
    elif st.query_params.get(key) != str(value):
        st.query_params[key] = str(value)


def _changed(key: str) -> None:
    st.session_state[_CHANGED + key] = True


def _fresh(key: str) -> bool:
    """The widget's first run in this session. Its value is then given as the
    widget's default, not written to the session state, so that a value the
    browser sends wins: a page that reconnects to another server (its own
    was stopped) starts a new session on the next click, and that click's
    choice must not be overwritten by the address, which still holds the
    value from before it."""
    return key not in st.session_state and _KEPT + key not in st.session_state


def _initial(key: str, from_url, kept, valid, default):
    """Value to show: the user's own change of the widget wins; otherwise the
    URL (a link or an edited address), then the value kept from the previous
    page, then the default. Streamlit resets widget state on a page switch,
    so the widget's own state alone cannot carry a choice between pages."""
    if st.session_state.pop(_CHANGED + key, False) and key in st.session_state and valid(st.session_state[key]):
        return st.session_state[key]
    for v in (from_url, kept):
        if v is not None and valid(v):
            return v
    return default


def selectbox(label: str, options: Sequence[Any], key: str, default: Any = None,
              format_func: Callable[[Any], str] = str, container=st, **kw) -> Any:
    """st.selectbox whose value lives in the URL and follows the user across pages."""
    options = list(options)
    if not options:
        return None
    value = _initial(key, _from_url(key, options), st.session_state.get(_KEPT + key),
                     lambda v: v in options, default if default in options else options[0])
    if _fresh(key):
        kw["index"] = options.index(value)
    else:
        st.session_state[key] = value
    value = container.selectbox(label, options, key=key, format_func=format_func, on_change=_changed,
                                args=(key,), **kw)
    st.session_state[_KEPT + key] = value
    _to_url(key, value)
    return value


def multiselect(label: str, options: Sequence[Any], key: str, default: Sequence[Any] = (),
                format_func: Callable[[Any], str] = str, container=st, **kw) -> list:
    """st.multiselect kept in the URL as a comma-separated list."""
    options = list(options)
    by_str = {str(o): o for o in options}
    raw = st.query_params.get(key)
    url = [by_str[r] for r in raw.split(",") if r in by_str] if raw else None
    if raw and [r for r in raw.split(",") if r not in by_str]:
        _reject(key, ",".join(r for r in raw.split(",") if r not in by_str))
    kept = st.session_state.get(_KEPT + key)
    value = _initial(key, url, kept, lambda v: all(o in options for o in v), [o for o in default if o in options])
    if _fresh(key):
        kw["default"] = value
    else:
        st.session_state[key] = value
    value = container.multiselect(label, options, key=key, format_func=format_func, on_change=_changed,
                                  args=(key,), **kw)
    st.session_state[_KEPT + key] = list(value)
    if value:
        joined = ",".join(str(v) for v in value)
        if st.query_params.get(key) != joined:
            st.query_params[key] = joined
    else:
        st.query_params.pop(key, None)
    return value


def year_range(label_from: str, label_to: str, years: Sequence[int], key: str) -> tuple[int, int]:
    """A from–to pair of years, each a bound selectbox (?KEY_from=, ?KEY_to=),
    drawn side by side. The "to" list offers only the years from the "from"
    on (by default the last year), so a link whose "to" precedes its "from"
    opens on the last year, with the usual note on what was not understood."""
    years = sorted(int(y) for y in years)
    c1, c2 = st.columns(2)
    lo = selectbox(label_from, years, key=f"{key}_from", default=years[0], container=c1)
    hi = selectbox(label_to, [y for y in years if y >= lo], key=f"{key}_to", default=years[-1], container=c2)
    return lo, hi


def picked(key: str, valid: Callable[[Any], bool]) -> Any | None:
    """The value the user has just picked in the bound widget `key`, before
    the widget runs again in this rerun (None if it was not changed). Code
    drawn above the widget (the router's page titles, the menu) needs it:
    the URL still holds the previous value until the widget writes it."""
    if st.session_state.get(_CHANGED + key) and valid(st.session_state.get(key)):
        return st.session_state[key]
    return None


def url_int(key: str) -> int | None:
    """A whole number read from the URL without a widget (a page that
    shows choices it does not offer, such as presentation mode); None
    when absent or not a number."""
    raw = st.query_params.get(key)
    try:
        return None if raw is None else int(raw)
    except ValueError:
        return None


def set_value(key: str, value: Any) -> None:
    """Set a bound widget's value from code (a preset button), as if the
    user had picked it."""
    st.session_state[key] = value
    st.session_state[_CHANGED + key] = True


def from_url(key: str, parse: Callable[[str], tuple[Any, str]]) -> Any | None:
    """A value no single widget holds (a what-if scenario: several widgets),
    read from ?KEY= through `parse(raw) -> (value, not understood)`; the
    parts not understood are named in the page's notice like any other
    address value. None when the address has no KEY."""
    raw = st.query_params.get(key)
    if raw is None:
        return None
    value, bad = parse(raw)
    if bad:
        _reject(key, bad)
    return value


def to_url(key: str, text: str | None) -> None:
    """Write a value kept with from_url back to the address ('' or None removes it)."""
    _to_url(key, text or None)


def kept(key: str) -> Any | None:
    """The value a page kept for `key` (see keep): it survives page switches."""
    return st.session_state.get(_KEPT + key)


def keep(key: str, value: Any) -> None:
    st.session_state[_KEPT + key] = value
