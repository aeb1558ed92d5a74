"""The `plan` command: a Word draft of a province's plan for a year."""
from __future__ import annotations


def register(sub, user_error) -> None:
    s = sub.add_parser("plan", help="a Word draft of a province's PAPI plan for a year")
    s.add_argument("--province", required=True)
    s.add_argument("--year", type=int, required=True, help="the plan year (results from before it)")
    s.add_argument("--lang", choices=["vi", "en"], default="vi")
    s.add_argument("--share", type=float, default=1.0, help="share of the gap to the next tier to close")
    s.add_argument("-o", "--output", required=True, help="the .docx file to write")
    s.set_defaults(func=lambda a: _run(a, user_error))


def _run(a, user_error) -> int:
    from .. import analytics, provinces
    from ..db import groups as groups_store, tasks
    from ..db.scores import get_store
    from . import document
    try:
        code = provinces.lookup(a.province, a.year - 1)
    except provinces.UnknownProvince as e:
        raise user_error(f"Unknown province: {a.province} ({e})") from None
    if code is None:
        raise user_error(f"Unknown province: {a.province}")
    try:
        store = get_store()   # tiers as the pages show them: published groups where on record
        data = document.build(analytics.enrich(store.scores(), groups_store.load(store)), code, a.year, a.lang,
                              a.share, tasks=tasks.load(store, code, a.year - 1))
    except LookupError:
        raise user_error(f"No results for {a.province} before {a.year}") from None
    except ValueError as e:
        raise user_error(str(e)) from None
    from ..cli import write_output
    return write_output(a.output, data)
