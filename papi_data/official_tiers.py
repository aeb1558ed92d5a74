"""Official PAPI groups (nhóm) as data, and which tier a page may call
published.

PAPI publishes its four groups per year and indicator as group sizes
("16 highest, 16 high-average, ...") or as score ranges ("from 42.39 to
43.95 points"). In years where fewer than 63 provinces were ranked the
published groups cannot be recomputed from the published scores (docs/
TIERS.md), so where a sourced record exists it replaces the computed
quartile tier; elsewhere the tier stays computed and says so.

A record is the four rows of one (year, indicator), each with a count
and/or a score range and its source. Counts assign groups by rank order
(groups are contiguous in score); ranges assign by value, compared at the
precision the source printed them with (43.9526 is "43.95"). Both, when
given, must agree with the scores.

Pure functions; the shipped table is data/official_tiers.csv.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import DATA_DIR, codebook
from .i18n import t

SHIPPED = DATA_DIR / "official_tiers.csv"
COLUMNS = ["year", "indicator", "tier", "count", "score_min", "score_max", "source", "citation"]
# A computed tier whose value lies within this share of the indicator's
# scale maximum from a cut point is "near the cut": 0.08 points of an
# 80-point TOTAL, 0.01 of a 10-point dimension. Published scores are
# survey estimates; a difference this small does not separate provinces.
NEAR_CUT_SHARE = 0.001


@dataclass
class Problem:
    file: str
    row: int | None           # line of the file (the header is line 1), as a spreadsheet numbers it
    vi: str
    en: str

    def text(self, lang: str = "vi") -> str:
        where = self.file if self.row is None else f"{self.file}, dòng {self.row}" if lang == "vi" \
            else f"{self.file}, row {self.row}"
        return f"{where}: {self.vi if lang == 'vi' else self.en}"


class InvalidGroups(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.text("en") for p in problems))


def read(path: str | Path) -> pd.DataFrame:
    """The group table of a CSV file, bounds kept as printed (strings) so
    their precision is known. Raises InvalidGroups on a missing column."""
    path = Path(path)
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        raise InvalidGroups([Problem(path.name, None, f"thiếu cột {', '.join(missing)}",
                                     f"missing column(s) {', '.join(missing)}")])
    raw = raw[COLUMNS].apply(lambda s: s.str.strip())
    raw.attrs["file"] = path.name
    return raw


@lru_cache(maxsize=1)
def _shipped() -> pd.DataFrame:
    return read(SHIPPED)


def shipped() -> pd.DataFrame:
    return _shipped().copy()


def _decimals(s: str) -> int:
    return len(s.split(".")[1]) if "." in s else 0


def _within(v: float, lo: str, hi: str) -> bool:
    """v inside [lo, hi] as the source printed them: rounded or truncated
    to the bounds' decimals (PAPI's text does both)."""
    ok = True
    for bound, side in ((lo, 1), (hi, -1)):
        if not bound:
            continue
        d = _decimals(bound)
        b = float(bound)
        shown = {round(v, d), math.floor(v * 10 ** d + 1e-9) / 10 ** d}
        ok &= any((x - b) * side >= -1e-9 for x in shown)
    return ok


def _covered(scores: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """The scores of the years and indicators the records name."""
    years = {int(y) for y in groups["year"] if str(y).strip().isdigit()}
    return scores[scores["year"].isin(years) & scores["indicator"].isin(set(groups["indicator"]))]


def validate(groups: pd.DataFrame, scores: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Check a group table against the scores; return the memberships it
    gives (year, province_code, indicator, tier_published, tier_source) and
    the problems found. A record with any problem gives no memberships."""
    file = groups.attrs.get("file", "official_tiers.csv")
    problems: list[Problem] = []
    members = []
    rows = groups.reset_index(drop=True)
    # Only the years and indicators the records name (cheap on the whole history).
    scored = _covered(scores, rows).dropna(subset=["value"])
    for (y, ind), rec in rows.groupby(["year", "indicator"], sort=False):
        first = int(rec.index[0]) + 2
        found = _check_record(file, y, ind, rec, scored, problems)
        if found is not None:
            members.append(found)
        elif not any(p.row is not None and p.row >= first for p in problems):
            problems.append(Problem(file, first, "bản ghi không dùng được", "record unusable"))
    out = (pd.concat(members, ignore_index=True) if members else
           pd.DataFrame(columns=["year", "province_code", "indicator", "tier_published", "tier_source"]))
    return out, problems


def _check_record(file, y, ind, rec, scored, problems) -> pd.DataFrame | None:
    """One (year, indicator) record's four groups as the provinces' published
    tiers, or None with its problems added."""
    before = len(problems)
    first = rec.index[0]        # where a problem of the whole record is reported

    def bad(i, vi, en):
        problems.append(Problem(file, int(i) + 2, vi, en))

    head = _record_groups(y, ind, rec, first, bad)
    if head is None or len(problems) > before:
        return None
    year, recs = head
    vals = scored[(scored["year"] == year) & (scored["indicator"] == ind)].sort_values(
        ["value", "province_code"], ascending=[False, True])
    values = vals["value"].to_numpy(dtype=float)
    if len(values) == 0:
        bad(first, f"không có điểm {ind} năm {year}", f"no {ind} scores in {year}")
        return None
    _check_ranges_ordered(recs, bad)
    have_counts = _check_counts(year, ind, recs, len(values), first, bad)
    if len(problems) > before:
        return None
    tier = _tiers(year, ind, recs, values, have_counts, first, bad)
    if tier is None:
        return None
    _check_ranges_hold(recs, values, tier, bad)
    if len(problems) > before:
        return None
    return pd.DataFrame({"year": year, "province_code": vals["province_code"].to_numpy(), "indicator": ind,
                         "tier_published": tier.astype("int64"), "tier_source": recs[0]["source"]})


def _record_groups(y, ind, rec, first, bad) -> tuple[int, list[dict]] | None:
    """The record's year and its groups as plain rows, group 1 first; None
    when the year, the indicator or the set of groups is wrong. Rows without
    a source or with a cell that is not a number are reported through `bad`."""
    try:
        year = int(y)
    except ValueError:
        bad(first, f"năm không hợp lệ «{y}»", f"invalid year '{y}'")
        return None
    if codebook.get(ind, year) is None:
        bad(first, f"chỉ số {ind} không có năm {year}", f"indicator {ind} does not exist in {year}")
        return None
    tiers = rec["tier"].tolist()
    if sorted(tiers) != ["1", "2", "3", "4"]:
        bad(first, f"{year} {ind}: cần đúng 4 nhóm 1–4, có {', '.join(tiers) or 'không có'}",
            f"{year} {ind}: needs exactly the four groups 1-4, found {', '.join(tiers) or 'none'}")
        return None
    # Plain records, group 1 first (pandas row access is slow for 4 rows).
    recs = sorted(({**r, "_i": i, "_t": int(r["tier"])} for i, r in zip(rec.index, rec.to_dict("records"))),
                  key=lambda r: r["_t"])
    for r in recs:
        i = r["_i"]
        if not r["source"]:
            bad(i, "thiếu nguồn", "no source")
        for c in ("count", "score_min", "score_max"):
            if r[c]:
                try:
                    float(r[c])
                except ValueError:
                    bad(i, f"{c} không phải là số: «{r[c]}»", f"{c} is not a number: '{r[c]}'")
    return year, recs


def _check_ranges_ordered(recs, bad) -> None:
    """Ranges: each ordered, and each group wholly above the next one."""
    prev = None
    for r in recs:
        i = r["_i"]
        lo, hi = r["score_min"], r["score_max"]
        if lo and hi and float(lo) > float(hi):
            bad(i, f"nhóm {r['_t']}: điểm thấp nhất {lo} lớn hơn điểm cao nhất {hi}",
                f"group {r['_t']}: minimum {lo} above maximum {hi}")
        if prev is not None and prev[1] and hi and float(hi) >= float(prev[1]):
            bad(i, f"khoảng điểm nhóm {r['_t']} chồng lên nhóm {prev[0]} (tối đa {hi} ≥ tối thiểu {prev[1]})",
                f"score range of group {r['_t']} overlaps group {prev[0]} (maximum {hi} >= minimum {prev[1]})")
        prev = (r["_t"], lo)


def _check_counts(year, ind, recs, n, first, bad) -> bool:
    """Whether every group has a count; the counts must add up to the `n`
    provinces ranked, and without counts every group needs a range."""
    counts = [r["count"] for r in recs]
    have_counts = all(counts)
    have_ranges = all(r["score_min"] or r["score_max"] for r in recs)
    if have_counts:
        total = sum(int(float(c)) for c in counts)
        if total != n:
            bad(first, f"{year} {ind}: các nhóm cộng lại {total} tỉnh, nhưng {n} tỉnh được xếp hạng",
                f"{year} {ind}: the groups add up to {total} provinces, but {n} are ranked")
    elif not have_ranges:
        bad(first, f"{year} {ind}: mỗi nhóm cần số tỉnh, hoặc mỗi nhóm cần khoảng điểm",
            f"{year} {ind}: every group needs a count, or every group a score range")
    return have_counts


def _tiers(year, ind, recs, values, have_counts, first, bad) -> np.ndarray | None:
    """Each ranked score's group (scores best first): by the counts when
    given, else by the ranges; None when a score falls in no range."""
    if have_counts:
        return np.repeat([r["_t"] for r in recs], [int(float(r["count"])) for r in recs])
    tier = np.zeros(len(values), dtype=int)
    for r in recs:
        inside = np.array([_within(v, r["score_min"], r["score_max"]) for v in values])
        tier[(tier == 0) & inside] = r["_t"]
    if (tier == 0).any():
        v = values[tier == 0][0]
        bad(first, f"{year} {ind}: điểm {v:.4f} không thuộc khoảng điểm nào",
            f"{year} {ind}: score {v:.4f} falls in no group's range")
        return None
    return tier


def _check_ranges_hold(recs, values, tier, bad) -> None:
    """Every range, where given, must hold the provinces the counts put in it."""
    for r in recs:
        i = r["_i"]
        if not (r["score_min"] or r["score_max"]):
            continue
        out = [v for v, k in zip(values, tier) if k == r["_t"] and not _within(v, r["score_min"], r["score_max"])]
        if out:
            bad(i, f"nhóm {r['_t']}: điểm {out[0]:.4f} nằm ngoài khoảng {r['score_min']}–{r['score_max']}",
                f"group {r['_t']}: score {out[0]:.4f} outside the range {r['score_min']}-{r['score_max']}")


_memo: dict[tuple, pd.DataFrame] = {}


def memberships(scores: pd.DataFrame, groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """The published tier of every province covered by a valid record.

    Memoised on the records and the scores they cover: checking a record
    costs far more than looking it up, and every enrich asks."""
    groups = shipped() if groups is None else groups
    sub = _covered(scores, groups)
    key = (groups.to_csv(index=False),
           pd.util.hash_pandas_object(sub[["year", "province_code", "indicator", "value"]], index=False).sum())
    if key not in _memo:
        if len(_memo) > 16:
            _memo.clear()
        _memo[key], _ = validate(groups, sub)
    return _memo[key].copy()


def _scale_max(indicators, years) -> np.ndarray:
    """Each row's scale maximum from the codebook, joined once per
    (indicator, year) rather than looked up row by row; 10 if unknown."""
    keys = pd.DataFrame({"code": np.asarray(indicators, dtype=object), "year": np.asarray(years, dtype="int64")})
    uniq = keys.drop_duplicates()
    tab = codebook.table()[["code", "first_year", "last_year", "scale_max"]]
    j = uniq.merge(tab, on="code", how="left")
    j = j[(j["first_year"] <= j["year"]) & (j["last_year"].isna() | (j["last_year"] >= j["year"]))]
    j = j.drop_duplicates(["code", "year"])
    got = keys.merge(j[["code", "year", "scale_max"]], on=["code", "year"], how="left")["scale_max"]
    return got.fillna(10.0).to_numpy(dtype=float)


def near_cut(values, cuts: pd.DataFrame, indicators, years) -> np.ndarray:
    """True where a value lies within NEAR_CUT_SHARE of the scale maximum
    from one of its cut points, or its 95% interval (when the row has one)
    contains a cut point."""
    v = np.asarray(values, dtype=float)
    margin = NEAR_CUT_SHARE * _scale_max(indicators, years)
    near = np.zeros(len(v), dtype=bool)
    for k in (1, 2, 3):
        c = cuts[f"cut_{k}"].to_numpy(dtype=float)
        near |= np.abs(v - c) < margin
        if "ci_low" in cuts and "ci_high" in cuts:
            lo, hi = cuts["ci_low"].to_numpy(dtype=float), cuts["ci_high"].to_numpy(dtype=float)
            near |= (lo <= c) & (c <= hi)
    return near


def apply(enriched: pd.DataFrame, groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """Put published groups on an enriched frame (analytics.enrich).

    Adds tier_computed (the quartile rule), tier_basis ("published",
    "file" for a label read from an imported file, "computed"),
    tier_source and near_cut (computed tiers only). Where groups are
    published, tier follows them and cut_1..cut_3 become the lowest score
    of the published group above, so points to the next tier and tier
    targets are judged on the published groups.
    """
    from .analytics import points_to_next_tier  # analytics imports this module
    out = enriched.copy()
    out["tier_computed"] = out["tier"]
    basis = np.full(len(out), "computed", dtype=object)
    if "tier_official" in out:
        basis[out["tier_official"].notna().to_numpy()] = "file"
    source = np.full(len(out), None, dtype=object)
    m = memberships(out, groups)
    if not m.empty:
        # Row positions of the published memberships (no merge of the whole frame).
        near = np.flatnonzero((out["year"].isin(set(m["year"])) & out["indicator"].isin(set(m["indicator"]))).to_numpy())
        keys = pd.MultiIndex.from_frame(out.iloc[near][["year", "province_code", "indicator"]])
        pos = keys.get_indexer(pd.MultiIndex.from_frame(m[["year", "province_code", "indicator"]]))
        m, pos = m[pos >= 0], near[pos[pos >= 0]]
        tier = out["tier"].to_numpy(dtype="int64").copy()
        tier[pos] = m["tier_published"].to_numpy(dtype="int64")
        out["tier"] = tier
        basis[pos] = "published"
        source[pos] = m["tier_source"].to_numpy(dtype=object)
        # The cut point of group k is the lowest published score in group k.
        pub = out.iloc[pos]
        lows = pub.groupby(["year", "indicator", "tier"])["value"].min().unstack("tier")
        key = pd.MultiIndex.from_frame(pub[["year", "indicator"]])
        for k in (1, 2, 3):
            if k in lows:
                col = out[f"cut_{k}"].to_numpy(dtype=float).copy()
                col[pos] = lows[k].reindex(key).to_numpy()
                out[f"cut_{k}"] = col
        pts = out["points_to_next_tier"].to_numpy(dtype=float).copy()
        pts[pos] = points_to_next_tier(out.iloc[pos]).to_numpy()
        out["points_to_next_tier"] = pts
    out["tier_basis"] = basis
    out["tier_source"] = source
    out["near_cut"] = near_cut(out["value"], out, out["indicator"], out["year"]) & (basis == "computed")
    return out


def basis_of(enriched: pd.DataFrame, year: int, indicator: str) -> tuple[str, str | None]:
    """("published", source) when that year's indicator follows a published
    record, else ("computed", None)."""
    m = enriched[(enriched["year"] == year) & (enriched["indicator"] == indicator)]
    if "tier_basis" in m and (m["tier_basis"] == "published").any():
        return "published", m.loc[m["tier_basis"] == "published", "tier_source"].iloc[0]
    return "computed", None


@lru_cache(maxsize=1)
def _citations_vi() -> dict[str, str]:
    """Vietnamese wording of the shipped records' citations (data/citations_vi.csv)."""
    df = pd.read_csv(DATA_DIR / "citations_vi.csv", dtype=str, keep_default_na=False)
    return dict(zip(df["source"], df["citation_vi"]))


def citation(source: str | None, groups: pd.DataFrame | None = None, lang: str = "en") -> str:
    """A record's citation in `lang` where its wording in that language is on
    record (the shipped ones), else as the record gives it."""
    if lang == "vi" and source in _citations_vi():
        return _citations_vi()[source]
    g = shipped() if groups is None else groups
    hit = g[g["source"] == source]
    return "" if hit.empty else hit["citation"].iloc[0]


def tier_label(tier, basis: str | None, near: bool | None, lang: str) -> str:
    """ "Trung bình cao (theo công bố)", "Cao nhất (tính theo tứ phân vị,
    sát ngưỡng)"; "–" for no tier."""
    from .analytics import tier_name
    if tier is None or tier != tier:
        return "–"
    return f"{tier_name(tier, lang)} {tier_note(basis, near, lang)}"


def tier_note(basis: str | None, near: bool | None, lang: str) -> str:
    """ "(theo công bố)", "(tính theo tứ phân vị, sát ngưỡng)": what follows
    a tier's name."""
    tags = [t(f"tier_basis_{basis if isinstance(basis, str) else 'computed'}", lang)]
    if near and basis in (None, "computed"):
        tags.append(t("tier_near_cut", lang))
    return t("tier_with_basis", lang, name="", basis=", ".join(tags)).strip()


def rule_text(lang: str) -> str:
    """The computed-tier rule with the near-the-cut margin, for a help popup."""
    share = NEAR_CUT_SHARE * 100
    return t("tier_rule", lang, share=f"{share:g}".replace(".", "," if lang == "vi" else "."),
             margin=f"{NEAR_CUT_SHARE * 80:g}".replace(".", "," if lang == "vi" else "."), scale=80)


def basis_note(enriched: pd.DataFrame, year: int, indicator: str, lang: str) -> str:
    """One sentence under a ranking or a tier: published (with the source)
    or computed."""
    return basis_sentence(*basis_of(enriched, year, indicator), lang)


def basis_sentence(basis: str, source: str | None, lang: str) -> str:
    """basis_note from basis_of's answer."""
    if basis == "published":   # an imported record without a shipped citation is named by its source (its file)
        return t("tier_published_note", lang, citation=citation(source, lang=lang) or source)
    return t("tier_computed_note", lang)


def basis_labels(rows: pd.DataFrame, lang: str) -> list[str]:
    """Per row of an enriched frame: "theo công bố", "tính theo tứ phân
    vị" or "tính theo tứ phân vị, sát ngưỡng" (a table's tier note)."""
    basis = rows["tier_basis"] if "tier_basis" in rows else pd.Series("computed", index=rows.index)
    near = rows["near_cut"] if "near_cut" in rows else pd.Series(False, index=rows.index)
    out = []
    for b, n in zip(basis, near):
        b = b if isinstance(b, str) else "computed"
        text = t(f"tier_basis_{b}", lang)
        out.append(f"{text}, {t('tier_near_cut', lang)}" if n and b == "computed" else text)
    return out
