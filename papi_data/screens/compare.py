"""The compare screen: 2–6 units side by side (trend, radar, table). On the
34-unit map before 2025, a merged unit is represented by each of its
former provinces, labelled."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

import pandas as pd
import plotly.graph_objects as go

from .. import codebook, explore, figures
from ..i18n import DEFAULT_LANG, t
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
    lang: str = DEFAULT_LANG
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
    trend: go.Figure
    radar: go.Figure
    table: pd.DataFrame
    bars: go.Figure | None = None      # the year's values with their 95% intervals
    trend_note: str | None = None      # "no interval known" where no value in the chart has one
    bars_note: str | None = None


def year_values(enriched: pd.DataFrame, shown: dict[str, int], year: int, indicator: str) -> pd.DataFrame:
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
    enriched, stats, year, indicator, lang = frames.enriched, frames.stats, q.year, q.indicator, q.lang
    years = list(frames.years)
    ny = explore.unit_year(year, q.units)
    label = codebook.name(indicator, lang, year)
    series = {}
    for c in q.codes:
        series.update(explore.histories(enriched, c, ny, indicator, lang))
    shown = explore.labelled_members(list(q.codes), year, q.units, lang)
    profiles = {k: explore.dimension_profile(enriched, c, year) for k, c in shown.items()}
    trend = figures.trend(series, stats, indicator, lang,
                          t("compare_trend_title", lang, indicator=label, last=max(years)), years)
    bars = figures.value_bars(year_values(enriched, shown, year, indicator), lang,
                              t("ival_bars_title", lang, indicator=label, year=year))
    return Model(
        trend=trend, bars=bars, trend_note=figures.interval_note(trend, lang),
        bars_note=figures.interval_note(bars, lang),
        radar=figures.radar({k: v for k, v in profiles.items() if not v.empty}, lang,
                            t("radar_title", lang, year=year)),
        table=explore.compare_table(enriched, list(shown.values()), year, lang, labels=list(shown)))
