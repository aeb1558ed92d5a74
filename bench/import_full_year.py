"""Import time of one full-year workbook in the 2018-on layout: 63 provinces,
every indicator with five statistic rows (unweighted, weighted, 95% CI
low/high, standard error) and the percent rows, ~90 KB — what an analyst
uploads each spring. Read + validate + preview (`prepare`), then the commit
(one transaction), on SQLite and, when PAPI_TEST_POSTGRES_URL is set, on
PostgreSQL. Median of 5 runs; each commit is rolled back before the next.

    .venv/bin/python bench/import_full_year.py
"""
from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from papi_data import ingest  # noqa: E402
from papi_data.db.scores import Store  # noqa: E402
from tests.unit import workbooks as W  # noqa: E402

TODAY = dt.date(2026, 11, 22)
RUNS = 5


def measure(store: Store, raw: bytes, name: str) -> tuple[float, float, int]:
    prep, comm, n = [], [], 0
    for _ in range(RUNS):
        t = time.perf_counter()
        plan = ingest.prepare(raw, name, store, today=TODAY)
        prep.append(time.perf_counter() - t)
        assert plan.ok, [i.message("en") for i in plan.errors[:3]]
        n = len(plan.parsed.frame)
        t = time.perf_counter()
        bid = ingest.commit(plan, store, user="bench")
        comm.append(time.perf_counter() - t)
        store.rollback(bid, user="bench")
    return statistics.median(prep), statistics.median(comm), n


def main() -> None:
    raw = W.indicator_rows(2023)  # the 2023 release with CI and SE; 2023 is re-imported (new CI/SE)
    stores = [("SQLite", Store(f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"), None)]
    base = os.environ.get("PAPI_TEST_POSTGRES_URL")
    if base:
        import sqlalchemy as sa
        db = f"papi_bench_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(sa.text(f'CREATE DATABASE "{db}"'))
        stores.append(("PostgreSQL", Store(base.rsplit("/", 1)[0] + f"/{db}"), (admin, db)))
    print(f"workbook: {len(raw):,} bytes")
    for label, store, cleanup in stores:
        p, c, n = measure(store, raw, "2023PAPI_ProvincialIndicators.xlsx")
        print(f"{label:11} {n} values: prepare {p * 1000:.0f} ms + commit {c * 1000:.0f} ms = {(p + c) * 1000:.0f} ms")
        store.dispose()
        if cleanup:
            admin, db = cleanup
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
