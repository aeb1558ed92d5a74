"""Importing a new PAPI release: read -> validate -> preview -> commit.

    plan = ingest.prepare(raw, "2025PAPI.xlsx", store, years=[2025])
    plan.errors          # every problem, with file, sheet, cell; nothing written
    plan.preview         # added / changed (old -> new) / unchanged per year and province
    ingest.commit(plan, store, user="analyst")   # one transaction, raw file + hash kept
    store.rollback(batch_id)                      # the earlier values show again

Readers, one per published layout: `indicator_rows` (2018 on, incl. the
2024 file with its 34-province mapping rows and files scoring the 34 new
provinces), `province_rows` (2011–2017 with the "Điểm thành phần" sheets)
and `template` (the project's long CSV/XLSX). A group column (or, in the
2018-on layout, a group row) beside the scores gives PAPI's published
groups (`groups`): checked with the group-file rules, shown in the plan
(`plan.groups`) and committed with the scores.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from .. import province_names, provinces
from ..frame import SCORE_COLUMNS
from . import bounds, files, groups, indicator_rows, papi_org, province_rows, template
from . import mapping as _mapping
from .diff import Preview, preview
from .model import FileRejected, Issue, Parsed, issue, to_frame
from .validate import errors as _errors, validate

# The database is imported where a store is used (prepare, commit), not here:
# reading and checking a file (parse, .validate, .diff, the reader processes)
# load no SQLAlchemy.
if TYPE_CHECKING:
    from ..db.scores import Store

__all__ = ["Plan", "parse", "prepare", "commit", "FileRejected", "Issue"]

LAYOUT_NAMES = {"indicator_rows": "2018+", "province_rows": "2011–2017", "papi_org": "papi.org.vn 2011–2016",
                "template": "template"}


def parse(raw: bytes, file_name: str, years=None, limit: int | None = None, hidden: bool = False,
          progress=None, aliases: dict[int, dict[str, int]] | None = None) -> Parsed:
    """Read a file in any known layout. `years` picks sheets of a file that
    repeats earlier years (default: the newest year of a published file,
    every year of a template); hidden sheets are read only with `hidden`;
    `progress(fraction)` hears how far reading is. `aliases` ({era: {name:
    code}}, code SKIP to leave a province out) are names an analyst mapped.
    Never raises for a bad file: what is wrong comes back as issues."""
    try:
        with province_names.mapped(aliases):
            return _parse(raw, file_name, years, limit, hidden, progress)
    except MemoryError:  # too heavy, not damaged
        return Parsed(file_name, "unknown", to_frame([]),
                      [issue("out_of_memory", file_name, limit=bounds.limits().memory_mb)])
    except Exception as e:  # a file no reader foresaw: refuse it, never crash the page
        return Parsed(file_name, "unknown", to_frame([]),
                      [issue("unreadable", file_name, error=f"{type(e).__name__}: {e}"[:120])])


def _parse(raw: bytes, file_name: str, years=None, limit: int | None = None, hidden: bool = False,
           progress=None) -> Parsed:
    try:
        kind = files.kind_of(raw, file_name, limit)
        if kind == "csv":
            sheet = files.read_csv(raw, file_name)
            if not template.could_be(sheet):   # prose, a letter, another table: not the template
                return Parsed(file_name, "unknown", to_frame([]), [issue("no_layout", file_name)])
            return _template(file_name, [sheet], years, [])
        sheets, formula_issues = files.read_xlsx(raw, file_name, hidden=hidden, progress=progress)
    except FileRejected as e:
        return Parsed(file_name, "unknown", to_frame([]), [e.issue])
    sheets = [s for s in sheets if s.rows]
    if not sheets:
        return Parsed(file_name, "unknown", to_frame([]), [issue("empty", file_name)] + formula_issues)
    tpl = [s for s in sheets if template.looks_like(s)]
    if tpl:
        return _template(file_name, tpl, years, formula_issues)
    org = [s for s in sheets if papi_org.looks_like(s, file_name)]
    if org:
        return _papi_org(file_name, org, years, formula_issues)
    ind = [s for s in sheets if indicator_rows.looks_like(s)]
    if ind:
        return _indicator_rows(file_name, ind, years, formula_issues)
    year = province_rows.file_year(sheets, file_name)
    prov = [s for s in sheets if province_rows.looks_like(s, year or 2016)]
    if prov:
        return _province_rows(file_name, prov, year, years, formula_issues)
    return Parsed(file_name, "unknown", to_frame([]), [issue("no_layout", file_name)] + formula_issues)


def _pick(found: list[int], years, default: list[int], file_name: str, issues: list[Issue]) -> list[int]:
    if years is None:
        return default
    picked = sorted(set(int(y) for y in years))
    for y in picked:
        if y not in found:
            issues.append(issue("year_not_in_file", file_name, year=y,
                                found=", ".join(map(str, found)) or "–"))
    return [y for y in picked if y in found]


def _template(file_name, sheets, years, issues) -> Parsed:
    recs = []
    issues = list(issues)
    for s in sheets:
        r, i = template.read(s, file_name, dt.date.today().year)
        recs += r
        issues += i
    df = to_frame(recs)
    year_cells: dict[int, str] = {}
    for r in recs:
        year_cells.setdefault(r["year"], r["year_cell"])
    found = sorted(int(y) for y in df["year"].unique())
    picked = _pick(found, years, found, file_name, issues)
    p = Parsed(file_name, "template", df, issues, found, picked, year_cells=year_cells,
               group_columns=groups.columns_of(recs))
    return p.select(picked) if years is not None else p


def _sheets_by_year(sheets, year_of, file_name, issues) -> dict[int, files.Sheet]:
    """One sheet per year; a sheet without a year, or a year twice, is an issue."""
    by_year: dict[int, files.Sheet] = {}
    for s in sheets:
        y = year_of(s, file_name)
        if y is None:
            issues.append(issue("year_unknown", file_name, s.name))
        elif y in by_year:
            issues.append(issue("year_twice", file_name, s.name, year=y, other=by_year[y].name))
        else:
            by_year[y] = s
    return by_year


def _indicator_rows(file_name, sheets, years, issues) -> Parsed:
    issues = list(issues)
    by_year = _sheets_by_year(sheets, indicator_rows.sheet_year, file_name, issues)
    found = sorted(by_year)
    picked = _pick(found, years, found[-1:], file_name, issues)
    recs = []
    for y in picked:
        r, i = indicator_rows.read(by_year[y], y, file_name)
        recs += r
        issues += i
    return Parsed(file_name, "indicator_rows", to_frame(recs), issues, found, picked,
                  {y: by_year[y].name for y in picked}, group_columns=groups.columns_of(recs))


def _papi_org(file_name, sheets, years, issues) -> Parsed:
    """Every year of the download is offered when no years are asked for."""
    out = []
    by_year = _sheets_by_year(sheets, papi_org.sheet_year, file_name, out)
    found = sorted(by_year)
    picked = _pick(found, years, found, file_name, out)
    recs, skipped = [], set()
    for y in picked:
        r, i, rows = papi_org.read(by_year[y], y, file_name)
        recs += r
        out += i
        skipped |= {(by_year[y].name, row + 1) for row in rows}
    # the summary rows' PERCENTILE formulas are skipped with their row, not errors
    out = [i for i in issues if not (i.code == "formula_no_value" and (i.sheet, _row_of(i.cell)) in skipped)
           and (i.sheet in {by_year[y].name for y in picked} or i.code != "formula_no_value")] + out
    return Parsed(file_name, "papi_org", to_frame(recs), out, found, picked, {y: by_year[y].name for y in picked},
                  group_columns=groups.columns_of(recs))


def _row_of(cell: str | None) -> int | None:
    digits = "".join(ch for ch in cell or "" if ch.isdigit())
    return int(digits) if digits else None


def _province_rows(file_name, sheets, year, years, issues) -> Parsed:
    issues = list(issues)
    if year is None:
        issues.append(issue("year_unknown", file_name, sheets[0].name))
        return Parsed(file_name, "province_rows", to_frame([]), issues)
    found = [year]
    picked = _pick(found, years, found, file_name, issues)
    recs = []
    if picked:
        for s in sheets:
            r, i = province_rows.read(s, year, file_name)
            recs += r
            issues += i
    main = next((s.name for s in sheets if not province_rows.sub_dimension_of(s)), sheets[0].name)
    return Parsed(file_name, "province_rows", to_frame(recs), issues, found, picked, {year: main},
                  group_columns=groups.columns_of(recs))


@dataclass
class Plan:
    """A validated file and what committing it would change."""
    file_name: str
    raw: bytes
    parsed: Parsed
    issues: list[Issue]
    preview: Preview | None
    data_version: int
    sha256: str = field(default="")
    mapping: dict = field(default_factory=dict)  # name -> code (or SKIP) the analyst gave for this file

    @property
    def errors(self) -> list[Issue]:
        return _errors(self.issues)

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if not i.blocking]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def years(self) -> list[int]:
        return self.parsed.default_years

    @property
    def groups(self) -> pd.DataFrame:
        """The published groups the file's group columns give (official_tiers.COLUMNS)."""
        return groups.table(self.parsed)

    def report(self, lang: str = "vi") -> dict:
        """Everything the CLI prints with --format json."""
        out = {"file": self.file_name, "sha256": self.sha256, "layout": self.parsed.layout,
               "years_found": self.parsed.years_found, "years": self.years,
               "values": int(len(self.parsed.frame)), "ok": self.ok,
               "errors": [i.as_dict(lang) for i in self.errors],
               "warnings": [i.as_dict(lang) for i in self.warnings]}
        out["unresolved"] = [{"name": u.name, "year": u.year, "values": u.values,
                              "where": [f"{sh or ''}!{c or ''}" for sh, c in u.where],
                              "closest": [{"code": c, "name": provinces.name(c, u.year, lang)} for c in u.closest]}
                             for u in _mapping.unresolved(self.errors)]
        out["mapping"] = {n: ("skip" if c == _mapping.SKIP else c) for n, c in self.mapping.items()}
        out["groups"] = [{"year": y, "indicator": ind, "counts": c} for y, ind, c in groups.counts(self.groups)]
        if self.preview is not None:
            out["counts"] = self.preview.counts()
            out["by_year"] = self.preview.by_year.to_dict("records")
        return out


def prepare(raw: bytes, file_name: str, store: Store, years=None, today: dt.date | None = None,
            limit: int | None = None, hidden: bool = False, parsed: Parsed | None = None,
            mapping: dict[str, int] | None = None, leave_out_unknown: bool = False) -> Plan:
    """Read, validate and compare with the current data. Writes nothing.

    `parsed`: the file as already read (by the page's reader process, given
    the same aliases). `mapping` gives a GSO code (or mapping.SKIP) for names
    no rule matches; names mapped in earlier imports (alias_store) apply too.
    With `leave_out_unknown`, rows or columns of indicators the codebook does
    not have are left out, each named in the report, instead of refusing the
    file."""
    version = store.data_version()
    if parsed is None:
        parsed = parse(raw, file_name, years, limit, hidden, aliases=mapping_by_era(store, mapping))
    if leave_out_unknown:   # a copy: `parsed` may be the page's cached reading of the file
        parsed = dataclasses.replace(parsed, issues=[_left_out(i) for i in parsed.issues])
    current = store.scores()
    found = validate(parsed, today, current=current)
    pv = None
    if not _errors(found) and not parsed.frame.empty:
        pv = preview(parsed.frame, current)
    return Plan(file_name, raw, parsed, found, pv, version, hashlib.sha256(raw or b"").hexdigest(),
                dict(mapping or {}))


def mapping_by_era(store: Store, mapping: dict[str, int] | None) -> dict[int, dict[str, int]]:
    """Names mapped in earlier imports, overlaid with this file's mapping."""
    from ..db import aliases as alias_store
    return _mapping.by_era(mapping, alias_store.load(store))


def _left_out(i: Issue) -> Issue:
    """An unknown indicator the analyst chose to leave out: named, not blocking."""
    if i.code != "unknown_indicator":
        return i
    return Issue("indicator_left_out", i.file, i.sheet, i.cell, i.params, i.year, i.province_code, i.indicator)


def commit(plan: Plan, store: Store, user: str | None = None) -> int:
    """Write the file's values as one batch, in one transaction, keeping
    the raw file and its hash, with the published groups the file gives
    (db/groups.py). Refuses a plan with errors; raises StaleData
    when the data changed since the preview (nothing is written)."""
    from ..db import groups as groups_store
    from ..db.common import current_user
    if not plan.ok:
        raise ValueError("The file has errors; nothing was written.")
    found = plan.groups
    if plan.preview is None or not (plan.preview.has_changes or not found.empty):
        raise ValueError("The file changes nothing; nothing was written.")
    src = f"import-{plan.sha256[:16]}"
    frame = plan.parsed.frame.assign(source=src, tier_official=pd.NA).reindex(columns=SCORE_COLUMNS)
    years = ", ".join(map(str, plan.years))
    sheets = ", ".join(dict.fromkeys(plan.parsed.sheets.values())) or "-"
    citation = (f"PAPI {years}: file {plan.file_name} (sheet {sheets}; sha256 {plan.sha256}), imported "
                f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC by {user or current_user()}")
    c = plan.preview.counts()
    note = (f"PAPI {years} ({LAYOUT_NAMES.get(plan.parsed.layout, plan.parsed.layout)} layout): "
            f"{c['added']} added, {c['changed']} changed, {c['unchanged']} unchanged")
    also = None
    if not found.empty:
        note += "; published groups " + ", ".join(f"{ind} {y}: {c}" for y, ind, c in groups.counts(found))
        found = found.assign(citation=found["citation"] + f" (sha256 {plan.sha256[:16]}), imported "
                             f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d} by {user or current_user()}")
        also = groups_store.writer(found, plan.file_name, user)
    bid = store.add_batch(frame, file_name=plan.file_name, raw=plan.raw, user=user, note=note,
                          sources_rows=[{"source": src, "citation": citation}],
                          expect_version=plan.data_version, also=also)
    _save_mapping(plan, store, user)
    return bid


def _save_mapping(plan: Plan, store: Store, user: str | None) -> None:
    """Keep the names the analyst mapped (not the skips) as aliases, for
    each map the imported years use, so the next file goes straight in."""
    from ..db import aliases as alias_store
    from ..db.common import current_user
    one_year_per_era = {provinces.era_of(y): y for y in plan.years}.values()
    rows = [(y, name, int(code)) for y in one_year_per_era for name, code in plan.mapping.items()
            if code != _mapping.SKIP and int(code) in set(provinces.in_year(y).gso_code)]
    alias_store.save(store, rows, user=user or current_user(), file_name=plan.file_name)
