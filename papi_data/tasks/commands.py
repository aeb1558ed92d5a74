"""Command-line plan tasks (registered by papi_data.cli).

    python -m papi_data tasks import FILE --province P --year Y [--ref REF] [--user U] [--dry-run]
    python -m papi_data tasks list --province P --year Y [--format text|json|csv] [--today YYYY-MM-DD]
    python -m papi_data tasks set --province P --year Y --no N --status done [--note ..] [--evidence URL]
    python -m papi_data tasks coverage --province P --year Y [--format text|json]

A file with no task table, or a text too long for the store: exit status 2,
the message in --lang, nothing written.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pandas as pd

from .. import codebook, export, provinces
from ..i18n import t
from .model import STATUSES, TaskFileError
from .table import filing_year, records

UserError = RuntimeError  # replaced by register()


def register(sub, user_error) -> None:
    global UserError
    UserError = user_error
    s = sub.add_parser("tasks", help="plan tasks of a province: import the plan, list, set a status, coverage")
    acts = s.add_subparsers(dest="action", required=True)
    imp = acts.add_parser("import", help="read a plan's task table (.docx, .xlsx, .csv) and store it")
    imp.add_argument("file")
    imp.add_argument("--plan", "--ref", dest="ref", help="the plan's reference, e.g. 99/KH-UBND (default: the file name)")
    imp.add_argument("--format", choices=["text", "json"], default="text",
                     help="json: the tasks as stored (or, with --dry-run, as they would be)")
    imp.add_argument("--user", help="name recorded with the import (default: login name)")
    imp.add_argument("--dry-run", action="store_true", help="read and show only; write nothing")
    lst = acts.add_parser("list", help="the tasks with status, overdue flag and indicators")
    lst.add_argument("--format", choices=["text", "json", "csv"], default="text")
    lst.add_argument("--today", type=dt.date.fromisoformat, help="the date overdue is counted at (YYYY-MM-DD)")
    st = acts.add_parser("set", help="record a task's status, note and evidence link")
    st.add_argument("n", nargs="?", help="the task's number (or --no)")
    st.add_argument("--no")
    st.add_argument("--status", required=True, choices=STATUSES)
    st.add_argument("--note", default="")
    st.add_argument("--evidence", default="")
    st.add_argument("--user")
    cov = acts.add_parser("coverage", help="weak indicators of the results before the plan year and their tasks")
    cov.add_argument("--format", choices=["text", "json"], default="text")
    for p in (imp, lst, st, cov):
        p.add_argument("--province", required=True, help="name, English name, alias or GSO code")
        p.add_argument("--year", type=int, required=True, help="the plan year")
        p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the messages")
    s.set_defaults(func=lambda a: COMMANDS[a.action](a))


def _code(a) -> int:
    """The province on the map of the plan's base results (the latest before
    the plan year), the map the Tasks page files the plan under too."""
    from ..cli import _province          # names analysts mapped count too
    from ..db.scores import get_store
    scored = get_store().scores()["year"]
    return _province(a.province, filing_year(a.year, int(scored.max()) if len(scored) else a.year - 1))


def cmd_import(a) -> int:
    from ..db import tasks as store_tasks
    from ..db.scores import FieldTooLong, get_store
    from .readers import read_tasks
    path = Path(a.file)
    if not path.is_file():
        raise UserError(f"No such file: {a.file}")
    code = _code(a)
    try:
        tasks = read_tasks(path.read_bytes(), path.name, a.year)
    except TaskFileError as e:
        raise UserError(e.message(a.lang)) from None
    as_json = getattr(a, "format", "text") == "json"
    say = (lambda m: print(m, file=sys.stderr)) if as_json else print   # stdout stays JSON
    say(t("task_cli_read", a.lang, n=len(tasks), file=path.name))
    if a.dry_run:
        shown = store_tasks.merged(get_store(), code, a.year, tasks)
        _print_json(shown) if as_json else _print_text(shown, dt.date.today(), a.lang)
        say(t("task_cli_dry_run", a.lang))
        return 0
    try:
        n = store_tasks.save_import(get_store(), code, a.year, tasks, a.ref or path.name, a.user)
    except FieldTooLong as e:
        raise UserError(e.message(a.lang)) from None
    say(t("task_cli_saved", a.lang, ref=a.ref or path.name, province=provinces.name(code, a.year, a.lang),
          year=a.year, **n))
    if as_json:
        _print_json(store_tasks.load(get_store(), code, a.year))
    return 0


def _print_json(tasks) -> None:
    print(json.dumps(records(tasks, dt.date.today()), ensure_ascii=False, indent=1))


def _print_text(tasks, today: dt.date, lang: str) -> None:
    for r in records(tasks, today):
        flag = f" [{t('task_overdue', lang)}]" if r["overdue"] else ""
        print(f"{r['no']:>4}  {t('task_status_' + r['status'], lang)}{flag}  {r['due_text']}  "
              f"[{r['indicators']}]  {r['task'][:90]}")


def cmd_list(a) -> int:
    from ..db import tasks as store_tasks
    from ..db.scores import get_store
    code = _code(a)
    tasks = store_tasks.load(get_store(), code, a.year)
    if not tasks:
        raise UserError(t("task_cli_none", a.lang, province=provinces.name(code, a.year, a.lang), year=a.year))
    today = a.today or dt.date.today()
    if a.format == "json":
        print(json.dumps(records(tasks, today), ensure_ascii=False, indent=1))
    elif a.format == "csv":
        sys.stdout.write(export.csv_text(pd.DataFrame(records(tasks, today), dtype=object)))
    else:
        _print_text(tasks, today, a.lang)
    return 0


def cmd_set(a) -> int:
    from ..db import tasks as store_tasks
    from ..db.scores import FieldTooLong, get_store
    code = _code(a)
    no = a.no or a.n
    if not no:
        raise UserError(t("task_cli_no_number", a.lang))
    a.no = no
    try:
        tk = store_tasks.update(get_store(), code, a.year, no, a.status, a.note, a.evidence, a.user)
    except KeyError:
        raise UserError(t("task_cli_no_task", a.lang, no=a.no, province=provinces.name(code, a.year, a.lang),
                          year=a.year)) from None
    except FieldTooLong as e:
        raise UserError(e.message(a.lang)) from None
    print(t("task_cli_set", a.lang, no=tk.no, status=t(f"task_status_{tk.status}", a.lang)))
    return 0


def coverage_report(store, code: int, plan_year: int) -> dict | None:
    """The weak indicators of the results before `plan_year`, the tasks
    addressing each, and those no task addresses; None without results."""
    from .. import analytics
    from ..db import groups as groups_store
    from ..db import tasks as store_tasks
    from .coverage import coverage, weak_indicators
    from .table import base_year
    enriched = analytics.enrich(store.scores(), groups_store.load(store))
    base = base_year(enriched, code, plan_year)
    if base is None:
        return None
    weak = weak_indicators(enriched, code, base)
    cov = coverage(store_tasks.load(store, code, plan_year), weak)
    return {"base_year": base,
            "weak": [{"indicator": w.indicator, "value": w.value, "tier": w.tier, "low_tier": w.low_tier,
                      "prev_year": w.prev_year, "change": w.change, "falling": w.falling,
                      "tasks": [tk.no for tk in cov.addressed.get(w.indicator, ())]} for w in weak],
            "unaddressed": list(cov.unaddressed)}


def cmd_coverage(a) -> int:
    from ..db.scores import get_store
    code = _code(a)
    rep = coverage_report(get_store(), code, a.year)
    name = provinces.name(code, a.year, a.lang)
    if rep is None:
        raise UserError(t("task_cli_no_results", a.lang, province=name, year=a.year))
    if a.format == "json":
        print(json.dumps(rep, ensure_ascii=False, indent=1))
        return 0
    print(t("task_cli_weak", a.lang, year=rep["base_year"], n=len(rep["weak"])))
    for w in rep["weak"]:
        tasks = ", ".join(w["tasks"]) or t("task_cli_no_tasks_for", a.lang)
        print(f"  {codebook.name(w['indicator'], a.lang, rep['base_year'])}: {tasks}")
    print(t("task_cli_unaddressed", a.lang, codes=", ".join(rep["unaddressed"]) or "–"))
    return 0


COMMANDS = {"import": cmd_import, "list": cmd_list, "set": cmd_set, "coverage": cmd_coverage}
