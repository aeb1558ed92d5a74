"""Checks on a parsed file before anything is written. Every problem names
the file, sheet and cell, with a message in Vietnamese and English.

Reading already reports what a reader sees (unknown province or indicator,
text in a number cell, formulas without values, …); this adds what needs
the whole table: values outside their scale, dimensions that are not the
sum of their sub-dimensions and totals that are not the sum of the
dimensions (tolerance 0.01, the precision files are published at),
duplicates, years in the future, CI bounds around the value, and the
groups a group column gives (ingest/groups.py).
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import codebook, consistency, provinces
from ..frame import KEY
from . import groups
from .model import Issue, Parsed, issue

TOLERANCE = 0.01


def future(year: int, today: dt.date | None = None) -> bool:
    """PAPI for year Y is published in spring Y+1: a year not yet over has
    no results."""
    return year >= (today or dt.date.today()).year


def validate(parsed: Parsed, today: dt.date | None = None, tol: float = TOLERANCE,
             current: pd.DataFrame | None = None) -> list[Issue]:
    """Every problem of the file; `current` (the stored scores) completes
    the provinces a group column's groups are checked against."""
    out = list(parsed.issues)
    df = parsed.frame
    fn = parsed.file_name
    if df.empty:
        if not any(i.blocking for i in out):
            out.append(issue("no_values", fn))
        return out
    cell = {k: (s, c) for k, s, c in zip(zip(df.year, df.province_code, df.indicator), df.sheet, df.cell)}

    def where(year, prov, ind):
        s, c = cell.get((int(year), int(prov), ind), (None, None))
        return (s or None), c

    for y in sorted(df["year"].unique()):
        if future(int(y), today):
            # Point at where the year was read: its cell in the template, the
            # sheet (named for the year) in a published table.
            s = parsed.sheets.get(int(y)) or (df[df.year == y].sheet.iloc[0] or None)
            out.append(issue("future_year", fn, s, parsed.year_cells.get(int(y)), year=int(y)))

    dups = df[df.duplicated(KEY, keep=False)]
    for key, g in dups.groupby(KEY, sort=False):
        cells = _cells(g.cell)
        out.append(issue("duplicate", fn, g.sheet.iloc[0] or None, g.cell.iloc[1],
                         indicator=key[2], province=provinces.name(key[1], key[0]), year=int(key[0]), cells=cells))

    flat = df.drop_duplicates(KEY)
    for p in consistency.problems(flat[KEY + ["value"]], tol=tol):
        s, c = where(p.year, p.province_code, p.indicator)
        prov = provinces.name(p.province_code, p.year)
        if p.kind == "scale":
            v = flat.loc[(flat.year == p.year) & (flat.province_code == p.province_code)
                         & (flat.indicator == p.indicator), "value"].iloc[0]
            lo, hi = codebook.scale(p.indicator, int(p.year))
            out.append(issue("out_of_scale", fn, s, c, indicator=p.indicator, province=prov, year=int(p.year),
                             value=f"{v:g}", lo=f"{lo:g}", hi=f"{hi:g}"))
        elif p.kind == "sum":
            kids = codebook.children(p.indicator, int(p.year))
            sub = flat[(flat.year == p.year) & (flat.province_code == p.province_code)].set_index("indicator").value
            out.append(issue("sum_total" if p.indicator == "TOTAL" else "sum_dimension", fn, s, c,
                             indicator=p.indicator, province=prov, year=int(p.year),
                             value=f"{sub[p.indicator]:.4f}", parts="+".join(kids),
                             total=f"{sub[kids].sum():.4f}", diff=f"{sub[kids].sum() - sub[p.indicator]:+.4f}"))
        elif p.kind == "unknown_indicator":
            out.append(issue("unknown_indicator", fn, s, c, label=p.indicator, year=int(p.year)))

    ci = flat.dropna(subset=["ci_low", "ci_high"], how="all")
    for r in ci.itertuples(index=False):
        lo = r.ci_low if pd.notna(r.ci_low) else r.value
        hi = r.ci_high if pd.notna(r.ci_high) else r.value
        if not (lo - 1e-9 <= r.value <= hi + 1e-9):
            out.append(issue("ci_order", fn, r.sheet or None, r.cell, indicator=r.indicator,
                             province=provinces.name(r.province_code, r.year), year=int(r.year),
                             value=f"{r.value:g}", lo=f"{lo:g}", hi=f"{hi:g}"))
    out += _all_zero(flat, fn) + _ci_scale(flat, fn)
    if not any(i.code == "group_label" for i in out):     # groups the file gives: the group-file rules
        out += groups.check(parsed, current)
    neg = flat[flat.se.notna() & (flat.se < 0)]
    for r in neg.itertuples(index=False):
        out.append(issue("negative_se", fn, r.sheet or None, r.cell, indicator=r.indicator,
                         province=provinces.name(r.province_code, r.year), year=int(r.year), value=f"{r.se:g}"))
    return out


def errors(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.blocking]


def _cells(cells, n: int = 12) -> str:
    """The first cells of a list, and how many more (a file may repeat a row
    100,000 times: the message stays one line)."""
    cells = [str(c) for c in cells]
    more = len(cells) - n
    return ", ".join(cells[:n]) + (f", … (+{more})" if more > 0 else "")


def _all_zero(flat: pd.DataFrame, fn: str) -> list[Issue]:
    """A province whose every value is 0 was not scored (a blank filled with
    zeros), never real zeros: refused, its cells named."""
    out = []
    zero = flat.assign(z=flat.value == 0).groupby(["year", "province_code"], sort=True).z.agg(["all", "size"])
    for (year, prov), row in zero[zero["all"] & (zero["size"] >= 2)].iterrows():
        g = flat[(flat.year == year) & (flat.province_code == prov)]
        out.append(issue("all_zero", fn, g.sheet.iloc[0] or None, g.cell.iloc[0],
                         province=provinces.name(prov, year), year=int(year), n=int(row["size"]),
                         cells=_cells(g.cell, 6)))
    return out


def _ci_scale(flat: pd.DataFrame, fn: str) -> list[Issue]:
    """CI bounds inside the indicator's scale and a standard error no wider
    than it: a value of 1e308 or 1e-308 off the chart is refused."""
    out = []
    has = flat[flat[["ci_low", "ci_high", "se"]].notna().any(axis=1)]
    for r in has.itertuples(index=False):
        sc = codebook.scale(r.indicator, int(r.year))
        if sc is None:
            continue
        lo, hi = sc
        for what, v, ok in (("CI low", r.ci_low, lo <= r.ci_low <= hi),
                            ("CI high", r.ci_high, lo <= r.ci_high <= hi),
                            ("SE", r.se, r.se <= hi - lo)):
            if pd.notna(v) and not ok:
                out.append(issue("ci_out_of_scale", fn, r.sheet or None, r.cell, what=what, indicator=r.indicator,
                                 province=provinces.name(r.province_code, r.year), year=int(r.year),
                                 value=f"{v:g}", lo=f"{lo:g}", hi=f"{hi:g}"))
    return out
