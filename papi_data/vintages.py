"""Which PAPI release (vintage) each value comes from.

Every value keeps its source (scores.source, and the import batch that
wrote it). Official workbooks from 2020 on repeat earlier years on other
sheets, sometimes with revised values: a file's release is its newest
year, and a changed value of an earlier year is a revision by that
release. An import writes a new batch; the values it replaces stay in the
earlier batch (store: nothing is deleted), so both vintages are kept and a
rollback shows the earlier one again.
"""
from __future__ import annotations

import pandas as pd

from .i18n import t

# Where the shipped data come from, by source prefix (data/sources.csv).
SHIPPED_RELEASE = {
    "papi-org": {"vi": "dữ liệu tải về từ papi.org.vn (2011–2016), chỉ số không trọng số",
                 "en": "papi.org.vn data download (2011–2016), unweighted index"},
    "derived": {"vi": "tổng các chỉ số thành phần (bản phát hành không ghi rõ)",
                "en": "sum of the sub-dimensions (release not stated by the source)"},
    "hnks": {"vi": "bản tổng hợp hnks-gh/ml-mcdm (bản phát hành không ghi rõ)",
             "en": "hnks-gh/ml-mcdm compilation (release not stated by the source)"},
}


def release_year(years_found: list[int], layout: str) -> int | None:
    """The release a published file is: its newest year (a 2023 workbook
    with 2021–2023 sheets is PAPI 2023). None for the project's template,
    which is not a PAPI release."""
    if layout == "template" or not years_found:
        return None
    return int(max(years_found))


def revised(rows: pd.DataFrame, release: int | None) -> pd.Series:
    """Which preview rows (ingest.diff Preview.rows) are revisions: a changed
    value of a year before the file's release."""
    if release is None:
        return pd.Series(False, index=rows.index)
    return (rows["status"] == "changed") & (rows["year"] < release)


def label_revisions(table: pd.DataFrame, rows: pd.DataFrame, release: int | None, lang: str,
                    statuses=("added", "changed", "ci")) -> pd.DataFrame:
    """The preview's changes table (ingest.present.changes_table) with the
    status of each revision reading "revised by PAPI YYYY"."""
    shown = rows[rows["status"].isin(statuses)]
    mask = revised(shown, release).to_numpy()
    if not mask.any():
        return table
    out = table.copy()
    col = t("imp_col_status", lang)
    out.loc[mask, col] = t("vintage_revised", lang, release=release)
    return out


def revision_note(rows: pd.DataFrame, release: int | None, lang: str) -> str | None:
    """One sentence for the preview: how many values of which years the
    file revises, and that the earlier values are kept."""
    r = rows[revised(rows, release)]
    if r.empty:
        return None
    years = ", ".join(str(int(y)) for y in sorted(r["year"].unique()))
    return t("vintage_revised_note", lang, n=len(r), years=years, release=release)


def _release_text(source: str, citations: dict[str, str], lang: str) -> str:
    for prefix, text in SHIPPED_RELEASE.items():
        if source.startswith(prefix + "-"):
            return text[lang]
    if source in citations:
        return citations[source]
    if source.startswith("import-"):
        return t("vintage_imported", lang, source=source)
    return source


def by_year(scores: pd.DataFrame, sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per year: the releases its current TOTAL values come from (the About
    page), e.g. 2011 -> papi.org.vn data download, unweighted index."""
    cit = dict(zip(sources["source"], sources["citation"]))
    tot = scores[scores["indicator"] == "TOTAL"]
    rows = []
    for y, g in tot.groupby("year"):
        texts = list(dict.fromkeys(_release_text(s, cit, lang) for s in g["source"]))
        rows.append({"year": int(y), "release": "; ".join(texts)})
    return pd.DataFrame(rows, columns=["year", "release"])


def series_sources(enriched: pd.DataFrame, codes: list[int], indicator: str) -> tuple[tuple[int, str], ...]:
    """(year, source) of a chart's series, the first source of each year."""
    m = enriched[enriched["province_code"].isin(codes) & (enriched["indicator"] == indicator)]
    return tuple((int(y), sorted(set(s))[0]) for y, s in m.groupby("year")["source"])


def series_note_of(sources: tuple[tuple[int, str], ...], lang: str) -> str | None:
    """Which releases a chart's series come from (series_sources), by run
    of years: "Nguồn từng năm: 2011–2016: …; 2017–2024: …" (None when no values)."""
    if not sources:
        return None
    runs: list[list] = []
    for y, source in sources:
        text = _release_text(source, {}, lang)
        if runs and runs[-1][2] == text and runs[-1][1] == y - 1:
            runs[-1][1] = y
        else:
            runs.append([y, y, text])
    parts = [f"{a}–{b}: {x}" if a != b else f"{a}: {x}" for a, b, x in runs]
    return t("vintage_series", lang, runs="; ".join(parts))


def change_sources(enriched: pd.DataFrame, code: int, year: int, indicator: str) -> tuple[str, str] | None:
    """(source of the year before, source of the year) of a change; None without both."""
    m = enriched[(enriched["province_code"] == code) & (enriched["indicator"] == indicator)
                 & enriched["year"].isin([year - 1, year])].set_index("year")["source"]
    if len(m) < 2:
        return None
    return str(m[year - 1]), str(m[year])


def change_note(enriched: pd.DataFrame, code: int, year: int, indicator: str, lang: str) -> str | None:
    """When a year-on-year change compares values of two different releases
    (e.g. this year imported from its workbook, last year shipped), say
    which; None when both come from the same one."""
    return change_note_of(change_sources(enriched, code, year, indicator), year, lang)


def change_note_of(sources: tuple[str, str] | None, year: int, lang: str) -> str | None:
    """change_note from change_sources' answer."""
    if sources is None:
        return None
    before, now = (_release_text(s, {}, lang) for s in sources)
    if now == before:
        return None
    return t("vintage_change_mixed", lang, prev=year - 1, before=before, year=year, now=now)
