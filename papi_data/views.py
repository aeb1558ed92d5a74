"""Everything a page shows for one set of choices, built in one pure call:
figures, tables and headline numbers. The pages cache these per data
version and choices, so a rerun only draws (ui.data.view)."""
from __future__ import annotations

import pandas as pd

from . import analytics, codebook, explore, figures, gaps, official_tiers, provinces, ranks, vintages
from .figures_targets import focus_chart, target_chart
from .i18n import t


def overview(enriched: pd.DataFrame, stats: pd.DataFrame, year: int, indicator: str, province: int | None,
             lang: str, geojson: str | None = None) -> dict:
    names = provinces.names(year, lang)
    label = codebook.short_name(indicator, lang)
    ranked = analytics.ranking(enriched, year, indicator)
    out = {"ranked": ranked, "stats": None}
    if ranked.empty:
        return out
    out["stats"] = stats[(stats["year"] == year) & (stats["indicator"] == indicator)].iloc[0].copy()
    # Published groups, where on record, set the cut points shown.
    out["stats"][["cut_1", "cut_2", "cut_3"]] = ranked[["cut_1", "cut_2", "cut_3"]].iloc[0].to_numpy()
    out["tier_basis"] = official_tiers.basis_of(enriched, year, indicator)[0]
    out["tier_note"] = official_tiers.basis_note(enriched, year, indicator, lang)
    out["rank_note"] = ranks.explanation(enriched, year, indicator, lang)
    out["ranking"] = figures.ranking_bar(ranked, lang, t("ranking_title", lang, indicator=label, year=year),
                                         highlight=province, names=names)
    map_title = t("map_title", lang, indicator=label, year=year)
    out["map_error"] = None
    if geojson:
        try:
            out["map"] = figures.choropleth(ranked, year, lang, map_title, geojson)
        except (OSError, ValueError) as e:
            out["map_error"] = str(e)
    if "map" not in out:
        out["map"] = figures.tile_map(ranked, year, lang, map_title, highlight=province)
    out["spread"] = figures.dimension_spread(enriched[enriched["year"] == year], year, lang,
                                             t("spread_title", lang, year=year), highlight=province)
    out["table"] = explore.localised(explore.ranking_table(ranked, year, lang), lang)
    return out


def profile(enriched: pd.DataFrame, stats: pd.DataFrame, code: int, year: int, indicator: str, lang: str,
            years: tuple[int, ...], units: int = 63) -> dict:
    """The profile of `code` on the map of `units` (63, or the 34 units of
    1 July 2025). A merged unit before 2025 is shown through its former
    provinces ("parts"), side by side, never added up or averaged."""
    years = list(years)
    ny = explore.unit_year(year, units)
    pname = provinces.name(code, ny, lang)
    label = codebook.name(indicator, lang, year)
    parts = explore.members(code, year, units)
    out = {"name": pname, "parts": parts, "merged": explore.is_merged_unit(code, ny),
           "total": explore.row(enriched, code, year, "TOTAL") if parts == [code] else None,
           "members": explore.localised(explore.members_table(enriched, parts, year, lang), lang) if parts != [code] else None}
    out.update(explore.across_merger(enriched, code, year, lang) if parts == [code] else
               {"rank_before": None, "members_before": None, "change_note": None})
    if out["total"] is not None:
        tot = out["total"]
        out["tier_label"] = official_tiers.tier_label(tot["tier"], tot.get("tier_basis"), tot.get("near_cut"), lang)
        out["tier_note"] = official_tiers.basis_note(enriched, year, "TOTAL", lang)
        shown = ranks.rank_text(tot["rank"], tot["n_ranked"], enriched, year, "TOTAL", lang, names=True)
        out["rank_note"] = t("rank_caption", lang, rank=shown) if ranks.not_ranked(enriched, year, "TOTAL") else None
        out["vintage_change_note"] = vintages.change_note(enriched, code, year, "TOTAL", lang)
    out["trend"] = figures.trend(explore.histories(enriched, code, ny, indicator, lang), stats, indicator, lang,
                                 t("trend_title", lang, indicator=label, province=pname, last=max(years)), years)
    out["gaps"] = sorted({y for p in parts for y in explore.missing_years(enriched, p, indicator, years)})
    out["vintage_note"] = vintages.series_note(enriched, parts, indicator, lang)
    profiles = (explore.radar_profiles(enriched, stats, code, year, lang) if parts == [code]
                else explore.member_profiles(enriched, stats, parts, year, lang))
    out["radar"] = figures.radar(profiles, lang, t("radar_title", lang, year=year))
    out["subdims"] = {p: explore.localised(explore.subdimension_table(enriched, p, year, lang), lang) for p in parts}
    dims = codebook.indicators(year, "dimension")
    frames = {d: explore.histories(enriched, code, ny, d, lang) for d in dims}
    out["dims"] = figures.small_multiples(frames, stats, lang, t("dims_title", lang), years)
    return out


def compare(enriched: pd.DataFrame, stats: pd.DataFrame, codes: tuple[int, ...], year: int, indicator: str,
            lang: str, years: tuple[int, ...], units: int = 63) -> dict:
    """2–6 units side by side. On the 34-unit map before 2025, a merged unit
    is represented by each of its former provinces, labelled."""
    years = list(years)
    ny = explore.unit_year(year, units)
    label = codebook.name(indicator, lang, year)
    series = {}
    for c in codes:
        series.update(explore.histories(enriched, c, ny, indicator, lang))
    shown = explore.labelled_members(list(codes), year, units, lang)
    profiles = {k: explore.dimension_profile(enriched, c, year) for k, c in shown.items()}
    return {
        "trend": figures.trend(series, stats, indicator, lang,
                               t("compare_trend_title", lang, indicator=label, last=max(years)), years),
        "radar": figures.radar({k: v for k, v in profiles.items() if not v.empty}, lang,
                               t("radar_title", lang, year=year)),
        "table": explore.localised(explore.compare_table(enriched, list(shown.values()), year, lang,
                                                           labels=list(shown)), lang),
    }


def targets(enriched: pd.DataFrame, tg: pd.DataFrame, code: int, year: int, lang: str) -> dict:
    out = {"ev": None}
    if not tg.empty:
        ev = gaps.evaluate(tg, enriched, lang)
        out["ev"] = ev
        out["table"] = gaps.table(ev, tg, lang)
        out["chart"] = target_chart(ev, lang, t("tgt_chart_title", lang, year=year), year)
    focus = gaps.focus(enriched, code, year)
    out["focus"] = None if focus.empty else focus_chart(focus, lang, t("tgt_focus_title", lang, year=year))
    return out
