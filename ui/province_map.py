"""The data page's way past what no rule reads: the analyst maps each
unresolved province name once (or skips its column) and leaves unknown
indicators out explicitly; then the preview runs again.

The choices are kept per uploaded file (by its hash) in the session; the
page passes them to ingest.prepare, and a commit saves the mapped names as
aliases (papi_data.db.aliases), so the next file with them goes straight in.
Widget keys start with `map_`.
"""
from __future__ import annotations

import streamlit as st

from papi_data import provinces
from papi_data.i18n import t
from papi_data.ingest import mapping as M


def choices(sha: str) -> tuple[dict[str, int], bool]:
    """(name -> code or SKIP, leave unknown indicators out) for this file."""
    m = st.session_state.setdefault("map_choices", {}).get(sha, {})
    return dict(m), bool(st.session_state.get("map_leave_out", {}).get(sha, False))


def _label(code, year: int, lang: str) -> str:
    if code is None:
        return t("pmap_pick", lang)
    if code == M.SKIP:
        return t("pmap_skip", lang)
    return f"{provinces.name(code, year, lang)} ({code})"


def render(plan, lang: str, sha: str) -> None:
    """The mapping form for the plan's unresolved names and the choice to
    leave unknown indicators out. Reruns the page when the analyst applies."""
    todo = M.unresolved(plan.errors)
    mapped, leave = choices(sha)
    unknown_ind = [i for i in plan.errors if i.code == "unknown_indicator"]
    if not todo and not mapped and not unknown_ind and not leave:
        return
    st.subheader(t("pmap_title", lang))
    if mapped:
        st.caption(t("pmap_current", lang, pairs="; ".join(
            f"“{n}” → {_label(c, plan.years[0] if plan.years else 2024, lang)}" for n, c in mapped.items())))
    picked: dict[str, int] = {}
    if todo:
        st.caption(t("pmap_intro", lang, n=len(todo)))
        for j, u in enumerate(todo):
            others = [c for c in provinces.in_year(u.year).sort_values("name_vi").gso_code if c not in u.closest]
            opts = [None] + list(u.closest) + [M.SKIP] + [int(c) for c in others]
            where = ", ".join(f"{s} {c}" if s else str(c) for s, c in u.where[:3])
            v = st.selectbox(t("pmap_name", lang, name=u.name, n=u.values, where=where), opts,
                             format_func=lambda c, y=u.year: _label(c, y, lang), key=f"map_{sha[:8]}_{j}")
            if v is not None:
                picked[u.name] = v
    leave_now = leave
    if unknown_ind or leave:
        leave_now = st.checkbox(t("pmap_leave_out", lang, n=len(unknown_ind)), value=leave,
                                key=f"map_leave_{sha[:8]}")
    if st.button(t("pmap_apply", lang), key="map_apply", disabled=not picked and leave_now == leave):
        st.session_state["map_choices"][sha] = {**mapped, **picked}
        st.session_state.setdefault("map_leave_out", {})[sha] = leave_now
        st.rerun()


def forget(sha: str) -> None:
    """After a commit: the choices are saved as aliases, drop them here."""
    st.session_state.get("map_choices", {}).pop(sha, None)
    st.session_state.get("map_leave_out", {}).pop(sha, None)
