"""The shipped targets (data/targets.csv), written once per database when a
store opens; never again after analysts edit or delete them. (The shipped
scores are the store's own batch 1, Store.seed.)"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from .. import DATA_DIR
from ..targets import record
from .common import now
from .schema import schema_meta, target_changes, targets

MARKER = "targets_seeded"


def seed_targets(engine: sa.Engine, data_dir: Path = DATA_DIR) -> bool:
    """True when this call wrote the shipped targets. Safe when two
    processes open a new database at once: the marker row and the targets
    are one transaction, and the loser's insert of the marker fails."""
    with engine.connect() as c:
        if c.execute(sa.select(schema_meta.c.value).where(schema_meta.c.key == MARKER)).scalar():
            return False
    rows = [record(r) for r in pd.read_csv(data_dir / "targets.csv").to_dict("records")]
    try:
        with engine.begin() as c:
            c.execute(schema_meta.insert().values(key=MARKER, value=now().isoformat()))
            for r in rows:
                tid = c.execute(targets.insert().values(**r, active=True)).inserted_primary_key[0]
                c.execute(target_changes.insert().values(target_id=tid, changed_at=now(), changed_by="system",
                                                         action="seed", before=None,
                                                         after=json.dumps(r, ensure_ascii=False)))
        return True
    except sa.exc.IntegrityError:
        return False
