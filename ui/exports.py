"""Download buttons: chart images, tables, the slide deck. Files are made
only when the user clicks (download buttons take a callable)."""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from papi_data import export
from papi_data.i18n import t
from ui import data, uploads
from ui.sidebar import language


def _slug(text: str) -> str:
    from papi_data.text import fold
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "papi"


def _image(fig: go.Figure, fmt: str, source: str | None, note: str | None) -> bytes:
    """Runs only when the user clicks a download (deferred data)."""
    return export.figure_image(export.with_source(fig, source, note), fmt)


def chart_buttons(fig: go.Figure, key: str, source: str | None = None, note: str | None = None) -> None:
    """PNG and SVG of exactly this figure, with its source under the plot.
    The image is drawn only when a button is clicked, so a page pays nothing
    for it on a rerun."""
    lang = language()
    if export.browser_path() is None:
        st.caption(t("exp_no_browser", lang))
        return
    name = _slug(str(fig.layout.title.text or key))
    # One "Download" menu per chart: its buttons are drawn only when opened,
    # which keeps the page light and the charts uncluttered.
    menu = st.popover(t("exp_menu", lang), icon=":material/download:", key=f"dl_{key}")
    menu.download_button(t("exp_png", lang), lambda: _image(fig, "png", source, note), file_name=f"{name}.png",
                       mime="image/png", key=f"png_{key}", on_click="ignore", icon=":material/image:")
    menu.download_button(t("exp_svg", lang), lambda: _image(fig, "svg", source, note), file_name=f"{name}.svg",
                       mime="image/svg+xml", key=f"svg_{key}", on_click="ignore", icon=":material/draw:")


def table_buttons(df: pd.DataFrame, key: str, source: str | None = None) -> None:
    """CSV and XLSX of exactly the table shown (the XLSX with a sheet of
    sources and notes)."""
    lang = language()
    notes = [t("exp_note_shown", lang, date=dt.date.today().strftime("%d/%m/%Y")), t("missing_note", lang)]
    menu = st.popover(t("exp_menu", lang), icon=":material/download:", key=f"dl_{key}")
    menu.download_button(t("exp_csv", lang), lambda: export.table_csv(df, lang), file_name=f"{key}.csv",
                       mime="text/csv", key=f"csv_{key}", on_click="ignore", icon=":material/table:")
    menu.download_button(t("exp_xlsx", lang),
                       lambda: export.table_xlsx(df, sources=[source] if source else [], notes=notes, lang=lang),
                       file_name=f"{key}.xlsx", key=f"xlsx_{key}", on_click="ignore", icon=":material/grid_on:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _deck(province_code: int, year: int, lang: str, template: bytes | None, changes: dict | None = None) -> bytes:
    """Runs only when the user clicks (deferred data); with the page's
    what-if scenario, its slide too."""
    from papi_data import deck
    from papi_data.db import targets, tasks
    return deck.build(province_code, year, lang, template, enriched=data.enriched(), stats=data.stats(),
                      targets=targets.load(data.store(), province_code, year), sources=data.store().sources(),
                      tasks=tasks.load(data.store(), province_code, year), changes=changes)


def _plan(province_code: int, plan_year: int, lang: str, share: float, overrides: dict | None) -> bytes:
    """Runs only when the user clicks; the appendix lists the tasks of the
    plan the results were measured under."""
    from papi_data.db import tasks
    from papi_data.plan import document
    return document.build(data.enriched(), province_code, plan_year, lang, share, overrides,
                          tasks=tasks.load(data.store(), province_code, plan_year - 1))


def plan_button(province_code: int, year: int, lang: str, key: str = "plan_draft", share: float = 1.0,
                overrides: dict | None = None) -> None:
    """'Soạn dự thảo kế hoạch': the Word draft of next year's plan from this
    year's results, built when clicked; said plainly where the province has
    no results this year."""
    from papi_data import provinces
    from papi_data.explore import row
    if row(data.enriched(), province_code, year, "TOTAL") is None:
        st.caption(t("plan_draft_no_results", lang, year=year))
        return
    name = _slug(provinces.name(province_code, year, "en"))
    st.download_button(t("plan_draft_button", lang, year=year + 1),
                       lambda: _plan(province_code, year + 1, lang, share, overrides),
                       file_name=f"papi-plan-{year + 1}-{name}-{lang}.docx", key=key, on_click="ignore",
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                       icon=":material/description:", help=t("plan_draft_help", lang, year=year))


def deck_button(province_code: int, year: int, lang: str, key: str = "deck") -> None:
    """'Tạo bài trình chiếu': the 16:9 deck for this province and year in the
    page's language, built when clicked; optionally on the province's own
    PowerPoint template (its layouts and theme are used)."""
    from papi_data import provinces
    from ui import scenario
    name = _slug(provinces.name(province_code, year, "en"))
    changes = scenario.current(year)       # the page's what-if scenario, if one is set
    # python-pptx is imported only when a deck or a template is at hand: it
    # would add ~0.15 s to a fresh server's first page.
    c1, c2 = st.columns([1, 2], vertical_alignment="top")
    template = None
    with c2.popover(t("deck_template", lang), icon=":material/upload_file:"):
        up = uploads.uploader(t("deck_template", lang), ["pptx"], key=f"{key}_template", lang=lang,
                              label_visibility="collapsed")
        if up is not None:
            from papi_data import deck
            try:
                deck.check_template(up.getvalue())
                template = up.getvalue()
                st.caption(t("deck_template_used", lang, file=up.name))
            except ValueError as e:
                st.error(t("deck_template_bad", lang, file=up.name, reason=str(e)))
    c1.download_button(t("deck_button", lang), lambda: _deck(province_code, year, lang, template, changes),
                       file_name=f"papi-{year}-{name}-{lang}.pptx", key=key, on_click="ignore", type="primary",
                       mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                       icon=":material/slideshow:", width="stretch")
