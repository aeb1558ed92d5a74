"""Plan tasks in the store: a province's plan appendix for a year, each
task's status, note and evidence link, and the history of every change.

A re-import of the plan (a corrected file) updates the tasks by number and
keeps what was recorded (model.merge: status, note, evidence; and the
indicator links already stored, which an analyst may have edited); a task
the new file no longer has is removed, its history kept. Everything of one
import or update is written in one transaction.

Task edits do not change the data version (the scores did not change):
like targets, tasks have their own version, the largest history id, for
caches to key on.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import sqlalchemy as sa

from ..tasks import links
from ..tasks.model import STATUSES, Task, merge
from .schema import plan_tasks, task_updates
from .common import current_user, now as _now
from .scores import Store, check_lengths


def _task(r) -> Task:
    due = r.due
    if isinstance(due, str):            # SQLite hands back text in some drivers
        due = dt.date.fromisoformat(due[:10])
    return Task(no=r.no, task=r.task, lead=r.lead or "", partners=r.partners or "", due=due,
                recurring=bool(r.recurring), due_text=r.due_text or "", status=r.status, note=r.note or "",
                evidence=r.evidence or "", indicators=tuple(c for c in (r.indicators or "").split(",") if c))


def _order(no: str):
    """1, 2, 10 in number order; "1a" or "II.3" after, as text."""
    return (0, int(no), "") if no.isdigit() else (1, 0, no)


def _where(code: int, plan_year: int, table=plan_tasks):
    return (table.c.province_code == int(code)) & (table.c.plan_year == int(plan_year))


def _load(c, code: int, plan_year: int) -> list[Task]:
    rows = c.execute(sa.select(plan_tasks).where(_where(code, plan_year))).all()
    return sorted((_task(r) for r in rows), key=lambda t: _order(t.no))


def load(store: Store, code: int, plan_year: int) -> list[Task]:
    """The stored tasks of province `code`'s plan for `plan_year`, by number."""
    with store.engine.connect() as c:
        return _load(c, code, plan_year)


def plan_ref(store: Store, code: int, plan_year: int) -> str:
    """The plan's reference as imported ("99/KH-UBND" or the file name), or ""."""
    with store.engine.connect() as c:
        return c.execute(sa.select(plan_tasks.c.plan_ref).where(_where(code, plan_year)).limit(1)).scalar() or ""


def _row(t: Task, code: int, plan_year: int, plan_ref: str, user: str, now) -> dict:
    return {"province_code": int(code), "plan_year": int(plan_year), "plan_ref": plan_ref, "no": t.no,
            "task": t.task, "lead": t.lead, "partners": t.partners, "due": t.due, "recurring": bool(t.recurring),
            "due_text": t.due_text, "indicators": ",".join(t.indicators), "status": t.status, "note": t.note,
            "evidence": t.evidence, "updated_at": now, "updated_by": user}


def _update_row(t: Task, code: int, plan_year: int, action: str, user: str, now) -> dict:
    return {"province_code": int(code), "plan_year": int(plan_year), "no": t.no, "action": action,
            "status": t.status, "note": t.note, "evidence": t.evidence, "indicators": ",".join(t.indicators),
            "changed_at": now, "changed_by": user}


def merged(store: Store, code: int, plan_year: int, tasks: list[Task]) -> list[Task]:
    """What an import of `tasks` would store: recorded statuses, notes,
    evidence and links kept by number; links suggested where none exist."""
    return _merged(load(store, code, plan_year), plan_year, tasks)


def _merged(stored: list[Task], plan_year: int, tasks: list[Task]) -> list[Task]:
    old = {t.no: t for t in stored}
    out = merge(stored, tasks)
    out = [replace(t, indicators=old[t.no].indicators) if t.no in old and old[t.no].indicators else t for t in out]
    return links.link(out, plan_year)


def save_import(store: Store, code: int, plan_year: int, tasks: list[Task], plan_ref: str,
                user: str | None = None) -> dict:
    """Store a plan's tasks (a first import or a re-import); returns counts
    {"added", "updated", "removed"}. FieldTooLong before anything is written."""
    user, now = user or current_user(), _now()
    check_lengths(plan_tasks, [_row(t, code, plan_year, plan_ref, user, now) for t in tasks])
    with store.engine.begin() as c:
        store._write_lock(c)        # one writer at a time; the data version itself is left as it is
        new = _merged(_load(c, code, plan_year), plan_year, tasks)
        rows = [_row(t, code, plan_year, plan_ref, user, now) for t in new]
        check_lengths(plan_tasks, rows)
        have = {r.no: r.id for r in c.execute(sa.select(plan_tasks.c.no, plan_tasks.c.id)
                                               .where(_where(code, plan_year))).all()}
        gone = [no for no in have if no not in {t.no for t in new}]
        for no in gone:
            c.execute(plan_tasks.delete().where(plan_tasks.c.id == have[no]))
            c.execute(task_updates.insert().values(province_code=int(code), plan_year=int(plan_year), no=no,
                                                   action="remove", status="", changed_at=now, changed_by=user))
        for t, r in zip(new, rows):
            if t.no in have:
                c.execute(plan_tasks.update().where(plan_tasks.c.id == have[t.no]).values(**r))
            else:
                c.execute(plan_tasks.insert().values(**r))
        if new:
            c.execute(task_updates.insert(), [_update_row(t, code, plan_year, "import", user, now) for t in new])
    return {"added": sum(t.no not in have for t in new), "updated": sum(t.no in have for t in new),
            "removed": len(gone)}


def _change(store: Store, code: int, plan_year: int, no: str, action: str, user: str | None, **values) -> Task:
    """Write new values of one task and its history row; returns the task."""
    user, now = user or current_user(), _now()
    with store.engine.begin() as c:
        store._write_lock(c)
        current = {t.no: t for t in _load(c, code, plan_year)}
        if str(no) not in current:
            raise KeyError(f"No task {no} in the plan of province {code} for {plan_year}.")
        t = replace(current[str(no)], **values)
        row = _row(t, code, plan_year, "", user, now)
        check_lengths(plan_tasks, row)
        check_lengths(task_updates, _update_row(t, code, plan_year, action, user, now))
        c.execute(plan_tasks.update().where(_where(code, plan_year) & (plan_tasks.c.no == t.no))
                  .values(**{k: row[k] for k in ("status", "note", "evidence", "indicators", "updated_at",
                                                 "updated_by")}))
        c.execute(task_updates.insert().values(**_update_row(t, code, plan_year, action, user, now)))
    return t


def update(store: Store, code: int, plan_year: int, no: str, status: str, note: str = "", evidence: str = "",
           user: str | None = None) -> Task:
    """Record a task's status, note and evidence link (KeyError: no such
    task; ValueError: unknown status; FieldTooLong)."""
    if status not in STATUSES:
        raise ValueError(f"Unknown status {status!r}; one of {', '.join(STATUSES)}.")
    return _change(store, code, plan_year, no, "update", user, status=status, note=(note or "").strip(),
                   evidence=(evidence or "").strip())


def set_links(store: Store, code: int, plan_year: int, no: str, indicators, user: str | None = None) -> Task:
    """Record the indicators a task addresses (as the analyst confirmed them)."""
    from .. import codebook
    return _change(store, code, plan_year, no, "links", user, indicators=tuple(codebook.order(indicators)))


def history(store: Store, code: int, plan_year: int, no: str) -> list[dict]:
    """Every import and update of one task, oldest first."""
    q = (sa.select(task_updates).where(_where(code, plan_year, task_updates) & (task_updates.c.no == str(no)))
         .order_by(task_updates.c.id))
    with store.engine.connect() as c:
        return [dict(r._mapping) for r in c.execute(q).all()]


def plans(store: Store) -> list[tuple[int, int, int]]:
    """(province_code, plan_year, number of tasks) of every stored plan."""
    q = (sa.select(plan_tasks.c.province_code, plan_tasks.c.plan_year, sa.func.count())
         .group_by(plan_tasks.c.province_code, plan_tasks.c.plan_year)
         .order_by(plan_tasks.c.province_code, plan_tasks.c.plan_year))
    with store.engine.connect() as c:
        return [(int(p), int(y), int(n)) for p, y, n in c.execute(q).all()]


def version(store: Store) -> int:
    """Changes whenever a task is imported, updated or removed."""
    with store.engine.connect() as c:
        return int(c.execute(sa.select(sa.func.max(task_updates.c.id))).scalar() or 0)
