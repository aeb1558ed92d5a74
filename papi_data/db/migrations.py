"""Schema versions and the upgrades between them (SQLite and PostgreSQL).

Version 1 is the initial schema (metadata.create_all); each later version
has a function taking the open transaction's connection.
"""
from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from .schema import plan_tasks, province_aliases, schema_meta, target_changes, targets, task_updates

SCHEMA_VERSION = 4


def _v2_targets(c) -> None:
    """Version 2 adds the targets and their change log."""
    targets.create(c, checkfirst=True)
    target_changes.create(c, checkfirst=True)


def _v3_aliases(c) -> None:
    """Version 3 adds the province names analysts mapped."""
    province_aliases.create(c, checkfirst=True)


def _v4_tasks(c) -> None:
    """Version 4 adds plan tasks and their update history."""
    plan_tasks.create(c, checkfirst=True)
    task_updates.create(c, checkfirst=True)


MIGRATIONS: dict[int, Callable] = {2: _v2_targets, 3: _v3_aliases, 4: _v4_tasks}


def upsert_meta(c, key: str, value: str) -> None:
    if c.execute(sa.select(schema_meta.c.key).where(schema_meta.c.key == key)).first():
        c.execute(schema_meta.update().where(schema_meta.c.key == key).values(value=value))
    else:
        c.execute(schema_meta.insert().values(key=key, value=value))
