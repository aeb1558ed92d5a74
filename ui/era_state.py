"""The chosen province across 1 July 2025: a code in the URL means a place
only with its era (?era=63 or ?era=34; a link without it takes the era of
the year it was made for). When the year moves to the other map, the
selection is carried through the lineage (papi_data.eras) and the page says
how, so a link or a year switch never opens another province that happens
to have the same code (new Lào Cai 15 is not old Yên Bái 15).

Call `follow` after the sidebar and before the province widgets, and
`remember` after them.
"""
from __future__ import annotations

import streamlit as st

from papi_data import eras
from papi_data.provinces import era_of

_NOTICE = "_era_notice_"
LINK_YEAR = "_link_year_"   # the URL's year before the sidebar rewrites it (ui.sidebar.render)


def _int(v) -> int | None:
    try:
        return int(str(v))
    except (TypeError, ValueError):
        return None


def _set_province(code: int, era: int) -> None:
    st.query_params["province"] = str(code)
    st.query_params["era"] = str(era)
    st.session_state["_kept_province"] = code
    st.session_state["_kept_era"] = era


def _from_era(year: int) -> int:
    """The era of the province now in the URL (or kept from another page)."""
    e = _int(st.query_params.get("era")) or _int(st.session_state.get("_kept_era"))
    if e in (34, 63):
        return e
    link_year = _int(st.session_state.get(LINK_YEAR))
    return era_of(link_year) if link_year else era_of(year)


def follow(year: int, lang: str, units_view: bool = False, multi: str | None = None) -> None:
    """Carry the province (and the compared list `multi`, a URL key) to
    `year`'s map. With `units_view` (profile, compare), a merged unit looked
    at before 2025 opens the page's 34-unit view (?units=34&unit=) with its
    former provinces; otherwise its namesake former province is shown."""
    era, qp = era_of(year), st.query_params
    if era == 34 and qp.get("units") == "34":
        # Back from the 34-unit view of an earlier year: the unit is already on this map.
        unit = _int(qp.get("unit"))
        picked = qp.get("units_picked")
        for k in ("units", "unit", "units_picked"):
            qp.pop(k, None)
        st.session_state["_kept_units"] = 63
        if unit is not None:
            _set_province(unit, 34)
        if multi and picked:
            qp[multi] = picked
            st.session_state.pop(f"_kept_{multi}", None)
        return
    code = _int(qp.get("province")) or _int(st.session_state.get("_kept_province"))
    before = _from_era(year)
    if code is None or before == era:
        return
    m = eras.carry(code, before, year)
    if m is None:
        return
    to_parts = units_view and era == 63 and m.kind == "merged"
    _set_province(m.code, era)
    if to_parts:
        qp["units"], qp["unit"] = "34", str(m.unit)
        st.session_state["_kept_units"] = 34
        st.session_state.pop("_kept_unit", None)
    if multi:
        raw = qp.get(multi) or ",".join(str(c) for c in st.session_state.get(f"_kept_{multi}") or [])
        codes = [c for c in (_int(r) for r in raw.split(",")) if c is not None] if raw else []
        carried = []
        for c in codes:
            mc = eras.carry(c, before, year)
            carried.append(c if mc is None else (mc.unit if to_parts else mc.code))
        if carried:
            carried = list(dict.fromkeys(carried))
            key = "units_picked" if to_parts else multi
            qp[key] = ",".join(map(str, carried))
            st.session_state.pop(f"_kept_{key}", None)
    st.session_state[_NOTICE] = {"year": year, "unit": m.unit if to_parts else m.code,
                                 "text": eras.notice(m, before, lang, showing_parts=to_parts)}


def remember(year: int, code: int | None, era: int | None = None) -> None:
    """After the widgets: the URL names the era of its province."""
    if code is not None and (era or era_of(year)) != _int(st.query_params.get("era")):
        st.query_params["era"] = str(era or era_of(year))
    st.session_state["_kept_era"] = era or era_of(year)


def show_notice(year: int, shown: int | None) -> None:
    """The note of the last carry while the page still shows what it carried."""
    n = st.session_state.get(_NOTICE)
    if n and n["year"] == year and n["unit"] == shown:
        st.info(n["text"], icon="↔️")
    elif n:
        st.session_state.pop(_NOTICE, None)
