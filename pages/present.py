"""Trình chiếu / Presentation: the chosen province and year, one screen at
a time, for a projector — headline figures, the trend, the radar against
the national mean, the map, targets against results and where to focus.
The router runs this page on every path while `?present=1` is set."""
import streamlit as st

from papi_data import codebook, eras, figures_present, provinces, settings
from papi_data.screens import overview, profile, targets
from papi_data.analytics import tier_name
from papi_data.figures import TIER_COLORS
from papi_data.i18n import fmt, fmt_rank, t
from ui import data, present, state
from ui.charts import on_phone, show_chart
from ui.sidebar import language

lang = language()
frames = data.frames(with_targets=True)
years = list(frames.years)
year = y if (y := state.url_int("year")) in years else max(years)
names = provinces.names(year, lang)
default = profile.Query(year=year).resolve(frames).code     # Lào Cai, or the unit containing it
code = state.url_int("province")
code = default if code is None else code
# A code means a place only with its map (?era=, else the link's year): a
# 2025 link after PAPI 2025 is rolled back shows the same place, not the
# old province that had the code.
link_era = state.url_int("era") or (provinces.era_of(y) if (y := state.url_int("year")) is not None else None)
if link_era and (moved := eras.carry(code, link_era, year)) is not None:
    code = moved.code
code = code if code in names else default

v = data.screen(profile.Query(code, year, "TOTAL"), lang)
ov = data.screen(overview.Query(year, "TOTAL", code, settings.geojson_path()), lang)
tv = data.screen(targets.Query(code, year), lang)
name = names[code]
src_year = t("source_papi", lang, years=year)
src_all = t("source_papi", lang, years=f"{min(years)}–{max(years)}")


def headline():
    total = v.model.total
    if total is None:
        st.title(f"{name} — PAPI {year}")
        st.header(t("province_not_scored", lang, year=year, indicator=codebook.name("TOTAL", lang), province=name))
        return
    comparable = total.change is not None and total.comparable
    fig = figures_present.headline(
        [(t("headline_total", lang), fmt(total.value, lang), None),
         (t("headline_rank", lang), fmt_rank(total.rank, total.n_ranked, lang), None),
         (t("headline_tier", lang), tier_name(total.tier, lang), TIER_COLORS[total.tier]),
         (t("headline_change", lang), fmt(total.change, lang, sign=True) if comparable else "–", None)],
        f"{name} — PAPI {year}",
        note=None if comparable or total.prev_value is None
        else t("deck_not_comparable", lang, prev=year - 1),
        **({"columns": 1, "height": 560} if on_phone() else {}))   # a phone held upright: one column
    # How the tier was arrived at and whom the rank leaves out, under the slide.
    basis = " ".join(x for x in (f"{t('headline_tier', lang)}: {v.tier_label}.", v.rank_note) if x)
    show_chart(fig, key="present_headline", source=src_year, note=basis, downloads=False)


def chart(fig, key, source, note=None):
    return lambda: show_chart(present.big(fig), key=f"present_{key}", source=source, note=note, downloads=False)


slides = [(t("deck_headline", lang, year=year), headline),
          (t("deck_trend", lang, first=min(years), year=max(years)),   # the trend runs to the latest year
           chart(v.trend, "trend", src_all, t("total_scale_note", lang))),
          (t("radar_title", lang, year=year), chart(v.radar, "radar", src_year))]
if not ov.model.ranked.empty:
    # Where the province stands among all: the page's tile map of 63 small tiles is unreadable on a projector.
    stand_title = t("present_standing", lang, province=name, year=year)
    slides.append((t("present_standing_short", lang), lambda: show_chart(
        figures_present.standing(ov.model.ranked, code, names, lang, stand_title), key="present_standing",
        source=src_year, downloads=False)))
if tv.model.ev is not None and tv.chart is not None:
    slides.append((t("deck_targets", lang, year=year), chart(tv.chart, "targets", src_year)))
if tv.focus is not None:
    slides.append((t("tgt_focus_title", lang, year=year), chart(tv.focus, "focus", src_year)))
slides.append((t("dims_title", lang), chart(v.dims, "dims", src_all)))

present.slideshow(slides, lang)
