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
    return Model(
        trend=figures.trend(series, stats, indicator, lang,
                            t("compare_trend_title", lang, indicator=label, last=max(years)), years),
        radar=figures.radar({k: v for k, v in profiles.items() if not v.empty}, lang,
                            t("radar_title", lang, year=year)),
        table=explore.compare_table(enriched, list(shown.values()), year, lang, labels=list(shown)))
