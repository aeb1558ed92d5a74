"""The About page's tables: the release each shipped year's values come
from and whether its groups are published; the indicators of each period
of unchanged definitions; the provinces not scored each year and why; each
year's report."""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from . import DATA_DIR, codebook, official_tiers, provinces, ranks, vintages
from .i18n import fmt, t


def vintage_table(scores: pd.DataFrame, sources: pd.DataFrame, enriched: pd.DataFrame, lang: str) -> pd.DataFrame:
    v = vintages.by_year(scores, sources, lang)
    groups = []
    for y in v["year"]:
        basis, source = official_tiers.basis_of(enriched, int(y), "TOTAL")
        groups.append(t("vintage_groups_published", lang, source=source) if basis == "published"
                      else t("tier_basis_computed", lang))
    return pd.DataFrame({t("vintage_col_year", lang): v["year"], t("vintage_col_release", lang): v["release"],
                         t("vintage_col_groups", lang): groups})


def _structure(year: int) -> tuple:
    """What defines a year's indicator set: every code with its scale and name."""
    return tuple((c, codebook.scale(c, year), codebook.name(c, "en", year)) for c in codebook.indicators(year))


def periods(first: int, last: int) -> list[tuple[int, int]]:
    """Runs of consecutive years with the same indicators, scales and names:
    the periods in which PAPI's definitions held still."""
    out: list[tuple[int, int]] = []
    prev = None
    for y in range(first, last + 1):
        s = _structure(y)
        if out and s == prev:
            out[-1] = (out[-1][0], y)
        else:
            out.append((y, y))
        prev = s
    return out


def indicator_table(start: int, end: int, lang: str) -> pd.DataFrame:
    """Every dimension and sub-dimension of a period: code, name, maximum
    score, and the change that opened the period where one is on record."""
    b = codebook.breaks()
    opened = b[b.year == start].set_index("code")["note_vi" if lang == "vi" else "note_en"].to_dict()
    rows = []
    for c in codebook.indicators(start):
        ind = codebook.definition(c, start)
        rows.append({t("about_col_code", lang): "" if c == "TOTAL" else c,
                     t("about_col_name", lang): ind.name(lang) or ind.name_en,
                     t("about_col_max", lang): fmt(ind.scale_max, lang, 2),
                     t("about_col_change", lang): opened.get(c, "")})
    return pd.DataFrame(rows)


def unranked_table(enriched: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Provinces of each year's map without a total score, with the reason and
    its source where one is on record."""
    rows = []
    for y in sorted(enriched["year"].unique()):
        for c in ranks.not_ranked(enriched, int(y)):
            r = ranks.reasons()
            hit = r[(r.year == y) & (r.province_code == c)]
            rows.append({t("vintage_col_year", lang): int(y),
                         t("about_col_province", lang): provinces.name(c, int(y), lang),
                         t("about_col_reason", lang): ranks.reason(c, int(y), lang) or t("about_reason_unknown", lang),
                         t("about_col_source", lang): "" if hit.empty else hit.iloc[0]["source"]})
    return pd.DataFrame(rows, columns=[t(k, lang) for k in ("vintage_col_year", "about_col_province",
                                                             "about_col_reason", "about_col_source")])


@lru_cache(maxsize=1)
def _reports() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "reports.csv", dtype=str, keep_default_na=False)


def reports_table(years, lang: str) -> pd.DataFrame:
    """Each shipped year's report: where PAPI publishes it and, where on
    record, the launch and its announcement."""
    r = _reports()
    r = r[r.year.astype(int).isin([int(y) for y in years])]
    return pd.DataFrame({t("vintage_col_year", lang): r.year.astype(int).values,
                         t("about_col_launched", lang): r.launched.values,
                         t("about_col_report", lang): r.report_url.values,
                         t("about_col_launch", lang): r.launch_url.values})
