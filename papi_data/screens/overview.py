"""The overview screen: one year's ranking of one indicator, tiers on the
map, the spread of the dimensions, national statistics and cut points."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

import pandas as pd
import plotly.graph_objects as go

from .. import analytics, codebook, explore, figures, official_tiers, provinces, ranks
from ..i18n import t
from .common import Frames, latest, num


@dataclass(frozen=True)
class Query:
    """The choices the screen is built for (the cache key). `year` None:
    the latest year of the data; `province` None: none highlighted."""
    year: int | None = None
    indicator: str = "TOTAL"
    province: int | None = None
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
    """The screen in numbers and codes, the same in every language."""
    query: Query                        # resolved
    ranked: pd.DataFrame
    stats: Stats | None = None          # None: nothing scored for the year and indicator
    tier_basis: str | None = None       # "published" or "computed" (basis_of)
    tier_source: str | None = None      # the published record's source
    unranked: tuple[int, ...] = ()      # the year's provinces without a score
    year_rows: pd.DataFrame | None = None   # every indicator of the year (the spread)


@dataclass(frozen=True)
class View:
    """The model drawn in one language."""
    model: Model
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
    enriched, year, indicator = frames.enriched, q.year, q.indicator
    ranked = analytics.ranking(enriched, year, indicator)
    if ranked.empty:
        return Model(q, ranked)
    basis, source = official_tiers.basis_of(enriched, year, indicator)
    return Model(q, ranked, _stats(frames.stats, ranked, year, indicator), basis, source,
                 tuple(ranks.not_ranked(enriched, year, indicator)), enriched[enriched["year"] == year])


def _map(m: Model, lang: str, title: str) -> tuple[go.Figure, str | None]:
    """The boundary map where a boundary file is set and can be drawn, else the tile map."""
    q = m.query
    if q.geojson:
        try:
            return figures.choropleth(m.ranked, q.year, lang, title, q.geojson), None
        except (OSError, ValueError) as e:
            return figures.tile_map(m.ranked, q.year, lang, title, highlight=q.province), str(e)
    return figures.tile_map(m.ranked, q.year, lang, title, highlight=q.province), None


def draw(m: Model, lang: str) -> View:
    if m.stats is None:
        return View(m)
    q = m.query
    year, province = q.year, q.province
    label = codebook.short_name(q.indicator, lang)
    fig, map_error = _map(m, lang, t("map_title", lang, indicator=label, year=year))
    return View(
        m,
        tier_note=official_tiers.basis_sentence(m.tier_basis, m.tier_source, lang),
        rank_note=ranks.explanation_of(m.unranked, year, lang),
        ranking=figures.ranking_bar(m.ranked, lang, t("ranking_title", lang, indicator=label, year=year),
                                    highlight=province, names=provinces.names(year, lang)),
        map=fig, map_error=map_error,
        spread=figures.dimension_spread(m.year_rows, year, lang, t("spread_title", lang, year=year),
                                        highlight=province),
        table=explore.ranking_table(m.ranked, year, lang))
