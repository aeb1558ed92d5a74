"""Published group records an analyst imports, kept in the database next
to the shipped ones (data/official_tiers.csv).

An imported record (the four groups of one year and indicator) replaces
the shipped record of that year and indicator, and a later import the
earlier one; nothing is deleted (the replaced rows are deactivated). An
import is checked whole against the current scores first
(official_tiers.validate): one problem and nothing is written.

A score file whose sheets carry a group column beside the scores brings
its records too (ingest/groups.py): they are written by `writer` in the
transaction of the score batch, stamped with the batch's file name and
time, and a rollback of that batch withdraws them (`withdraw`), putting
back the records they replaced.

Command line: `python -m papi_data tiers [--year Y]`, `tiers check FILE`,
`tiers import FILE`.
"""
from __future__ import annotations

import sys

import pandas as pd
import sqlalchemy as sa

from .. import official_tiers
from .common import current_user, now
from .schema import batches, official_groups
from .scores import Store, check_lengths

def imported(store: Store) -> pd.DataFrame:
    """Active imported rows, as strings like a read CSV."""
    try:
        with store.engine.connect() as c:
            df = pd.read_sql(sa.select(official_groups).where(official_groups.c.active == sa.true())
                             .order_by(official_groups.c.id), c)
    except sa.exc.DBAPIError:       # a database from before this table: nothing imported
        return pd.DataFrame(columns=official_tiers.COLUMNS)
    return df[official_tiers.COLUMNS].astype(str)


def load(store: Store) -> pd.DataFrame:
    """The records in use: shipped ones, each (year, indicator) replaced by
    an imported record when there is one."""
    ship, imp = official_tiers.shipped(), imported(store)
    if imp.empty:
        return ship
    have = set(zip(imp["year"], imp["indicator"]))
    keep = ship[[k not in have for k in zip(ship["year"], ship["indicator"])]]
    return pd.concat([keep, imp], ignore_index=True)


def check(store: Store, groups: pd.DataFrame) -> list[official_tiers.Problem]:
    _, problems = official_tiers.validate(groups, store.scores())
    return problems


def import_groups(store: Store, groups: pd.DataFrame, file_name: str, user: str | None = None) -> int:
    """Write the records of `groups` (validated whole); returns the number
    of records (year, indicator) written. Raises InvalidGroups."""
    problems = check(store, groups)
    if problems:
        raise official_tiers.InvalidGroups(problems)
    write = writer(groups, file_name, user)
    with store.engine.begin() as c:
        store._write_lock(c)
        n = write(c)
        store._bump(c)          # every page and server sees the new groups at once
    return n


def writer(groups: pd.DataFrame, file_name: str, user: str | None = None):
    """A function writing the (validated) records of `groups` on a
    connection inside the caller's transaction: each (year, indicator)
    replaces the record in use. Lengths are checked here, before any
    transaction (FieldTooLong)."""
    stamp, who = now(), user or current_user()
    keys = sorted(set(zip(groups["year"].astype(int), groups["indicator"])))
    rows = [{**{k: r[k] for k in official_tiers.COLUMNS}, "year": int(r["year"]), "tier": int(r["tier"]),
             "file_name": file_name, "imported_at": stamp, "imported_by": who, "active": True}
            for r in groups.to_dict("records")]
    check_lengths(official_groups, rows)

    def write(c, stamp=None) -> int:
        """`stamp`: the score batch's time, which ties the records to it."""
        for y, ind in keys:
            c.execute(official_groups.update().where((official_groups.c.year == y) & (official_groups.c.indicator == ind))
                      .values(active=False))
        c.execute(official_groups.insert(), [{**r, "imported_at": stamp} for r in rows] if stamp else rows)
        return len(keys)
    return write


def withdraw(c, file_name: str, stamp) -> int:
    """Inside a rollback's transaction: deactivate the records a score batch
    (file `file_name`, written at `stamp`) brought, and for each year and
    indicator put back the newest earlier record not itself from a
    rolled-back batch. Returns the number of rows withdrawn."""
    og = official_groups
    mine = c.execute(sa.select(og.c.id, og.c.year, og.c.indicator)
                     .where((og.c.file_name == file_name) & (og.c.imported_at == stamp) & (og.c.active == sa.true()))).all()
    if not mine:
        return 0
    c.execute(og.update().where(og.c.id.in_([r.id for r in mine])).values(active=False))
    undone = {(b.file_name, b.created_at) for b in c.execute(
        sa.select(batches.c.file_name, batches.c.created_at).where(batches.c.active == sa.false()))}
    for y, ind in sorted({(r.year, r.indicator) for r in mine}):
        first = min(r.id for r in mine if (r.year, r.indicator) == (y, ind))
        earlier = c.execute(sa.select(og.c.id, og.c.file_name, og.c.imported_at)
                            .where((og.c.year == y) & (og.c.indicator == ind) & (og.c.id < first))
                            .order_by(og.c.id.desc())).all()
        back = next((e for e in earlier if (e.file_name, e.imported_at) not in undone), None)
        if back is not None:            # its four rows, one per group
            c.execute(og.update().where((og.c.year == y) & (og.c.indicator == ind) & (og.c.file_name == back.file_name)
                                        & (og.c.imported_at == back.imported_at)).values(active=True))
    return len(mine)


def summary(store: Store, year: int | None = None) -> pd.DataFrame:
    """One row per group in use: its size and score range as assigned to
    the current scores, and its source."""
    groups = load(store)
    if year is not None:
        groups = groups[groups["year"] == str(year)]
    m, problems = official_tiers.validate(groups, store.scores())
    got = m.merge(store.scores()[["year", "province_code", "indicator", "value"]],
                  on=["year", "province_code", "indicator"])
    agg = got.groupby(["year", "indicator", "tier_published"])["value"].agg(n="count", lowest="min", highest="max")
    agg = agg.reset_index().rename(columns={"tier_published": "tier"})
    g = groups.assign(year=groups["year"].astype(int), tier=groups["tier"].astype(int))
    out = g.merge(agg, on=["year", "indicator", "tier"], how="left")
    return out[["year", "indicator", "tier", "count", "score_min", "score_max", "n", "lowest", "highest", "source",
                "citation"]]


# ---- command line ---------------------------------------------------------

def register(sub, user_error) -> None:
    s = sub.add_parser("tiers", help="published PAPI groups: list, check or import a group file")
    s.add_argument("action", nargs="?", choices=["list", "check", "import"], default="list")
    s.add_argument("file", nargs="?", help="a CSV with columns " + ",".join(official_tiers.COLUMNS))
    s.add_argument("--year", type=int)
    s.add_argument("--lang", choices=["vi", "en"], default="en")
    s.add_argument("--format", choices=["csv", "json"], default="csv")
    s.set_defaults(func=lambda a: _cmd(a, user_error))


def _cmd(a, user_error) -> int:
    from .scores import get_store
    store = get_store()
    if a.action == "list":
        out = summary(store, a.year)
        if a.format == "json":
            print(out.to_json(orient="records", force_ascii=False, indent=1))
        else:
            out.to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    if not a.file:
        raise user_error(f"tiers {a.action} needs a FILE.")
    try:
        groups = official_tiers.read(a.file)
    except OSError as e:
        raise user_error(f"Cannot read {a.file}: {e.strerror or e}") from None
    except official_tiers.InvalidGroups as e:
        for p in e.problems:
            print(p.text(a.lang), file=sys.stderr)
        return 1
    except (ValueError, pd.errors.ParserError) as e:
        raise user_error(f"{a.file} is not a readable CSV file ({e}).") from None
    if a.action == "check":
        problems = check(store, groups)
        for p in problems:
            print(p.text(a.lang), file=sys.stderr)
        n = groups.groupby(["year", "indicator"]).ngroups
        print(f"checked {n} record(s): {len(problems)} problem(s)")
        return 1 if problems else 0
    try:
        n = import_groups(store, groups, file_name=a.file)
    except official_tiers.InvalidGroups as e:
        for p in e.problems:
            print(p.text(a.lang), file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    print(f"imported {n} record(s) of published groups from {a.file}")
    return 0
