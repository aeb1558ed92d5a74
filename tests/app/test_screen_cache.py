"""The screens' cache: one model per data version and choices, shared by
both languages; one view per language, drawn from it."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _both_languages():
    import streamlit as st

    from papi_data.screens import UnitMap, profile
    from ui import data
    data.begin_run()
    vi = data.screen(profile.Query(10, 2019), "vi")
    en = data.screen(profile.Query(10, 2019), "en")
    spelled_out = data.screen(profile.Query(10, 2019, "TOTAL", UnitMap.PROVINCES_63), "vi")
    st.session_state["seen"] = (vi.model is en.model, spelled_out is vi, vi.name, en.name,
                                vi.trend.layout.title.text, en.trend.layout.title.text)


def test_a_switch_of_language_draws_the_same_model(db):
    at = AppTest.from_function(_both_languages, default_timeout=120).run()
    assert not at.exception, at.exception
    same_model, same_view, vi_name, en_name, vi_title, en_title = at.session_state["seen"]
    assert same_model and same_view
    assert (vi_name, en_name) == ("Lào Cai", "Lao Cai")
    assert "Lào Cai" in vi_title and "Lao Cai" in en_title and vi_title != en_title
