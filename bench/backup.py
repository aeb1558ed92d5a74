"""Backup and restore: seconds, file size, peak memory.

    .venv/bin/python bench/backup.py [--batches N] [--url URL_OF_AN_EMPTY_TARGET_DATABASE]

The source is a new SQLite store seeded with the shipped history and targets.
With --batches N it also holds N synthetic import batches, as years of
re-imports leave them: each a copy of every shipped score under a batch of its
own (superseded, so the current view is unchanged) with a 600 KB raw file,
written straight into the tables. The target is a new SQLite store unless
--url names an empty database (it is emptied again between the two runs).

Each step runs twice: once for its time, once under tracemalloc for the peak
of Python's allocations (tracemalloc slows it).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy as sa  # noqa: E402

from papi_data.db import backup as B  # noqa: E402
from papi_data.db.common import now  # noqa: E402
from papi_data.db.schema import batches, scores  # noqa: E402
from papi_data.db.scores import Store  # noqa: E402


def _timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def _traced(fn) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def add_batches(store: Store, n: int) -> None:
    """N superseded import batches, each a copy of every current score."""
    cols = [c.name for c in scores.columns if c.name != "batch_id"]
    with store.engine.begin() as c:
        ids = [r[0] for r in c.execute(sa.select(batches.c.id))]
        for i in range(n):
            bid = c.execute(batches.insert().values(
                kind="import", created_at=now(), created_by="bench", file_name=f"synthetic-{i}.xlsx",
                file_hash=f"{i:064x}", raw=os.urandom(600_000), rows_written=0, active=False)).inserted_primary_key[0]
            src = sa.select(sa.literal(bid), *[scores.c[k] for k in cols]).where(scores.c.batch_id.in_(ids))
            c.execute(scores.insert().from_select(["batch_id", *cols], src))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", help="an empty target database (default: a new SQLite file)")
    ap.add_argument("--batches", type=int, default=0, help="synthetic import batches added to the source")
    a = ap.parse_args()
    d = Path(tempfile.mkdtemp())
    src = Store(f"sqlite:///{d / 'src.db'}")
    add_batches(src, a.batches)
    path = d / "store.zip"
    m, bs = _timed(lambda: B.backup(src, path))
    bmem = _traced(lambda: B.backup(src, d / "again.zip"))
    dst = Store(a.url or f"sqlite:///{d / 'dst.db'}", seed=False)
    _, rs = _timed(lambda: B.restore(dst, path))
    rmem = _traced(lambda: B.restore(dst, path, force=True))
    rows = sum(t["rows"] for t in m["tables"].values())
    print(f"tables {len(m['tables'])}, rows {rows}, file {path.stat().st_size / 2**20:.1f} MiB")
    print(f"backup  {bs:.2f} s, peak Python memory {bmem:.1f} MiB")
    print(f"restore {rs:.2f} s, peak Python memory {rmem:.1f} MiB ({dst.engine.dialect.name})")
    dst.dispose(), src.dispose()


if __name__ == "__main__":
    main()
