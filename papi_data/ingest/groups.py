"""Group labels a score file carries beside its scores ("Nhóm", "Xếp
nhóm", "Group", "Tier", "Quartile", ...): PAPI's published groups of that
year and indicator.

Readers call `is_group_header` on a column's header and `tier_of` on each
cell; a label they cannot read is the issue `group_label` (file, sheet,
cell). Each labelled value keeps its group in the parsed frame's `tier`
column. `table` turns them into group records (the columns of
data/official_tiers.csv: one row per group, its count and the score range
of its provinces in the file, the file and sheet as the source), and
`check` validates those records with the rules of a group-file import
(official_tiers.validate): counts add up to the provinces ranked, ranges in
the scores' order. Pure functions.
"""
from __future__ import annotations

import difflib
import re

import pandas as pd

from .. import official_tiers
from ..text import fold, name_key
from .files import text
from .model import Issue, Parsed, issue

# Header keys (name_key: no case, diacritics, spacing) of a group column.
HEADERS = ("nhom", "nhomdiem", "xepnhom", "phannhom", "nhomxephang", "nhomtheocongbo", "group",
           "performancegroup", "tier", "performancetier", "quartile", "nhomgroup")

# Labels as PAPI writes them (folded, without "nhóm"/"group" around them).
_LABELS = {
    1: ("cao nhat", "cao", "best performers", "best performer", "best", "high", "highest", "top", "high performers"),
    2: ("trung binh cao", "high average", "high-average", "upper average", "upper medium", "upper-medium",
        "above average"),
    3: ("trung binh thap", "low average", "low-average", "lower average", "lower medium", "lower-medium",
        "below average"),
    4: ("thap nhat", "thap", "poor performers", "poor performer", "poor", "low", "lowest", "bottom"),
}
_BY_LABEL = {re.sub(r"[^a-z]", "", w): k for k, ws in _LABELS.items() for w in ws}
_BLANK = {"-", "–", "—", "n/a", "na", "x", "khong xep hang", "not ranked"}
_NUMBERED = re.compile(r"^(?:nhom|group|tier|quartile|q)?\s*([1-4])(?:\.0+)?$")


def is_group_header(header) -> bool:
    """Whether a header names a group column; each part of a two-language
    header ("Nhóm / Group") counts, small typos too ("Nhom diem", "Gruop")."""
    for part in re.split(r"[/|\n]", text(header)):
        k = name_key(part)
        if len(k) < 4:
            continue
        if k in HEADERS or any(difflib.SequenceMatcher(None, k, h).ratio() >= 0.85 for h in HEADERS if len(h) >= 5):
            return True
    return False


def tier_of(v) -> int | None:
    """The group (1 best … 4) a cell names; None when blank. ValueError for
    a label that is none of PAPI's four groups."""
    s = text(v)
    if not s or fold(s).strip() in _BLANK:
        return None
    f = re.sub(r"\s+", " ", fold(s)).strip(" .")
    m = _NUMBERED.match(f.replace(" ", "")) or _NUMBERED.match(f)
    if m:
        return int(m.group(1))
    bare = re.sub(r"^(nhom|group)\s+|\s+(group|nhom)$", "", f)
    k = re.sub(r"[^a-z]", "", bare)
    if k in _BY_LABEL:
        return _BY_LABEL[k]
    raise ValueError(s)


def label_issue(file_name: str, sheet: str | None, cell: str, v) -> Issue:
    return issue("group_label", file_name, sheet, cell, label=text(v)[:40])


def columns_of(records: list[dict]) -> dict[tuple[int, str], tuple[str | None, str]]:
    """(year, indicator) -> (sheet, header cell) of the group column its
    labels came from (records a reader marked with `group_header`)."""
    out: dict[tuple[int, str], tuple[str | None, str]] = {}
    for rec in records:
        if rec.get("group_header"):
            out.setdefault((int(rec["year"]), rec["indicator"]), (rec.get("sheet") or None, rec["group_header"]))
    return out


def source_of(file_name: str, sheet: str | None) -> str:
    """A record's source: the file and the sheet (within the database's 64)."""
    s = f"{file_name} [{sheet}]" if sheet else file_name
    return s if len(s) <= 64 else s[:61] + "…"


def table(parsed: Parsed) -> pd.DataFrame:
    """The file's group records (official_tiers.COLUMNS, strings), one
    row per group of each (year, indicator) the file labels; the range of
    a group is the lowest and highest score the file gives its provinces."""
    df = parsed.frame
    if "tier" not in df or df["tier"].isna().all():
        out = pd.DataFrame(columns=official_tiers.COLUMNS)
        out.attrs["file"] = parsed.file_name
        return out
    lab = df[df["tier"].notna()]
    rows = []
    for (y, ind), g in lab.groupby(["year", "indicator"], sort=True):
        sheet = g["sheet"].iloc[0] or None
        src = source_of(parsed.file_name, sheet)
        cite = f"PAPI {int(y)} {ind}: file {parsed.file_name}" + (f", sheet {sheet}" if sheet else "")
        for k in sorted(int(x) for x in g["tier"].unique()):
            v = g.loc[g["tier"] == k, "value"]
            rows.append({"year": str(int(y)), "indicator": ind, "tier": str(k), "count": str(len(v)),
                         "score_min": repr(float(v.min())), "score_max": repr(float(v.max())),
                         "source": src, "citation": cite})
    out = pd.DataFrame(rows, columns=official_tiers.COLUMNS)
    out.attrs["file"] = parsed.file_name
    return out


def check(parsed: Parsed, current: pd.DataFrame | None = None) -> list[Issue]:
    """The group-file rules on the file's groups, against the scores as the
    import would leave them (the file's, over the `current` ones it does not
    replace): each problem names the group column where it was read."""
    groups = table(parsed)
    if groups.empty:
        return []
    key = ["year", "province_code", "indicator"]
    scores = parsed.frame[key + ["value"]]
    if current is not None:
        scores = pd.concat([scores, current[key + ["value"]]]).drop_duplicates(key, keep="first")
    _, problems = official_tiers.validate(groups, scores)
    out = []
    for p in problems:
        r = groups.iloc[p.row - 2] if p.row is not None and 0 <= p.row - 2 < len(groups) else groups.iloc[0]
        y, ind = int(r["year"]), r["indicator"]
        sheet, cell = parsed.group_columns.get((y, ind), (None, None))
        out.append(issue("group_record", parsed.file_name, sheet, cell, year=y, indicator=ind,
                         reason_vi=p.vi, reason_en=p.en))
    return out


def counts(groups: pd.DataFrame) -> list[tuple[int, str, str]]:
    """(year, indicator, "15/15/15/16") of each record, for the preview."""
    out = []
    for (y, ind), g in groups.groupby(["year", "indicator"], sort=True):
        g = g.assign(k=g["tier"].astype(int)).sort_values("k")
        out.append((int(y), ind, "/".join(g["count"])))
    return out
