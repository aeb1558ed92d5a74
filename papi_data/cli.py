"""Command line: the same functions the pages call.

    python -m papi_data scores --year 2023 --province "Lao Cai" --indicator TOTAL
    python -m papi_data stats --year 2019 --indicator TOTAL --format json
    python -m papi_data check
"""
from __future__ import annotations

import argparse
import json
import sys

import pandas as pd
import sqlalchemy

from . import __version__, analytics, codebook, consistency, export, provinces
from .db import groups as groups_store
from .db.scores import get_store
from .text import PrintableStream


class UserError(Exception):
    """A mistake in the command's arguments: printed, no traceback."""


def _emit(df: pd.DataFrame, fmt: str) -> None:
    """JSON, or CSV through the product's one CSV writer (formula-like text
    neutralised, numbers as numbers)."""
    if fmt == "json":
        print(df.to_json(orient="records", force_ascii=False, indent=1))
    else:
        sys.stdout.write(export.csv_text(df))


EMPTY_STORE = ("The store holds no current scores: every import batch, the shipped history (batch 1) too, is "
               "rolled back. See: python -m papi_data history")


def _scores() -> pd.DataFrame:
    """Current scores, or a clear UserError when there are none."""
    df = get_store().scores()
    if df.empty:
        raise UserError(EMPTY_STORE)
    return df


def _indicator(code: str | None, year: int) -> str | None:
    if code is None:
        return None
    code = code.strip().upper()
    if code not in codebook.known_codes():
        raise UserError(f"Unknown indicator {code!r}. Known: {', '.join(codebook.known_codes())}")
    if not codebook.exists(code, year):
        raise UserError(f"Indicator {code} is not part of PAPI {year}.")
    return code


def _province(p: str | None, year: int) -> int | None:
    if p is None:
        return None
    from . import province_names
    from .db import aliases as alias_store
    try:
        with province_names.mapped(alias_store.load(get_store())):  # names analysts mapped count too
            return provinces.resolve(p, year)
    except provinces.UnknownProvince as e:
        raise UserError(str(e)) from None


def scores_table(year: int, province: int | None = None, indicator: str | None = None,
                 lang: str = "vi") -> pd.DataFrame:
    """One row per (year, province, indicator) with rank, n_ranked (and
    n_provinces, the year's provinces, when some were not ranked), tier and
    how it was arrived at (tier_basis: published / file / computed, the
    source of a published group, near_cut for a computed tier)."""
    e = analytics.enrich(_scores(), groups_store.load(get_store()))
    m = e[e["year"] == year]
    if province is not None:
        m = m[m["province_code"] == province]
    if indicator is not None:
        m = m[m["indicator"] == indicator]
    names = provinces.names(year, lang)
    order = {c: i for i, c in enumerate(codebook.order(m["indicator"].unique()))}
    m = m.assign(province=m["province_code"].map(names), _o=m["indicator"].map(order))
    m = m.sort_values(["_o", "rank", "province_code"])
    # The comparisons the pages draw: empty (JSON null) when not comparable
    # (scale change; a unit merged on 1 July 2025; ranks across that date).
    m = m.assign(change=m["change"].where(m["comparable"].astype(bool)),
                 rank_change=m["rank_change"].astype("Int64"), n_provinces=len(provinces.names(year)))
    return m[["year", "province_code", "province", "indicator", "value", "rank", "n_ranked", "n_provinces", "tier",
              "tier_basis", "tier_source", "near_cut", "change", "rank_change"]]


def cmd_scores(a) -> int:
    _check_year(a.year)
    prov = _province(a.province, a.year)
    ind = _indicator(a.indicator, a.year)
    out = scores_table(a.year, prov, ind, a.lang)
    if out.empty:
        raise UserError(f"PAPI has no published score for that selection in {a.year}.")
    _emit(out, a.format)
    return 0


def cmd_stats(a) -> int:
    _check_year(a.year)
    ind = _indicator(a.indicator, a.year)
    st = analytics.national_stats(_scores())
    row = st[(st["year"] == a.year) & (st["indicator"] == ind)]
    if row.empty:
        raise UserError(f"No scores for {ind} in {a.year}.")
    _emit(row[["year", "indicator", "n", "mean", "median", "min", "max", "cut_1", "cut_2", "cut_3"]], a.format)
    return 0


def cmd_check(a) -> int:
    df = get_store().scores()
    if df.empty:                     # nothing to check is not a pass
        print(f"error: {EMPTY_STORE}", file=sys.stderr)
        return 1
    found = consistency.problems(df, tol=a.tolerance)
    for p in found:
        print(f"{p.kind}: {p.message}", file=sys.stderr)
    years = df["year"].nunique()
    print(f"checked {len(df)} values, {years} years: {len(found)} problem(s)")
    return 1 if found else 0


def cmd_gaps(a) -> int:
    from . import gaps
    from .db import targets as target_store
    code = _province(a.province, a.year)
    store = get_store()
    tg = target_store.load(store, code, a.year)
    if tg.empty:
        raise UserError(f"No targets for {provinces.name(code, a.year, 'en')} in {a.year}.")
    ev = gaps.evaluate(tg, analytics.enrich(_scores(), groups_store.load(store)))
    rows = gaps.export_rows(ev)
    if a.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:                    # met: true/false, or null when PAPI did not score the province (never false)
        rows = [{**r, "met": {True: "true", False: "false"}.get(r["met"], "null"),
                 "near_cut": {True: "true", False: "false"}.get(r["near_cut"], "")} for r in rows]
        sys.stdout.write(export.csv_text(pd.DataFrame(rows, columns=gaps.EXPORT_COLUMNS, dtype=object)))
    return 0


def cmd_deck(a) -> int:
    from . import deck
    from .db import deck_inputs
    _check_year(a.year)
    code = _province(a.province, a.year)
    changes = None
    if a.change:                 # a what-if slide: the same --change CODE=DELTA as the whatif command
        from . import whatif
        from .aids_commands import _changes
        changes = _changes(a.change, a.year)
        try:
            whatif.new_values(_scores(), code, a.year, changes)
        except KeyError as e:
            raise UserError(str(e.args[0])) from None
    template = None
    if a.template:
        try:
            template = open(a.template, "rb").read()
        except OSError as e:
            raise UserError(f"Cannot read the template: {e}") from None
    try:
        if template is not None:
            deck.check_template(template)
        data = deck.build(code, a.year, a.lang, template, **deck_inputs.load(get_store(), code, a.year),
                          changes=changes)
    except (ValueError, KeyError) as e:
        raise UserError(f"Cannot build the deck from that template: {e}") from None
    return write_output(a.output, data)


def write_output(path: str, data: bytes) -> int:
    """Write a built file (deck, plan draft) and say so; a clear error when it cannot be written."""
    try:
        with open(path, "wb") as f:
            f.write(data)
    except OSError as e:
        raise UserError(f"Cannot write {path}: {e.strerror or e}") from None
    print(f"wrote {path} ({len(data):,} bytes)")
    return 0


def _check_year(year: int) -> None:
    have = sorted(_scores()["year"].unique())
    if year not in have:
        raise UserError(f"No PAPI data for {year}. Years available: {have[0]}–{have[-1]}.")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m papi_data", description="PAPI data: scores, statistics, checks.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("scores", help="scores with rank and tier for one year")
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--province", help="name (with or without diacritics), English name, alias or GSO code")
    s.add_argument("--indicator", help="TOTAL, D1..D8 or a sub-dimension such as D1.2")
    s.add_argument("--format", choices=["csv", "json"], default="csv")
    s.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of province names")
    s.set_defaults(func=cmd_scores)

    s = sub.add_parser("stats", help="national statistics and tier cut points")
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--indicator", default="TOTAL")
    s.add_argument("--format", choices=["csv", "json"], default="csv")
    s.set_defaults(func=cmd_stats)

    s = sub.add_parser("gaps", help="targets of a province and year against the published results")
    s.add_argument("--province", required=True)
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--format", choices=["csv", "json"], default="csv")
    s.set_defaults(func=cmd_gaps)

    s = sub.add_parser("deck", help="a PowerPoint deck for a province and year")
    s.add_argument("--province", required=True)
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--lang", choices=["vi", "en"], default="vi")
    s.add_argument("--template", help="a .pptx whose layouts the deck uses")
    s.add_argument("-o", "--output", required=True, help="the .pptx file to write")
    s.add_argument("--change", action="append", metavar="CODE=DELTA",
                   help="a what-if slide with this change, e.g. D5=+0.2 or D5.2=+0.3; repeatable")
    s.set_defaults(func=cmd_deck)

    s = sub.add_parser("check", help="re-verify sums, scales and duplicates in the store")
    s.add_argument("--tolerance", type=float, default=1e-4)
    s.set_defaults(func=cmd_check)

    groups_store.register(sub, UserError)   # tiers: published groups, check and import

    from .ingest import commands as ingest_commands  # import, history, rollback, hash-password
    ingest_commands.register(sub, UserError)

    from .tasks import commands as task_commands  # tasks import | list | set | coverage
    task_commands.register(sub, UserError)

    from .db import backup as backup_commands  # backup FILE | restore FILE [--force]
    backup_commands.register(sub, UserError)
    from . import aids_commands  # whatif, trends
    aids_commands.register(sub, UserError)
    from .plan import commands as plan_commands  # plan: a Word draft of next year's plan
    plan_commands.register(sub, UserError)
    return p


def main(argv: list[str] | None = None) -> int:
    # Everything printed passes through `printable`: values from data files
    # (names, notes, file names) cannot drive the terminal.
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = PrintableStream(out), PrintableStream(err)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UserError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
    except (sqlalchemy.exc.OperationalError, OSError) as e:  # e.g. a database this user may not open
        print(f"error: cannot use the database ({getattr(e, 'orig', None) or e}). Check PAPI_DATABASE_URL and "
              "that this user may read and write it.", file=sys.stderr)
        return 1
