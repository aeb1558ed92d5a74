"""Targets against results (pure): status, gap, change since the plan's
baseline, baseline consistency, and where to focus."""
from __future__ import annotations

import math

import pandas as pd

from . import codebook, display, eras, official_tiers
from .provinces import era_of
from .analytics import tier_name
from .i18n import t

COLUMNS = ["id", "indicator", "kind", "target", "actual", "gap", "met", "target_tier", "actual_tier", "rank",
           "n_ranked", "points_to_next_tier", "plan", "baseline_year", "change_since_baseline", "change_needed",
           "warning", "baseline_check", "target_points", "tier_basis", "near_cut"]


def _row(enriched: pd.DataFrame, code: int, year: int, indicator: str) -> pd.Series | None:
    m = enriched[(enriched["year"] == year) & (enriched["province_code"] == code) & (enriched["indicator"] == indicator)]
    return None if m.empty else m.iloc[0]


def _num(v):
    return None if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA else v


def agrees(stated: float, published: float) -> bool:
    """Whether a plan's 2-decimal figure is the published score as the press
    writes it: rounded (44.3731 -> 44.37) or truncated (8.146993 -> 8.14)."""
    rounded = round(published, 2)
    truncated = math.floor(published * 100 + 1e-7) / 100
    return min(abs(stated - rounded), abs(stated - truncated)) < 0.005


class Note(tuple):
    """A sentence kept language-free until shown: (string key, its values)."""
    def __new__(cls, key: str, **values):
        return super().__new__(cls, (key, tuple(sorted(values.items()))))


def say(note, lang: str) -> str | None:
    """A Note in the interface's language, numbers written by the display
    module (46,96 / −0,45); None for no note."""
    if not isinstance(note, tuple):
        return None
    key, values = note
    shown = {k: (display.signed(v, lang) if k == "diff" else display.number(v, lang))
             if isinstance(v, float) else v for k, v in values}
    return t(key, lang, **shown)


def evaluate(tgts: pd.DataFrame, enriched: pd.DataFrame) -> pd.DataFrame:
    """One row per target, language-free (warnings are Notes, see `say`).
    `met` is True/False, or None when PAPI did not score the province that
    year (never False for missing data)."""
    rows = []
    for tg in tgts.to_dict("records"):
        code, year, ind, kind = int(tg["province_code"]), int(tg["year"]), tg["indicator"], tg["kind"]
        a = _row(enriched, code, year, ind)
        out = {"id": tg.get("id"), "indicator": ind, "kind": kind, "target": None, "actual": None, "gap": None,
               "met": None, "target_tier": None, "actual_tier": None, "rank": None, "n_ranked": None,
               "points_to_next_tier": None, "baseline_year": _num(tg.get("baseline_year")),
               "change_since_baseline": None, "change_needed": None, "warning": None, "baseline_check": None,
               "target_points": None, "tier_basis": None, "near_cut": None,
               "plan": " ".join(str(x) for x in (tg.get("plan_number"), tg.get("plan_date")) if _num(x) is not None)}
        if a is not None:
            # No next tier above the top one: None, not 0.
            out.update(actual=float(a["value"]), actual_tier=int(a["tier"]), rank=int(a["rank"]),
                       n_ranked=int(a["n_ranked"]),
                       points_to_next_tier=None if int(a["tier"]) == 1 else float(a["points_to_next_tier"]),
                       tier_basis=a.get("tier_basis"), near_cut=bool(a.get("near_cut", False)))
        if kind == "value":
            out["target"] = out["target_points"] = float(tg["value"])
            if a is not None:
                out["gap"] = out["actual"] - out["target"]
                out["met"] = bool(out["actual"] >= out["target"] - 1e-9)
        elif kind == "tier":
            k = int(tg["tier"])
            out["target"] = k
            out["target_tier"] = k
            if a is not None:
                out["met"] = bool(out["actual_tier"] <= k)
                # Points above (>= 0) or below (< 0) the cut point of the target tier.
                if k < 4:
                    out["target_points"] = float(a[f"cut_{k}"])
                    out["gap"] = out["actual"] - out["target_points"]
                else:
                    out["gap"] = 0.0
        elif kind == "rank":
            if _num(tg.get("rank_max")) is not None:
                ref = int(tg["rank_max"])
                out["target"] = ref
                if a is not None:
                    out["met"] = bool(out["rank"] <= ref)
                    out["gap"] = float(ref - out["rank"])
            else:
                y = int(tg["rank_better_than_year"])
                # A rank out of the 63 provinces does not compare with one out of the 34 units.
                ref_row = _row(enriched, code, y, ind) if era_of(y) == era_of(year) else None
                if era_of(y) != era_of(year):
                    out["warning"] = Note("tgt_other_map", indicator=ind, year=y)
                out["target"] = None if ref_row is None else int(ref_row["rank"]) - 1
                if a is not None and ref_row is not None:
                    out["met"] = bool(out["rank"] < int(ref_row["rank"]))
                    out["gap"] = float(int(ref_row["rank"]) - out["rank"])   # places gained (>0 met)
        by = _num(tg.get("baseline_year"))
        if by is not None and eras.same_place(code, year, int(by)) is None:
            # The baseline year is on the other map and this province is not the same place there.
            out["warning"] = out["baseline_check"] = Note("tgt_other_map", indicator=ind, year=int(by))
        elif by is not None:
            base = _row(enriched, code, int(by), ind)
            if base is not None:
                if a is not None:
                    out["change_since_baseline"] = out["actual"] - float(base["value"])
                if kind == "value":
                    out["change_needed"] = out["target"] - float(base["value"])
                stated = _num(tg.get("baseline_value"))
                if stated is not None and not agrees(float(stated), float(base["value"])):
                    values = {"stated": float(stated), "published": float(base["value"])}
                    out["warning"] = Note("tgt_baseline_warning", indicator=ind, year=int(by),
                                          diff=values["stated"] - values["published"], **values)
                    out["baseline_check"] = Note("tgt_check_text", **values)
            elif _num(tg.get("baseline_value")) is not None:
                # The plan states a score for a year PAPI did not score the province.
                stated = float(tg["baseline_value"])
                out["warning"] = Note("tgt_baseline_unscored", indicator=ind, year=int(by), stated=stated)
                out["baseline_check"] = Note("tgt_check_unscored", stated=stated, year=int(by))
        rows.append(out)
    return pd.DataFrame(rows, columns=COLUMNS)


def focus(enriched: pd.DataFrame, code: int, year: int) -> pd.DataFrame:
    """Dimensions below the top tier, cheapest gain first."""
    dims = codebook.indicators(year, "dimension")
    m = enriched[(enriched["year"] == year) & (enriched["province_code"] == code) & enriched["indicator"].isin(dims)]
    m = m[m["tier"] > 1].sort_values("points_to_next_tier")
    return m[["indicator", "value", "tier", "points_to_next_tier", "rank", "n_ranked"]].reset_index(drop=True)


def target_text(row: dict, lang: str) -> str:
    kind = row["kind"]
    if kind == "value":
        return t("tgt_value_text", lang, value=display.number(row["target"], lang))
    if kind == "tier":
        return t("tgt_tier_text", lang, name=tier_name(row["target"], lang))
    return str(row["target"])


def status_text(met, lang: str, near: bool = False) -> str:
    """Met / not met; "(near the cut)" when a tier target is judged on a
    computed tier close to its cut point (papi_data.official_tiers)."""
    if met is None or (isinstance(met, float) and math.isnan(met)):
        return t("tgt_no_data", lang)
    if near:
        return t("tgt_met_near", lang) if met else t("tgt_not_met_near", lang)
    return t("tgt_met", lang) if met else t("tgt_not_met", lang)


def near_cut(e: dict) -> bool:
    """Whether a tier target's verdict rests on a computed tier near its cut."""
    return e.get("kind") == "tier" and bool(e.get("near_cut"))


def _actual(e: dict):
    """A rank target is met or missed by the rank, so that is what it shows."""
    if e["kind"] == "rank":
        return display.Rank(int(e["rank"]), int(e["n_ranked"])) if _num(e["rank"]) else None
    return _num(e["actual"])


def _gap_text(e: dict, lang: str) -> str:
    """The gap with its unit: points for a score or tier target, places for
    a rank target (positive = ahead of the target)."""
    if _num(e["gap"]) is None:
        return display.MISSING
    if e["kind"] == "rank":
        return t("tgt_gap_places", lang, gap=display.rank_change(e["gap"]))
    return t("tgt_gap_points", lang, gap=display.signed(e["gap"], lang))


def _target_cell(e: dict, tg: dict, lang: str) -> str:
    if e["kind"] != "rank":
        return target_text(e, lang)
    if _num(tg.get("rank_max")) is not None:
        return t("tgt_rank_max_text", lang, n=int(tg["rank_max"]))
    return t("tgt_rank_year_text", lang, y=int(tg["rank_better_than_year"]),
             r=display.MISSING if e["target"] is None else int(e["target"]) + 1)


def table(ev: pd.DataFrame, tgts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The evaluation as shown on the page: numbers, ranks and tiers kept
    as such, with their columns' roles (papi_data.display)."""
    rows = []
    for e, tg in zip(ev.to_dict("records"), tgts.to_dict("records")):
        rows.append({
            "indicator": codebook.name(e["indicator"], lang),
            "kind": t(f"tgt_kind_{e['kind']}", lang),
            "target": _target_cell(e, tg, lang),
            "actual": _actual(e),
            "status": status_text(e["met"], lang, near_cut(e)),
            "gap": _gap_text(e, lang),
            "tier": (display.Tier(int(e["actual_tier"]), official_tiers.tier_note(e["tier_basis"], e["near_cut"], lang))
                     if _num(e["actual_tier"]) else None),
            "rank": display.Rank(int(e["rank"]), int(e["n_ranked"])) if _num(e["rank"]) else None,
            "change": _num(e["change_since_baseline"]),
            "needed": _num(e["change_needed"]),
            "check": say(e["baseline_check"], lang) or "",
            "plan": e["plan"],
        })
    out = pd.DataFrame(rows, columns=list(TABLE_ROLES), dtype=object)
    return display.with_roles(out.rename(columns=lambda c: t(f"tgt_col_{c}", lang)),
                              {t(f"tgt_col_{c}", lang): r for c, r in TABLE_ROLES.items()})


# The page's columns (header key tgt_col_<name>) and their roles.
TABLE_ROLES = {"indicator": display.LABEL, "kind": display.TEXT, "target": display.TEXT, "actual": display.NUMBER,
               "status": display.TEXT, "gap": display.TEXT, "tier": display.TIER, "rank": display.RANK,
               "change": display.SIGNED, "needed": display.SIGNED, "check": display.TEXT, "plan": display.TEXT}


EXPORT_COLUMNS = ["indicator", "kind", "target", "actual", "gap", "met", "target_tier", "actual_tier", "rank",
                  "n_ranked", "points_to_next_tier", "plan", "tier_basis", "near_cut"]


def export_rows(ev: pd.DataFrame) -> list[dict]:
    """The evaluation as plain records for the command line: whole numbers
    for tiers, ranks and rank/tier targets, points rounded to 6 decimals
    (float noise removed, precision kept), None for missing (JSON null)."""
    out = []
    for e in ev.to_dict("records"):
        r = {c: _num(e.get(c)) for c in EXPORT_COLUMNS}
        for c in ("target_tier", "actual_tier", "rank", "n_ranked"):
            if r[c] is not None:
                r[c] = int(r[c])
        if r["target"] is not None:
            r["target"] = int(r["target"]) if r["kind"] in ("tier", "rank") else round(float(r["target"]), 6)
        if r["gap"] is not None:
            r["gap"] = int(r["gap"]) if r["kind"] == "rank" else round(float(r["gap"]), 6)
        for c in ("actual", "points_to_next_tier"):
            if r[c] is not None:
                r[c] = round(float(r[c]), 6)
        if r["met"] is not None:
            r["met"] = bool(r["met"])
        if r["near_cut"] is not None:
            r["near_cut"] = bool(r["near_cut"])
        out.append(r)
    return out
