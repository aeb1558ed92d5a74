"""The profile screen of one unit: headline figures, trends against the
national mean, the dimension radar and the sub-dimensions.

A unit formed on 1 July 2025 looked at before 2025 is shown through its
former provinces ("parts"), side by side, never added up or averaged."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

import pandas as pd
import plotly.graph_objects as go

from .. import codebook, differences, explore, figures, official_tiers, provinces, ranks, vintages
from ..i18n import fmt, t
from ..labels import Label, named
from .common import Frames, UnitMap, default_code, num, text, whole, year_and_map


@dataclass(frozen=True)
class Query:
    """The choices the screen is built for (the cache key). None: the
    page's default (the latest year, the year's own map, Lào Cai or the
    unit containing it)."""
    code: int | None = None
    year: int | None = None
    indicator: str = "TOTAL"
    units: UnitMap | None = None
    years: tuple[int, ...] | None = None   # the trends' years; None: every year of the data
    needs_targets: ClassVar[bool] = False

    def resolve(self, frames: Frames) -> Query:
        year, units = year_and_map(self.year, self.units, frames)
        if year is None:
            return self
        code = self.code if self.code is not None else default_code(year, units)
        return replace(self, year=year, units=units, code=code)


@dataclass(frozen=True)
class Total:
    """The unit's TOTAL of the year; None where the data has no value."""
    value: float | None
    rank: int | None
    n_ranked: int | None
    tier: int | None
    change: float | None         # against the year before
    rank_change: int | None      # + = moved up; None across maps or with no rank the year before
    prev_value: float | None
    comparable: bool             # the indicator means the same in both years
    tier_basis: str | None = None    # "published", "file" or "computed"
    near_cut: bool = False           # a computed tier close to a cut point

    @classmethod
    def of(cls, row: pd.Series) -> Total:
        return cls(num(row["value"]), whole(row["rank"]), whole(row["n_ranked"]), whole(row["tier"]),
                   num(row["change"]), whole(row["rank_change"]), num(row["prev_value"]), bool(row["comparable"]),
                   text(row.get("tier_basis")), bool(row.get("near_cut", False)))


@dataclass(frozen=True)
class RankBefore:
    """An unchanged unit's rank of 2024 (on the 63-province map)."""
    year: int
    rank: str
    n: int


@dataclass(frozen=True)
class Weighted:
    """PAPI's weighted total (TOTAL_W) of the year, ranked among the weighted totals."""
    value: float
    rank: int | None
    n_ranked: int | None
    unranked: tuple[int, ...]


@dataclass(frozen=True)
class Model:
    """The screen in numbers and codes, the same in every language."""
    query: Query                      # resolved
    parts: list[int]                  # [code], or the former provinces standing for a merged unit
    merged: bool
    total: Total | None               # None: not scored, or shown through its parts
    members: dict[int, pd.Series | None] | None   # the parts' TOTAL rows, for a unit shown through them
    series: dict[Label, pd.DataFrame]             # the trend's lines
    profiles: dict[Label, pd.Series]              # the radar's
    dims: dict[str, dict[Label, pd.DataFrame]]    # per dimension, its lines
    subdims: dict[int, pd.DataFrame]  # per part, its dimension and sub-dimension rows
    gaps: list[int]                   # years with no value
    stats: pd.DataFrame               # the national statistics
    years: tuple[int, ...]            # the trends' years
    sources: tuple[tuple[int, str], ...] = ()        # (year, source) of the series shown
    across: explore.AcrossMerger = explore.AcrossMerger()
    tier_basis: tuple[str, str | None] | None = None  # basis_of TOTAL of the year
    unranked: tuple[int, ...] = ()          # the year's provinces without a TOTAL
    change_sources: tuple[str, str] | None = None     # the releases a change compares
    change_verdict: str | None = None       # the change since change_prev_year against its uncertainty
    change_prev_year: int | None = None     # (differences.EXCEEDS / WITHIN / UNKNOWN); None: no change shown
    weighted: Weighted | None = None        # where the data has TOTAL_W for the year


@dataclass(frozen=True)
class View:
    """The model drawn in one language."""
    model: Model
    name: str
    members: pd.DataFrame | None      # the parts' figures, for a unit shown through them
    trend: go.Figure
    radar: go.Figure
    dims: go.Figure
    subdims: dict[int, pd.DataFrame]  # per part
    vintage_note: str | None
    rank_before: RankBefore | None = None
    members_before: pd.DataFrame | None = None
    change_note: str | None = None
    tier_label: str | None = None
    tier_note: str | None = None
    rank_note: str | None = None
    vintage_change_note: str | None = None
    trend_note: str | None = None           # "no interval known" where no value in the trend has one
    weighted_line: str | None = None        # PAPI's weighted total (TOTAL_W) of the year, where the data has it


def change_verdict(enriched: pd.DataFrame, row: pd.Series, code: int, year: int) -> dict:
    """The TOTAL's change since the year before, against its uncertainty
    (docs/TRENDS.md, "Differences that are real"); {} with no change."""
    if num(row["change"]) is None or not bool(row["comparable"]):
        return {}
    e = enriched[(enriched["province_code"] == code) & (enriched["indicator"] == "TOTAL") & (enriched["year"] < year)]
    if e.empty:
        return {}
    prev = int(e["year"].max())
    verdict, _ = differences.change(enriched, code, "TOTAL", year, prev)
    return {"change_verdict": verdict, "change_prev_year": prev}


def weighted(enriched: pd.DataFrame, code: int, year: int) -> Weighted | None:
    """The unit's TOTAL_W of a year whose imported file carried it; None otherwise."""
    r = explore.row(enriched, code, year, "TOTAL_W")
    if r is None or num(r["value"]) is None:
        return None
    return Weighted(float(r["value"]), whole(r["rank"]), whole(r["n_ranked"]),
                    tuple(ranks.not_ranked(enriched, year, "TOTAL_W")))


def weighted_line(w: Weighted | None, year: int, lang: str) -> str | None:
    """ "Chỉ số có trọng số (theo công bố): 36,12 — hạng 3/63 …"; its rank
    is among the weighted totals, never mixed with TOTAL's."""
    if w is None:
        return None
    rank = ranks.rank_text_of(w.rank, w.n_ranked, w.unranked, year, lang)
    return t("weighted_total_line", lang, value=fmt(w.value, lang), rank=rank)


def _headline(enriched: pd.DataFrame, row: pd.Series, code: int, year: int) -> dict:
    return {"tier_basis": official_tiers.basis_of(enriched, year, "TOTAL"),
            "unranked": tuple(ranks.not_ranked(enriched, year, "TOTAL")),
            "change_sources": vintages.change_sources(enriched, code, year, "TOTAL"),
            **change_verdict(enriched, row, code, year)}


def build(query: Query, frames: Frames) -> Model:
    q = query.resolve(frames)
    enriched, stats, code, year, indicator = frames.enriched, frames.stats, q.code, q.year, q.indicator
    years = tuple(q.years or frames.years)
    ny = explore.unit_year(year, q.units)
    parts = explore.members(code, year, q.units)
    own = parts == [code]
    row = explore.row(enriched, code, year, "TOTAL") if own else None
    extra = {"across": explore.across_merger_facts(enriched, code, year),
             "weighted": weighted(enriched, code, year)} if own else {}
    if row is not None:
        extra.update(_headline(enriched, row, code, year))
    return Model(
        query=q, parts=parts, merged=explore.is_merged_unit(code, ny),
        total=None if row is None else Total.of(row),
        members=None if own else explore.member_rows(enriched, parts, year),
        series=explore.history_lines(enriched, code, ny, indicator),
        profiles=(explore.radar_lines(enriched, stats, code, year) if own
                  else explore.member_lines(enriched, stats, parts, year)),
        dims={d: explore.history_lines(enriched, code, ny, d) for d in codebook.indicators(year, "dimension")},
        subdims={p: explore.subdimension_rows(enriched, p, year) for p in parts},
        gaps=sorted({y for p in parts for y in explore.missing_years(enriched, p, indicator, list(years))}),
        stats=stats, years=years, sources=vintages.series_sources(enriched, parts, indicator),
        **extra)


def _headline_words(m: Model, lang: str) -> dict:
    """The headline's sentences: the tier with its basis, the ranks' denominator, a change across releases."""
    q, total = m.query, m.total
    if total is None:
        return {}
    shown = ranks.rank_text_of(total.rank, total.n_ranked, m.unranked, q.year, lang, names=True)
    return {"tier_label": official_tiers.tier_label(total.tier, total.tier_basis, total.near_cut, lang),
            "tier_note": official_tiers.basis_sentence(*m.tier_basis, lang),
            "rank_note": t("rank_caption", lang, rank=shown) if m.unranked else None,
            "vintage_change_note": vintages.change_note_of(m.change_sources, q.year, lang)}


def _across_words(m: Model, lang: str) -> dict:
    out = explore.across_merger_words(m.across, m.query.code, m.query.year, lang)
    return {**out, "rank_before": None if out["rank_before"] is None else RankBefore(*out["rank_before"])}


def draw(m: Model, lang: str) -> View:
    q = m.query
    year, indicator, years = q.year, q.indicator, list(m.years)
    pname = provinces.name(q.code, explore.unit_year(year, q.units), lang)
    label = codebook.name(indicator, lang, year)
    trend = figures.trend(named(m.series, lang), m.stats, indicator, lang,
                          t("trend_title", lang, indicator=label, province=pname, last=max(years)), years)
    return View(
        model=m, name=pname,
        members=None if m.members is None else explore.members_table_of(m.members, lang),
        trend=trend, trend_note=figures.interval_note(trend, lang),
        radar=figures.radar(named(m.profiles, lang), lang, t("radar_title", lang, year=year),
                            reference=(t("national_mean", lang),)),
        dims=figures.small_multiples({d: named(v, lang) for d, v in m.dims.items()}, m.stats, lang,
                                     t("dims_title", lang), years),
        subdims={p: explore.subdimension_table_of(rows, year, lang) for p, rows in m.subdims.items()},
        vintage_note=vintages.series_note_of(m.sources, lang),
        weighted_line=weighted_line(m.weighted, year, lang),
        **_across_words(m, lang), **_headline_words(m, lang))
