"""The overview screen: one year's ranking of one indicator, tiers on the
map, the spread of the dimensions, national statistics and cut points."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

import pandas as pd
import plotly.graph_objects as go

from .. import analytics, codebook, explore, figures, official_tiers, provinces, ranks
from ..i18n import DEFAULT_LANG, t
from .common import Frames, latest, num


@dataclass(frozen=True)
class Query:
    """The choices the screen is built for (the cache key). `year` None:
    the latest year of the data; `province` None: none highlighted."""
    year: int | None = None
    indicator: str = "TOTAL"
    province: int | None = None
    lang: str = DEFAULT_LANG
    geojson: str | None = None
    needs_targets: ClassVar[bool] = False

    def resolve(self, frames: Frames) -> Query:
        return self if self.year is not None else replace(self, year=latest(frames.years))


@dataclass(frozen=True)
class Stats:
    """National statistics of the year and indicator; the cut points are
    the published groups' where on record."""
    n: int
    mean: float | None
    median: float | None
    cut_1: float | None
    cut_2: float | None
    cut_3: float | None


@dataclass(frozen=True)
class Model:
    ranked: pd.DataFrame
    stats: Stats | None = None          # None: nothing scored for the year and indicator
    tier_basis: str | None = None
    tier_note: str | None = None
    rank_note: str | None = None
    ranking: go.Figure | None = None
    map: go.Figure | None = None
    map_error: str | None = None        # the boundary file could not be drawn: the tile map is shown
    spread: go.Figure | None = None
    table: pd.DataFrame | None = None


def _stats(stats: pd.DataFrame, ranked: pd.DataFrame, year: int, indicator: str) -> Stats:
    s = stats[(stats["year"] == year) & (stats["indicator"] == indicator)].iloc[0]
    cuts = ranked[["cut_1", "cut_2", "cut_3"]].iloc[0]   # published groups, where on record, set the cut points
    return Stats(int(s["n"]), num(s["mean"]), num(s["median"]), num(cuts["cut_1"]), num(cuts["cut_2"]),
                 num(cuts["cut_3"]))


def build(query: Query, frames: Frames) -> Model:
    q = query.resolve(frames)
    enriched, year, indicator, province, lang = frames.enriched, q.year, q.indicator, q.province, q.lang
    names = provinces.names(year, lang)
    label = codebook.short_name(indicator, lang)
    ranked = analytics.ranking(enriched, year, indicator)
    if ranked.empty:
        return Model(ranked)
    map_title = t("map_title", lang, indicator=label, year=year)
    fig, map_error = None, None
    if q.geojson:
        try:
            fig = figures.choropleth(ranked, year, lang, map_title, q.geojson)
        except (OSError, ValueError) as e:
            map_error = str(e)
    if fig is None:
        fig = figures.tile_map(ranked, year, lang, map_title, highlight=province)
    return Model(
        ranked=ranked,
        stats=_stats(frames.stats, ranked, year, indicator),
        tier_basis=official_tiers.basis_of(enriched, year, indicator)[0],
        tier_note=official_tiers.basis_note(enriched, year, indicator, lang),
        rank_note=ranks.explanation(enriched, year, indicator, lang),
        ranking=figures.ranking_bar(ranked, lang, t("ranking_title", lang, indicator=label, year=year),
                                    highlight=province, names=names),
        map=fig, map_error=map_error,
        spread=figures.dimension_spread(enriched[enriched["year"] == year], year, lang,
                                        t("spread_title", lang, year=year), highlight=province),
        table=explore.ranking_table(ranked, year, lang))
