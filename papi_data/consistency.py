"""Internal consistency of a score frame: sums, scales, duplicates.

Used by `python -m papi_data check` on the whole store (tolerance 1e-4) and by
the import validation (tolerance 0.01, the precision files are published at).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import codebook
from .frame import KEY


@dataclass(frozen=True)
class Problem:
    kind: str  # sum | scale | duplicate | unknown_indicator
    year: int
    province_code: int
    indicator: str
    message: str


def problems(df: pd.DataFrame, tol: float = 1e-4) -> list[Problem]:
    out: list[Problem] = []
    dup = df[df.duplicated(KEY, keep=False)]
    for r in dup.drop_duplicates(KEY).itertuples(index=False):
        out.append(Problem("duplicate", r.year, r.province_code, r.indicator,
                           f"{r.indicator} appears more than once for province {r.province_code} in {r.year}"))
    df = df.drop_duplicates(KEY)

    sc = df.merge(codebook.scales(sorted(df["year"].unique())), on=["year", "indicator"], how="left")
    for r in sc[sc["scale_max"].isna()].itertuples(index=False):
        out.append(Problem("unknown_indicator", r.year, r.province_code, r.indicator,
                           f"{r.indicator} is not defined in {r.year}"))
    bad = sc[sc["scale_max"].notna() & ((sc["value"] < sc["scale_min"] - 1e-9) |
                                        (sc["value"] > sc["scale_max"] + 0.01))]
    for r in bad.itertuples(index=False):
        out.append(Problem("scale", r.year, r.province_code, r.indicator,
                           f"{r.indicator} = {r.value} outside {r.scale_min:g}–{r.scale_max:g} in {r.year}"))

    out.extend(sum_problems(df, tol))
    return out


def sum_problems(df: pd.DataFrame, tol: float) -> list[Problem]:
    """A parent that differs from the sum of its children by more than tol.

    Checked only where the parent and all of that year's children are
    present; a partial set is not summed (missing stays missing).
    """
    out = []
    wide = df.pivot_table(index=["year", "province_code"], columns="indicator", values="value", aggfunc="first")
    for year in sorted(wide.index.get_level_values(0).unique()):
        block = wide.loc[year]
        for parent in ["TOTAL"] + codebook.indicators(int(year), "dimension"):
            kids = codebook.children(parent, int(year))
            if parent not in block or not kids or not set(kids) <= set(block.columns):
                continue
            sub = block[[parent, *kids]].dropna()
            diff = (sub[kids].sum(axis=1) - sub[parent]).abs()
            for code, d in diff[diff > tol].items():
                out.append(Problem("sum", int(year), int(code), parent,
                                   f"{parent} = {sub.loc[code, parent]:.6f} but its parts "
                                   f"{'+'.join(kids)} sum to {sub.loc[code, kids].sum():.6f} "
                                   f"(province {code}, {year})"))
    return out
