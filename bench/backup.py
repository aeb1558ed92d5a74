"""Backup and restore of the shipped store: seconds, file size, peak memory.

    .venv/bin/python bench/backup.py [--url URL_OF_AN_EMPTY_TARGET_DATABASE]

The source is a new SQLite store seeded with the shipped history and targets;
the target is a new SQLite store unless --url names an empty database.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from papi_data.db import backup as B  # noqa: E402
from papi_data.db.scores import Store  # noqa: E402


def _measured(fn):
    tracemalloc.start()
    t0 = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return out, seconds, peak / 2**20


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", help="an empty target database (default: a new SQLite file)")
    a = ap.parse_args()
    d = Path(tempfile.mkdtemp())
    src = Store(f"sqlite:///{d / 'src.db'}")
    path = d / "store.zip"
    m, bs, bmem = _measured(lambda: B.backup(src, path))
    dst = Store(a.url or f"sqlite:///{d / 'dst.db'}", seed=False)
    r, rs, rmem = _measured(lambda: B.restore(dst, path))
    rows = sum(t["rows"] for t in m["tables"].values())
    print(f"tables {len(m['tables'])}, rows {rows}, file {path.stat().st_size / 2**10:.0f} KiB")
    print(f"backup  {bs:.2f} s, peak Python memory {bmem:.1f} MiB")
    print(f"restore {rs:.2f} s, peak Python memory {rmem:.1f} MiB ({dst.engine.dialect.name})")


if __name__ == "__main__":
    main()
