"""What an import would change: every value of the file compared with the
current one — added, changed (old → new) or unchanged — summarised per year
and province; values the file does not mention are left alone."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..frame import KEY

STATS = ["value", "ci_low", "ci_high", "se"]
EPS = 1e-9
# added: no current value; changed: the score differs; ci: same score, new
# or other confidence interval or standard error; ci_removed: same score, the
# file drops a CI/SE the store holds (never called "new"); unchanged: nothing differs
STATUSES = ("added", "changed", "ci", "ci_removed", "unchanged")


@dataclass
class Preview:
    rows: pd.DataFrame      # KEY + old/new for each stat + status
    by_province: pd.DataFrame  # year, province_code, added, changed, unchanged
    by_year: pd.DataFrame      # year, added, changed, unchanged, kept (current values the file leaves alone)

    def counts(self) -> dict[str, int]:
        return {k: int((self.rows["status"] == k).sum()) for k in STATUSES}

    @property
    def has_changes(self) -> bool:
        c = self.counts()
        return c["added"] + c["changed"] + c["ci"] + c["ci_removed"] > 0


def _differs(a: pd.Series, b: pd.Series) -> pd.Series:
    a, b = a.astype("float64"), b.astype("float64")
    both_nan = a.isna() & b.isna()
    return ~both_nan & ~((a - b).abs() <= EPS)


def preview(new: pd.DataFrame, current: pd.DataFrame) -> Preview:
    years = sorted(new["year"].unique())
    cur = current[current["year"].isin(years)][KEY + STATS]
    m = new[KEY + STATS].merge(cur, on=KEY, how="left", suffixes=("_new", "_old"), indicator=True)
    added = m["_merge"] == "left_only"
    changed = _differs(m["value_new"], m["value_old"]).to_numpy()
    ci = np.zeros(len(m), dtype=bool)
    dropped = np.zeros(len(m), dtype=bool)
    for s in STATS[1:]:  # the batch replaces the whole row: a CI the file lacks is a change too
        ci |= _differs(m[f"{s}_new"], m[f"{s}_old"]).to_numpy()
        dropped |= (m[f"{s}_new"].isna() & m[f"{s}_old"].notna()).to_numpy()
    m["status"] = np.where(added, "added", np.where(changed, "changed", np.where(
        dropped, "ci_removed", np.where(ci, "ci", "unchanged"))))
    m = m.drop(columns="_merge").rename(columns={"value_new": "new", "value_old": "old"})
    m["delta"] = m["new"] - m["old"]
    counts = pd.crosstab([m["year"], m["province_code"]], m["status"]).reindex(
        columns=list(STATUSES), fill_value=0).reset_index()
    counts.columns.name = None
    by_year = counts.groupby("year")[list(STATUSES)].sum().reset_index()
    keys = set(zip(new["year"], new["province_code"], new["indicator"]))
    mask = np.array([k not in keys for k in zip(cur["year"], cur["province_code"], cur["indicator"])], dtype=bool)
    kept = cur[mask]
    by_year["kept"] = by_year["year"].map(kept.groupby("year").size()).fillna(0).astype(int)
    return Preview(m.sort_values(KEY).reset_index(drop=True), counts, by_year)
