"""The what-if form, one implementation for the profile and targets pages:
the user picks indicators (dimensions or sub-dimensions) and the change of
each; the result is re-ranked and re-tiered against the other provinces as
they were that year, with the range under earlier years' conditions.

The scenario lives in the address (?whatif=D5:+0.2,D5.2:+0.3), so a copied
link reopens it, and is kept across page switches; the deck built from the
page includes it (ui.exports.deck_button reads current())."""
from __future__ import annotations

import streamlit as st

from papi_data import codebook, display, provinces, whatif
from papi_data.i18n import t
from ui import data, state

KEY = "whatif"                  # the address parameter
PICK = "whatif_pick"            # the multiselect of indicators
_SEEN = "_whatif_seen"          # the address value last taken in (or written)
_CHANGED = "_whatif_changed"    # the user changed the form in this run


def _amount(code: str) -> str:
    return f"whatif_amt_{code}"


def _fill(changes: dict[str, float]) -> None:
    """Set the form to `changes` before its widgets are drawn."""
    st.session_state[PICK] = list(changes)
    for c, x in changes.items():
        st.session_state[_amount(c)] = float(x)


def _changed() -> None:
    st.session_state[_CHANGED] = True


def current(year: int) -> dict[str, float]:
    """The scenario of this run. A link's or an edited address's value is
    taken in once (its parts not understood are named in the notice); then
    the form's values as the user just changed them; otherwise the form as
    kept from the last run, on whichever page (Streamlit does not carry
    widget values across a page switch)."""
    raw = st.query_params.get(KEY)
    options = whatif.choices(year)
    if raw is not None and raw != st.session_state.get(_SEEN):
        _fill(state.from_url(KEY, lambda r: whatif.from_text(r, year)))
        st.session_state[_SEEN] = raw
    elif not st.session_state.get(_CHANGED) and (kept := state.kept(KEY)) is not None:
        _fill({c: x for c, x in kept.items() if c in options})
    out = {}
    for c in st.session_state.get(PICK) or []:
        x = st.session_state.get(_amount(c))
        if c in options and x:
            out[c] = float(x)
    return out


def _label(code: str, lang: str, year: int) -> str:
    return codebook.name(code, lang, year)


def box(code: int, year: int, lang: str) -> None:
    """The what-if expander: open when the scenario is set."""
    changes = current(year)
    with st.expander(t("whatif_title", lang), expanded=bool(changes)):
        picked = st.multiselect(t("wif_pick", lang), whatif.choices(year), key=PICK, help=t("wif_pick_help", lang),
                                format_func=lambda c: _label(c, lang, year), on_change=_changed)
        cols = st.columns(3)
        for i, c in enumerate(picked):
            cols[i % 3].number_input(t("whatif_delta", lang, code=_label(c, lang, year)), step=0.1, format="%.2f",
                                     key=_amount(c), on_change=_changed)
        form = {c: float(st.session_state.get(_amount(c)) or 0.0) for c in picked}
        st.session_state.pop(_CHANGED, None)
        state.keep(KEY, form)          # picked indicators with no change yet stay picked
        changes = {c: x for c, x in form.items() if x}
        text = whatif.as_text(changes)
        state.to_url(KEY, text)
        st.session_state[_SEEN] = text or None
        if not changes:
            st.caption(t("wif_pick_none", lang))
            return
        try:
            s = whatif.scenario(data.scores(), code, year, changes)
        except KeyError:
            st.info(t("wif_not_scored", lang, province=provinces.name(code, year, lang), year=year))
            return
        except whatif.OutOfScale as e:
            st.warning(t("wif_out_of_scale", lang, indicator=codebook.name(e.code, lang, year),
                         value=display.number(e.value, lang), low=display.number(e.scale[0], lang, 0),
                         high=display.number(e.scale[1], lang, 0)))
            return
        said = whatif.sentences(s, changes, lang)
        st.write(said["result"])
        st.caption(said["assumed"] + "  \n" + said["range"])
