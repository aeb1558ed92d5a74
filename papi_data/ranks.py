"""Ranks with their denominator explained.

A rank is out of the provinces PAPI scored that year ("19/61"); the press
often writes "/63" for the same rank. Where provinces were not ranked, the
explanation names them and, when a source says, why (data/unranked.csv).
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from . import DATA_DIR, provinces
from .i18n import fmt_rank, t


@lru_cache(maxsize=1)
def reasons() -> pd.DataFrame:
    """Sourced reasons why PAPI did not rank a province in a year."""
    return pd.read_csv(DATA_DIR / "unranked.csv")


def not_ranked(enriched: pd.DataFrame, year: int, indicator: str = "TOTAL") -> list[int]:
    """Codes of that year's provinces without a score for `indicator`."""
    scored = set(enriched.loc[(enriched["year"] == year) & (enriched["indicator"] == indicator), "province_code"])
    return sorted(c for c in provinces.names(year) if c not in scored)


def reason(code: int, year: int, lang: str) -> str | None:
    r = reasons()
    hit = r[(r["year"] == year) & (r["province_code"] == code)]
    return None if hit.empty else hit.iloc[0]["reason_vi" if lang == "vi" else "reason_en"]


def _names(missing: list[int], year: int, lang: str) -> str:
    out = []
    for c in missing:
        why = reason(c, year, lang)
        out.append(provinces.name(c, year, lang) + (f" ({why})" if why else ""))
    return ", ".join(out)


def explanation(enriched: pd.DataFrame, year: int, indicator: str, lang: str) -> str | None:
    """ "63 tỉnh; 2 tỉnh không được xếp hạng năm nay: Quảng Ninh (…), Bình
    Dương (…)." or None when every province of the year was ranked."""
    return explanation_of(not_ranked(enriched, year, indicator), year, lang)


def explanation_of(missing: list[int] | tuple[int, ...], year: int, lang: str) -> str | None:
    """explanation, given the year's provinces not ranked."""
    if not missing:
        return None
    return t("rank_not_ranked", lang, total=len(provinces.names(year)), n=len(missing),
             names=_names(list(missing), year, lang))


def rank_text_of(rank, n, missing: list[int] | tuple[int, ...], year: int, lang: str, names: bool = False) -> str:
    """ "19/61 (63 tỉnh; 2 tỉnh không được xếp hạng năm nay)" (with
    `names`, followed by the provinces and why), or "19/63"; `missing`:
    the year's provinces not ranked (not_ranked)."""
    base = fmt_rank(rank, n, lang)
    if base == "–" or not missing:
        return base
    if names:
        return t("rank_with_names", lang, rank=base, total=len(provinces.names(year)), n=len(missing),
                 names=_names(list(missing), year, lang))
    return t("rank_with_total", lang, rank=base, total=len(provinces.names(year)), n=len(missing))
