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
from ..i18n import DEFAULT_LANG, fmt, t
from .common import Frames, UnitMap, default_code, num, whole, year_and_map


@dataclass(frozen=True)
class Query:
    """The choices the screen is built for (the cache key). None: the
    page's default (the latest year, the year's own map, Lào Cai or the
    unit containing it)."""
    code: int | None = None
    year: int | None = None
    indicator: str = "TOTAL"
    lang: str = DEFAULT_LANG
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

    @classmethod
    def of(cls, row: pd.Series) -> Total:
        return cls(num(row["value"]), whole(row["rank"]), whole(row["n_ranked"]), whole(row["tier"]),
                   num(row["change"]), whole(row["rank_change"]), num(row["prev_value"]), bool(row["comparable"]))


@dataclass(frozen=True)
class RankBefore:
    """An unchanged unit's rank of 2024 (on the 63-province map)."""
    year: int
    rank: str
    n: int


@dataclass(frozen=True)
class Model:
    name: str
    parts: list[int]                  # [code], or the former provinces standing for a merged unit
    merged: bool
    total: Total | None               # None: not scored, or shown through its parts
    members: pd.DataFrame | None      # the parts' figures, for a unit shown through them
    trend: go.Figure
    radar: go.Figure
    dims: go.Figure
    subdims: dict[int, pd.DataFrame]  # per part
    gaps: list[int]                   # years with no value
    vintage_note: str | None
    rank_before: RankBefore | None = None
    members_before: pd.DataFrame | None = None
    change_note: str | None = None
    tier_label: str | None = None
    tier_note: str | None = None
    rank_note: str | None = None
    vintage_change_note: str | None = None
    change_verdict: str | None = None       # the change since change_prev_year against its uncertainty
    change_prev_year: int | None = None     # (differences.EXCEEDS / WITHIN / UNKNOWN); None: no change shown
    trend_note: str | None = None           # "no interval known" where no value in the trend has one
    weighted_line: str | None = None        # PAPI's weighted total (TOTAL_W) of the year, where the data has it


def _headline(enriched: pd.DataFrame, row: pd.Series, code: int, year: int, lang: str) -> dict:
    shown = ranks.rank_text(row["rank"], row["n_ranked"], enriched, year, "TOTAL", lang, names=True)
    return {"tier_label": official_tiers.tier_label(row["tier"], row.get("tier_basis"), row.get("near_cut"), lang),
            "tier_note": official_tiers.basis_note(enriched, year, "TOTAL", lang),
            "rank_note": t("rank_caption", lang, rank=shown) if ranks.not_ranked(enriched, year, "TOTAL") else None,
            "vintage_change_note": vintages.change_note(enriched, code, year, "TOTAL", lang)}


def _across_merger(enriched: pd.DataFrame, code: int, year: int, lang: str) -> dict:
    out = explore.across_merger(enriched, code, year, lang)
    rb = out["rank_before"]
    return {**out, "rank_before": None if rb is None else RankBefore(int(rb["year"]), rb["rank"], int(rb["n"]))}


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


def weighted_line(enriched: pd.DataFrame, code: int, year: int, lang: str) -> str | None:
    """ "Chỉ số có trọng số (theo công bố): 36,12 — hạng 3/63 …" for a year
    whose imported file carried PAPI's weighted total; None otherwise. Its
    rank is among the weighted totals, never mixed with TOTAL's."""
    r = explore.row(enriched, code, year, "TOTAL_W")
    if r is None or num(r["value"]) is None:
        return None
    rank = ranks.rank_text(r["rank"], r["n_ranked"], enriched, year, "TOTAL_W", lang)
    return t("weighted_total_line", lang, value=fmt(r["value"], lang), rank=rank)


def build(query: Query, frames: Frames) -> Model:
    q = query.resolve(frames)
    enriched, stats, code, year, indicator, lang = frames.enriched, frames.stats, q.code, q.year, q.indicator, q.lang
    years = list(q.years or frames.years)
    ny = explore.unit_year(year, q.units)
    pname = provinces.name(code, ny, lang)
    label = codebook.name(indicator, lang, year)
    parts = explore.members(code, year, q.units)
    own = parts == [code]
    row = explore.row(enriched, code, year, "TOTAL") if own else None
    extra = _across_merger(enriched, code, year, lang) if own else {}
    if own:
        extra["weighted_line"] = weighted_line(enriched, code, year, lang)
    if row is not None:
        extra.update(_headline(enriched, row, code, year, lang))
        extra.update(change_verdict(enriched, row, code, year))
    profiles = (explore.radar_profiles(enriched, stats, code, year, lang) if own
                else explore.member_profiles(enriched, stats, parts, year, lang))
    dims = {d: explore.histories(enriched, code, ny, d, lang) for d in codebook.indicators(year, "dimension")}
    trend = figures.trend(explore.histories(enriched, code, ny, indicator, lang), stats, indicator, lang,
                          t("trend_title", lang, indicator=label, province=pname, last=max(years)), years)
    return Model(
        name=pname, parts=parts, merged=explore.is_merged_unit(code, ny),
        total=None if row is None else Total.of(row),
        members=None if own else explore.members_table(enriched, parts, year, lang),
        trend=trend, trend_note=figures.interval_note(trend, lang),
        radar=figures.radar(profiles, lang, t("radar_title", lang, year=year), reference=(t("national_mean", lang),)),
        dims=figures.small_multiples(dims, stats, lang, t("dims_title", lang), years),
        subdims={p: explore.subdimension_table(enriched, p, year, lang) for p in parts},
        gaps=sorted({y for p in parts for y in explore.missing_years(enriched, p, indicator, years)}),
        vintage_note=vintages.series_note(enriched, parts, indicator, lang),
        **extra)
