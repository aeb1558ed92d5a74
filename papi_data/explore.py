"""Data shaping for the overview, profile and compare pages (pure)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from . import codebook, display, eras, labels, official_tiers, provinces
from .labels import Label
from .i18n import fmt_rank, t


# The codebook and the province table are shipped data that never change
# while the app runs: the lookups the pages make on every rerun (widget
# options and their labels) are memoised here.

@lru_cache(maxsize=64)
def _province_options(year: int) -> tuple[int, ...]:
    names = provinces.names(year, "en")
    return tuple(sorted(names, key=lambda c: names[c]))


# What the pages open on before the user chooses: Lào Cai, compared with Yên
# Bái and Thái Nguyên (codes on the 63-province map, and on the 34-unit map
# of 1 July 2025).
DEFAULT_PROVINCE = {63: 10, 34: 15}
DEFAULT_COMPARED = {63: [10, 15, 19], 34: [15, 19, 8]}


def default_province(options: list[int], year: int | None = None) -> int:
    """The province a page opens on among `options`: Lào Cai on the map of
    `year` (15, the new unit containing it, from 2025; by default Lào Cai's
    63-province code when offered), else the first."""
    want = default_code(year)
    return want if want in options else options[0]


def default_code(year: int | None = None) -> int:
    """Lào Cai's code on the map of `year` (the 63-province map by default)."""
    return DEFAULT_PROVINCE[provinces.era_of(year) if year is not None else 63]


def default_compared(year: int) -> list[int]:
    """The provinces the compare page opens on, on the map of `year`."""
    return list(DEFAULT_COMPARED[provinces.era_of(year)])


def province_options(year: int, lang: str = "vi") -> list[int]:
    """GSO codes of the year's map, sorted by name (the same order in both
    languages)."""
    return list(_province_options(year))


@lru_cache(maxsize=128)
def _indicator_options(year: int, level: str | None) -> tuple[str, ...]:
    return tuple(codebook.indicators(year, level))


def indicator_options(year: int, level: str | None = None) -> list[str]:
    """Indicator codes defined in `year` (optionally one level), tree order."""
    return list(_indicator_options(year, level))


@lru_cache(maxsize=4096)
def indicator_label(code: str, lang: str, year: int | None = None) -> str:
    """codebook.name, memoised: used as a widget's format_func."""
    return codebook.name(code, lang, year)


def row(enriched: pd.DataFrame, code: int, year: int, indicator: str) -> pd.Series | None:
    m = enriched[(enriched["year"] == year) & (enriched["province_code"] == code) & (enriched["indicator"] == indicator)]
    return None if m.empty else m.iloc[0]


def history_lines(enriched: pd.DataFrame, code: int, year: int, indicator: str) -> dict[Label, pd.DataFrame]:
    """Label -> (year, value, ci_low, ci_high) for a province's indicator.

    A unit formed on 1 July 2025 has no history of its own before 2025: its
    former provinces' series are shown side by side, labelled, never merged.
    """
    cols = ["year", "value", "ci_low", "ci_high"]
    e = enriched[enriched["indicator"] == indicator]
    out: dict[Label, pd.DataFrame] = {}
    if provinces.era_of(year) == 34:
        own = e[(e["province_code"] == code) & (e["year"] >= provinces.MERGER_YEAR)]
        if not own.empty:  # its own scores (2025 on), when published
            out[labels.unit(code, year)] = own[cols]
        parts = provinces.predecessors(code)
        if parts != [code] or provinces.name(code, provinces.MERGER_YEAR - 1) != provinces.name(code, year):
            for old in parts:
                out[labels.former(old)] = e[(e["province_code"] == old) & (e["year"] < provinces.MERGER_YEAR)][cols]
        else:  # unchanged unit: one continuous history
            out[labels.unit(code, year)] = e[(e["province_code"] == code)][cols]
        return out
    out[labels.unit(code, year)] = e[(e["province_code"] == code) & (e["year"] < provinces.MERGER_YEAR)][cols]
    return out


def histories(enriched: pd.DataFrame, code: int, year: int, indicator: str, lang: str) -> dict[str, pd.DataFrame]:
    """history_lines keyed by each line's name in `lang`."""
    return labels.named(history_lines(enriched, code, year, indicator), lang)


def is_merged_unit(code: int, year: int) -> bool:
    if provinces.era_of(year) != 34:
        return False
    parts = provinces.predecessors(code)
    return parts != [code] or provinces.name(code, provinces.MERGER_YEAR - 1) != provinces.name(code, year)


def unit_year(year: int, units: int) -> int:
    """The year whose map names the units shown: the selected year, or 2025
    when the user asked for the 34 units formed on 1 July 2025."""
    return max(year, provinces.MERGER_YEAR) if units == 34 else year


def members(code: int, year: int, units: int) -> list[int]:
    """Codes (on `year`'s map) whose scores stand for the unit `code`.

    A new (34-map) unit looked at in a year scored on the 63-province map is
    represented by each of the provinces it was formed from, separately.
    """
    if units == 34 and provinces.era_of(year) == 63 and is_merged_unit(code, provinces.MERGER_YEAR):
        return provinces.predecessors(code)
    return [code]


def member_label(old: int, lang: str) -> str:
    return labels.former(old).text(lang)


def member_rows(enriched: pd.DataFrame, parts: list[int], year: int) -> dict[int, pd.Series | None]:
    """Each former province's TOTAL row of `year` (None: not scored)."""
    return {old: row(enriched, old, year, "TOTAL") for old in parts}


def members_table_of(rows: dict[int, pd.Series | None], lang: str) -> pd.DataFrame:
    """Each former province's TOTAL: value, rank x/n, tier (no sum, no mean)."""
    out = []
    for old, x in rows.items():
        out.append({
            t("province", lang): member_label(old, lang),
            t("value", lang): None if x is None else float(x["value"]),
            t("rank", lang): t("no_data", lang) if x is None else display.Rank(int(x["rank"]), int(x["n_ranked"])),
            t("tier", lang): t("no_data", lang) if x is None else int(x["tier"]),
        })
    return display.with_roles(pd.DataFrame(out), {t("province", lang): display.LABEL, t("value", lang): display.NUMBER,
                                                  t("rank", lang): display.RANK, t("tier", lang): display.TIER})


def members_table(enriched: pd.DataFrame, parts: list[int], year: int, lang: str) -> pd.DataFrame:
    """Each former province's TOTAL in `year`: value, rank x/n, tier (no sum, no mean)."""
    return members_table_of(member_rows(enriched, parts, year), lang)


@dataclass(frozen=True)
class AcrossMerger:
    """What the headline of a unit's first year on the 34-unit map shows
    instead of a change: an unchanged unit's 2024 rank beside its 2025 one
    (each out of its own map, never subtracted); for a merged unit, its
    former provinces (`parts`) and their figures of the year before."""
    rank_before: tuple[int, int, int] | None = None    # (year, rank, n)
    parts: tuple[int, ...] = ()
    members_before: dict[int, pd.Series | None] | None = None


def across_merger_facts(enriched: pd.DataFrame, code: int, year: int) -> AcrossMerger:
    if year != provinces.MERGER_YEAR:
        return AcrossMerger()
    x = row(enriched, code, year, "TOTAL")
    if eras.same_territory(code):
        if x is not None and x["prev_rank"] == x["prev_rank"]:
            return AcrossMerger(rank_before=(year - 1, int(x["prev_rank"]), int(x["prev_n_ranked"])))
        return AcrossMerger()
    parts = provinces.predecessors(code)
    return AcrossMerger(parts=tuple(parts), members_before=member_rows(enriched, parts, year - 1))


def merged_change_note(code: int, parts: tuple[int, ...], year: int, lang: str) -> str:
    return t("change_merged", lang, province=provinces.name(code, year, lang),
             parts=" + ".join(provinces.name(p, year - 1, lang) for p in parts))


def across_merger_words(f: AcrossMerger, code: int, year: int, lang: str) -> dict:
    """across_merger_facts in words: rank_before ((year, "x/n", n)),
    change_note and members_before (a table), None where not shown."""
    rb = f.rank_before
    return {"rank_before": None if rb is None else (rb[0], fmt_rank(rb[1], rb[2], lang), rb[2]),
            "change_note": merged_change_note(code, f.parts, year, lang) if f.parts else None,
            "members_before": None if f.members_before is None else members_table_of(f.members_before, lang)}


def across_merger(enriched: pd.DataFrame, code: int, year: int, lang: str) -> dict:
    """across_merger_words of the unit's year, rank_before as {year, rank, n}."""
    out = across_merger_words(across_merger_facts(enriched, code, year), code, year, lang)
    rb = out["rank_before"]
    return {**out, "rank_before": None if rb is None else dict(zip(("year", "rank", "n"), rb))}


def member_lines(enriched: pd.DataFrame, stats: pd.DataFrame, parts: list[int], year: int) -> dict[Label, pd.Series]:
    """Radar input for a merged unit: each former province and the national mean."""
    out = {labels.former(old): dimension_profile(enriched, old, year) for old in parts}
    out[labels.MEAN_LABEL] = _mean_profile(stats, year)
    return {k: v for k, v in out.items() if not v.empty}


def member_profiles(enriched: pd.DataFrame, stats: pd.DataFrame, parts: list[int], year: int,
                    lang: str) -> dict[str, pd.Series]:
    return labels.named(member_lines(enriched, stats, parts, year), lang)


def missing_years(enriched: pd.DataFrame, code: int, indicator: str, years: list[int]) -> list[int]:
    have = set(enriched[(enriched["province_code"] == code) & (enriched["indicator"] == indicator)]["year"])
    return [y for y in years if y not in have and provinces.era_of(y) == provinces.era_of(max(years))]


def dimension_profile(enriched: pd.DataFrame, code: int, year: int) -> pd.Series:
    dims = codebook.indicators(year, "dimension")
    m = enriched[(enriched["year"] == year) & (enriched["province_code"] == code) & enriched["indicator"].isin(dims)]
    return m.set_index("indicator")["value"].reindex(dims).dropna()


def _mean_profile(stats: pd.DataFrame, year: int) -> pd.Series:
    dims = codebook.indicators(year, "dimension")
    return stats[(stats["year"] == year) & stats["indicator"].isin(dims)].set_index("indicator")["mean"].reindex(dims)


def radar_lines(enriched: pd.DataFrame, stats: pd.DataFrame, code: int, year: int) -> dict[Label, pd.Series]:
    """The province, the national mean and the best province on TOTAL."""
    out = {labels.unit(code, year): dimension_profile(enriched, code, year), labels.MEAN_LABEL: _mean_profile(stats, year)}
    top = enriched[(enriched["year"] == year) & (enriched["indicator"] == "TOTAL") & (enriched["rank"] == 1)]
    if not top.empty and int(top.iloc[0]["province_code"]) != code:
        best = int(top.iloc[0]["province_code"])
        out[labels.Label(labels.BEST, best, year)] = dimension_profile(enriched, best, year)
    return {k: v for k, v in out.items() if not v.empty}


def radar_profiles(enriched: pd.DataFrame, stats: pd.DataFrame, code: int, year: int, lang: str) -> dict[str, pd.Series]:
    return labels.named(radar_lines(enriched, stats, code, year), lang)


def _ranks(m: pd.DataFrame) -> list[display.Rank]:
    return [display.Rank(int(r), int(n)) for r, n in zip(m["rank"], m["n_ranked"])]


def subdimension_rows(enriched: pd.DataFrame, code: int, year: int) -> pd.DataFrame:
    """Each dimension and its sub-dimensions for one province and year, in the codebook's order."""
    order = {c: i for i, c in enumerate(codebook.indicators(year)) if c != "TOTAL"}   # the tree: no TOTAL_W
    m = enriched[(enriched["year"] == year) & (enriched["province_code"] == code) & enriched["indicator"].isin(order)]
    return m.assign(_o=m["indicator"].map(order)).sort_values("_o")


def subdimension_table_of(m: pd.DataFrame, year: int, lang: str) -> pd.DataFrame:
    return display.with_roles(pd.DataFrame({
        t("indicator", lang): [codebook.name(c, lang, year) for c in m["indicator"]],
        t("value", lang): m["value"].astype(float).to_numpy(),
        t("rank", lang): _ranks(m),
        t("tier", lang): m["tier"].astype(int).to_numpy(),
        t("points_next", lang): m["points_to_next_tier"].where(m["tier"] != 1).astype(float).to_numpy(),
        t("tier_basis_col", lang): official_tiers.basis_labels(m, lang),
    }), {t("indicator", lang): display.LABEL, t("tier", lang): display.TIER})


def subdimension_table(enriched: pd.DataFrame, code: int, year: int, lang: str) -> pd.DataFrame:
    """Each dimension and its sub-dimensions for one province and year."""
    return subdimension_table_of(subdimension_rows(enriched, code, year), year, lang)


def ranking_table(ranked: pd.DataFrame, year: int, lang: str) -> pd.DataFrame:
    names = provinces.names(year, lang)
    return display.with_roles(pd.DataFrame({
        t("rank", lang): ranked["rank"].astype(int).to_numpy(),
        t("province", lang): ranked["province_code"].map(names).to_numpy(),
        t("value", lang): ranked["value"].astype(float).to_numpy(),
        t("tier", lang): ranked["tier"].astype(int).to_numpy(),
        t("rank_change", lang): ranked["rank_change"].astype(float).to_numpy(),
        t("points_next", lang): ranked["points_to_next_tier"].where(ranked["tier"] != 1).astype(float).to_numpy(),
        t("tier_basis_col", lang): official_tiers.basis_labels(ranked, lang),
    }), {t("province", lang): display.LABEL, t("tier", lang): display.TIER,
         t("rank_change", lang): display.RANK_CHANGE})


def shown_members(codes: list[int], year: int, units: int) -> dict[Label, int]:
    """Label -> code on `year`'s map for the chosen units: the province itself,
    or, for a merged unit before 2025, each former province ("… (former)")."""
    out = {}
    for c in codes:
        parts = members(c, year, units)
        if parts == [c]:
            out[labels.unit(c, unit_year(year, units))] = c
        else:
            out.update({labels.former(p): p for p in parts})
    return out


def labelled_members(codes: list[int], year: int, units: int, lang: str) -> dict[str, int]:
    return labels.named(shown_members(codes, year, units), lang)


def compare_values(enriched: pd.DataFrame, codes: list[int], year: int) -> pd.DataFrame:
    """One row per code: the total and the dimensions of `year` (NaN: no value)."""
    inds = ["TOTAL"] + codebook.indicators(year, "dimension")
    m = enriched[(enriched["year"] == year) & enriched["province_code"].isin(codes) & enriched["indicator"].isin(inds)]
    wide = m.drop_duplicates(["province_code", "indicator"]).pivot(index="province_code", columns="indicator",
                                                                   values="value")
    return wide.reindex(index=list(codes), columns=inds).astype(float)


def compare_table_of(values: pd.DataFrame, names: list[str], lang: str) -> pd.DataFrame:
    """compare_values side by side under the names shown: the total
    ("Tổng" / "Total") and the dimensions."""
    head = {"TOTAL": "Tổng" if lang == "vi" else "Total"}
    cols = [head.get(i, i) for i in values.columns]
    rows = [{t("province", lang): name, **{h: (None if v != v else float(v)) for h, v in zip(cols, vals)}}
            for name, vals in zip(names, values.itertuples(index=False))]
    out = pd.DataFrame(rows, columns=[t("province", lang), *cols])
    return display.with_roles(out, {t("province", lang): display.LABEL, **{c: display.NUMBER for c in cols}})


def region_peers(code: int, year: int) -> list[int]:
    """The province first, then the other provinces of its region: those
    bordering it first, then the rest (each in GSO order)."""
    region = provinces.region_of(code, year)
    t_ = provinces.in_year(year)
    peers = [int(c) for c in t_[t_["region"] == region]["gso_code"] if int(c) != code]
    near = set(provinces.neighbours(code, year))
    return [code] + [c for c in peers if c in near] + [c for c in peers if c not in near]


def neighbour_peers(code: int, year: int) -> list[int]:
    """The province first, then the provinces bordering it."""
    return [code] + provinces.neighbours(code, year)


def source_years(years: list[int]) -> str:
    ys = sorted(set(years))
    return str(ys[0]) if len(ys) == 1 else f"{ys[0]}–{ys[-1]}"
