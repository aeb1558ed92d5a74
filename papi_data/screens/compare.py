"""The compare screen: 2–6 units side by side (trend, radar, table). On the
34-unit map before 2025, a merged unit is represented by each of its
former provinces, labelled."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

import pandas as pd
import plotly.graph_objects as go

from .. import codebook, explore, figures
from ..i18n import t
from ..labels import Label, named
from .common import Frames, UnitMap, year_and_map


def default_codes(year: int, units: UnitMap) -> tuple[int, ...]:
    """The units the page opens on, on the map shown."""
    ny = explore.unit_year(year, units)
    offered = set(explore.province_options(ny))
    return tuple(c for c in explore.default_compared(ny) if c in offered)


@dataclass(frozen=True)
class Query:
    """The choices the screen is built for (the cache key). None: the
    page's default (the latest year, the year's own map, its preset units)."""
    codes: tuple[int, ...] | None = None
    year: int | None = None
    indicator: str = "TOTAL"
    units: UnitMap | None = None
    needs_targets: ClassVar[bool] = False

    def resolve(self, frames: Frames) -> Query:
        year, units = year_and_map(self.year, self.units, frames)
        if year is None:
            return self
        codes = tuple(self.codes) if self.codes is not None else default_codes(year, units)
        return replace(self, year=year, units=units, codes=codes)


@dataclass(frozen=True)
class Model:
    """The screen in numbers and codes, the same in every language."""
    query: Query                          # resolved
    series: dict[Label, pd.DataFrame]     # the trend's lines
    shown: dict[Label, int]               # who stands in the radar, bars and table, and their codes
    profiles: dict[Label, pd.Series]      # the radar's (dimension values), non-empty ones
    values: pd.DataFrame                  # label, value, ci_low, ci_high of the year (the bars)
    values_by_code: pd.DataFrame          # total and dimensions per code shown (the table)
    stats: pd.DataFrame                   # the national statistics (the trend's mean and band)
    years: tuple[int, ...]                # every year of the data


@dataclass(frozen=True)
class View:
    """The model drawn in one language."""
    model: Model
    trend: go.Figure
    radar: go.Figure
    table: pd.DataFrame
    bars: go.Figure | None = None      # the year's values with their 95% intervals
    trend_note: str | None = None      # "no interval known" where no value in the chart has one
    bars_note: str | None = None


def year_values(enriched: pd.DataFrame, shown: dict[Label | str, int], year: int, indicator: str) -> pd.DataFrame:
    """label, value, ci_low, ci_high of each unit shown that has a value."""
    rows = []
    for label, code in shown.items():
        r = explore.row(enriched, code, year, indicator)
        if r is not None:
            rows.append({"label": label, "value": r["value"], "ci_low": r.get("ci_low"), "ci_high": r.get("ci_high")})
    return pd.DataFrame(rows, columns=["label", "value", "ci_low", "ci_high"]).astype(
        {"value": float, "ci_low": float, "ci_high": float})


def build(query: Query, frames: Frames) -> Model:
    q = query.resolve(frames)
    enriched, year, indicator = frames.enriched, q.year, q.indicator
    ny = explore.unit_year(year, q.units)
    series = {}
    for c in q.codes:
        series.update(explore.history_lines(enriched, c, ny, indicator))
    shown = explore.shown_members(list(q.codes), year, q.units)
    profiles = {k: explore.dimension_profile(enriched, c, year) for k, c in shown.items()}
    return Model(q, series, shown, {k: v for k, v in profiles.items() if not v.empty},
                 year_values(enriched, shown, year, indicator),
                 explore.compare_values(enriched, list(shown.values()), year), frames.stats, frames.years)


def draw(m: Model, lang: str) -> View:
    q = m.query
    year, indicator = q.year, q.indicator
    label = codebook.name(indicator, lang, year)
    values = m.values.assign(label=[k.text(lang) for k in m.values["label"]])
    trend = figures.trend(named(m.series, lang), m.stats, indicator, lang,
                          t("compare_trend_title", lang, indicator=label, last=max(m.years)), list(m.years))
    bars = figures.value_bars(values, lang, t("ival_bars_title", lang, indicator=label, year=year))
    return View(
        m, trend=trend, bars=bars, trend_note=figures.interval_note(trend, lang),
        bars_note=figures.interval_note(bars, lang),
        radar=figures.radar(named(m.profiles, lang), lang, t("radar_title", lang, year=year)),
        table=explore.compare_table_of(m.values_by_code, [k.text(lang) for k in m.shown], lang))
