"""The proposals an analyst reviews before drafting, and the accepted ones
as rows of the target store. Pure: frames in, frames out."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import codebook
from ..targets import FIELDS, clean
from . import proposals


def propose_for(enriched: pd.DataFrame, code: int, plan_year: int, share: float = 1.0,
                overrides: dict | None = None) -> tuple[int, pd.DataFrame]:
    """(results year, proposals for the total and each dimension, total first).
    LookupError when the province has no results before plan_year."""
    year = proposals.base_year(enriched, code, plan_year)
    if year is None:
        raise LookupError(f"no results before {plan_year}")
    latest = proposals.latest(enriched, code, year)
    latest = latest[latest["indicator"].isin(["TOTAL", *codebook.indicators(year, "dimension")])]
    latest = latest.sort_values("indicator", key=lambda s: s != "TOTAL", kind="stable")
    return year, proposals.propose(latest, share, overrides)


def number(text) -> float | None:
    """A typed score as a float ("47,5" and "47.5" alike); None when blank.
    ValueError when it is not a number."""
    v = clean(text)
    if v is None:
        return None
    if isinstance(v, str):
        v = v.strip().replace(",", ".") if v.count(",") == 1 and "." not in v else v.strip()
    return float(v)


def overrides(props: pd.DataFrame, values: dict) -> dict:
    """{indicator: value} for the values the analyst changed from the
    proposal as shown (two decimals: an untouched cell is no override)."""
    base = dict(zip(props["indicator"], props["proposed_value"]))
    return {k: v for k, v in values.items() if v is not None and k in base and round(v, 2) != round(base[k], 2)}


def target_rows(props: pd.DataFrame, code: int, plan_year: int, base_year: int, plan_number: str, plan_title: str,
                source: str,
                notes: dict | None = None, today: dt.date | None = None) -> pd.DataFrame:
    """The accepted proposals as value targets of plan_year citing the draft."""
    today = today or dt.date.today()
    notes = notes or {}
    rows = [{"id": None, "province_code": int(code), "year": int(plan_year), "indicator": p.indicator,
             "kind": "value", "value": float(p.proposed_value), "tier": None, "rank_max": None,
             "rank_better_than_year": None, "baseline_year": int(base_year),
             "baseline_value": float(p.baseline_value), "plan_number": plan_number, "plan_date": today.isoformat(),
             "plan_title": plan_title, "note": notes.get(p.indicator), "source": source}
            for p in props.itertuples()]
    return pd.DataFrame(rows, columns=["id", *FIELDS]).astype(object)


def merged(existing: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """The stored targets with the new rows: a new value target replaces the
    stored value target of the same indicator (keeping its id), the rest are
    added and nothing else changes."""
    after = existing.astype(object).copy()
    add = []
    for r in new.to_dict("records"):
        same = after.index[(after["indicator"] == r["indicator"]) & (after["kind"] == "value")]
        if len(same):
            for f in FIELDS:
                after.at[same[0], f] = r[f]
        else:
            add.append(r)
    if add:
        after = pd.concat([after, pd.DataFrame(add, columns=after.columns).astype(object)], ignore_index=True)
    return after
