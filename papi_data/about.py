"""The About page's table of shipped years: the release each year's
values come from and whether its overall groups are published."""
from __future__ import annotations

import pandas as pd

from . import official_tiers, vintages
from .i18n import t


def vintage_table(scores: pd.DataFrame, sources: pd.DataFrame, enriched: pd.DataFrame, lang: str) -> pd.DataFrame:
    v = vintages.by_year(scores, sources, lang)
    groups = []
    for y in v["year"]:
        basis, source = official_tiers.basis_of(enriched, int(y), "TOTAL")
        groups.append(t("vintage_groups_published", lang, source=source) if basis == "published"
                      else t("tier_basis_computed", lang))
    return pd.DataFrame({t("vintage_col_year", lang): v["year"], t("vintage_col_release", lang): v["release"],
                         t("vintage_col_groups", lang): groups})
