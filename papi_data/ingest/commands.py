"""Command-line import, history and rollback (registered by papi_data.cli).

    python -m papi_data import FILE [--years 2024 ...] [--dry-run] [--format json] [--lang en]
    python -m papi_data history [--format json]
    python -m papi_data rollback BATCH [--force]
    python -m papi_data hash-password

Exit status of `import`: 0 imported (or a clean dry run, or nothing to
change), 2 validation failed and nothing was written, 3 another import or
rollback came in between and nothing was written (run it again).
"""
from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path

from .. import passwords, provinces
from ..db.common import current_user
from ..db.scores import FieldTooLong, ShippedBatch, StaleData, get_store

EXIT_INVALID = 2
EXIT_CONFLICT = 3


def register(sub, user_error) -> None:
    global UserError
    UserError = user_error
    s = sub.add_parser("import", help="validate a PAPI file, show what would change, and import it")
    s.add_argument("file", help="a published PAPI workbook (.xlsx) or the import template (.csv/.xlsx)")
    s.add_argument("--years", type=int, nargs="+", help="years to take from a file that holds several")
    s.add_argument("--dry-run", action="store_true", help="validate and compare only; write nothing")
    s.add_argument("--hidden-sheets", action="store_true",
                   help="read hidden and very hidden sheets too (left out by default, and named)")
    s.add_argument("--format", choices=["text", "json"], default="text")
    s.add_argument("--lang", choices=["vi", "en"], default="en", help="language of the messages")
    s.add_argument("--user", help="name recorded with the import (default: login name)")
    s.add_argument("--map", action="append", metavar="NAME=CODE", default=[],
                   help="read a province name no rule matches as this GSO code ('skip' leaves it out); "
                        "repeatable; kept as an alias when the import is written")
    s.add_argument("--leave-out-unknown", action="store_true",
                   help="import the known indicators and leave out rows/columns not in the codebook (each named)")
    s.set_defaults(func=cmd_import)

    s = sub.add_parser("history", help="import batches, newest last")
    s.add_argument("--format", choices=["csv", "json"], default="csv")
    s.set_defaults(func=cmd_history)

    s = sub.add_parser("rollback", help="deactivate an import batch; the values it replaced show again")
    s.add_argument("batch", type=int)
    s.add_argument("--user")
    s.add_argument("--force", action="store_true",
                   help="needed to roll back the shipped history (batch 1), which empties the store")
    s.set_defaults(func=cmd_rollback)

    s = sub.add_parser("hash-password", help="print the hash of an analyst password for secrets.toml")
    s.add_argument("--stdin", action="store_true", help="read the password from standard input")
    s.set_defaults(func=cmd_hash_password)


UserError = RuntimeError  # replaced by register()


def cmd_import(a) -> int:
    from . import commit, prepare
    path = Path(a.file)
    if not path.is_file():
        raise UserError(f"No such file: {a.file}")
    from .mapping import parse_map_arg
    try:
        mapping = parse_map_arg(a.map)
    except ValueError as e:
        raise UserError(str(e)) from None
    store = get_store()
    plan = prepare(path.read_bytes(), path.name, store, years=a.years, hidden=a.hidden_sheets, mapping=mapping,
                   leave_out_unknown=a.leave_out_unknown)
    rep = plan.report(a.lang)
    rep["dry_run"] = bool(a.dry_run)
    status = 0
    if not plan.ok:
        status = EXIT_INVALID
    elif not a.dry_run and plan.preview is not None and (plan.preview.has_changes or not plan.groups.empty):
        try:
            rep["batch"] = commit(plan, store, user=a.user or current_user())
        except StaleData:
            rep["conflict"] = True
            status = EXIT_CONFLICT
        except FieldTooLong as e:
            raise UserError(e.message(a.lang)) from None
    if a.format == "json":
        print(json.dumps(rep, ensure_ascii=False, indent=1, default=str))
    else:
        _print_text(plan, rep, a.lang)
    return status


def _print_text(plan, rep, lang) -> None:
    out = sys.stdout
    print(f"{rep['file']}: {rep['layout']} layout; years in file: "
          f"{', '.join(map(str, rep['years_found'])) or '-'}; taking: {', '.join(map(str, rep['years'])) or '-'}",
          file=out)
    for i in plan.errors:
        print(f"error: {i.where(lang)}: {i.message(lang)}", file=sys.stderr)
    for i in plan.warnings:
        print(f"note: {i.where(lang)}: {i.message(lang)}", file=sys.stderr)
    if not plan.ok:
        from .mapping import unresolved
        for u in unresolved(plan.errors):
            close = ", ".join(f"{c}={provinces.name(c, u.year)}" for c in u.closest[:3])
            print(f"unresolved province name {u.name!r} ({u.values} values); closest: {close or '-'}; "
                  f"map it with --map \"{u.name}=CODE\" or --map \"{u.name}=skip\"", file=out)
        if any(i.code == "unknown_indicator" for i in plan.errors):
            print("indicators not in the codebook: --leave-out-unknown imports the others", file=out)
        print(f"{len(plan.errors)} error(s); nothing was written.", file=out)
        return
    c = rep.get("counts", {})
    print(f"{rep['values']} values: {c.get('added', 0)} added, {c.get('changed', 0)} changed, "
          f"{c.get('ci', 0)} with a new CI/SE only, {c.get('ci_removed', 0)} with a stored CI/SE removed, "
          f"{c.get('unchanged', 0)} unchanged", file=out)
    for y in rep.get("by_year", []):
        print(f"  {y['year']}: {y['added']} added, {y['changed']} changed, {y['ci']} CI/SE only, "
              f"{y['ci_removed']} CI/SE removed, "
              f"{y['unchanged']} unchanged, {y['kept']} current values not in the file (kept)", file=out)
    from .present import group_notes
    for note in group_notes(plan.groups, lang):
        print(note, file=out)
    if rep.get("conflict"):
        print("Another import or rollback came in between; nothing was written. Run the import again.", file=out)
    elif "batch" in rep:
        print(f"Imported as batch {rep['batch']}. Undo with: python -m papi_data rollback {rep['batch']}", file=out)
    elif rep["dry_run"]:
        print("Dry run: nothing was written.", file=out)
    else:
        print("Nothing to change; nothing was written.", file=out)


def cmd_history(a) -> int:
    h = get_store().history()
    cols = ["id", "kind", "created_at", "created_by", "file_name", "file_hash", "rows_written", "active",
            "rolled_back_at", "rolled_back_by", "note"]
    h = h[cols]
    if a.format == "json":
        print(h.to_json(orient="records", force_ascii=False, indent=1, date_format="iso"))
    else:           # file names and notes come from outside: the one CSV writer neutralises formulas
        from ..export import csv_text
        sys.stdout.write(csv_text(h))
    return 0


def cmd_rollback(a) -> int:
    store = get_store()
    try:
        store.rollback(a.batch, user=a.user or current_user(), force=a.force)
    except FieldTooLong as e:
        raise UserError(e.message("en")) from None
    except ShippedBatch:
        raise UserError(f"Batch {a.batch} is the published history shipped with the dashboard; rolling it back "
                        "leaves no scores unless imports replace them. Add --force to do it anyway.") from None
    except KeyError:
        raise UserError(f"No import batch {a.batch}. See: python -m papi_data history") from None
    except ValueError as e:
        raise UserError(str(e)) from None
    print(f"Batch {a.batch} rolled back; the values it replaced show again.")
    return 0


def cmd_hash_password(a) -> int:
    if a.stdin or not sys.stdin.isatty():
        pw = sys.stdin.readline().rstrip("\n")
    else:
        pw = getpass.getpass("Analyst password: ")
        if pw != getpass.getpass("Again: "):
            raise UserError("The two passwords differ.")
    if len(pw) < 8:
        raise UserError("Use at least 8 characters.")
    h = passwords.hash_password(pw)
    print(h)
    print(f'# .streamlit/secrets.toml:\n#   [analyst]\n#   password_hash = "{h}"\n'
          f"# or the environment: PAPI_ANALYST_PASSWORD_HASH='{h}'", file=sys.stderr)
    return 0
