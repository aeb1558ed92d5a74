"""Import time of a full-year file in each published layout.

For each layout: read + validate + preview (`prepare`) and the commit, on a
seeded SQLite store; median of 3 runs (each new year rolled back after).

    .venv/bin/python bench/imports.py
"""
from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from papi_data import ingest  # noqa: E402
from papi_data.db.scores import Store  # noqa: E402
from tests.unit import papi_org_workbook as O  # noqa: E402
from tests.unit import workbooks as W  # noqa: E402

TODAY = dt.date(2026, 11, 22)


def cases():
    year_2016 = W.year_frame(2016)
    shifted = year_2016.assign(year=2017)   # an old-layout year with changed values
    return [
        ("2018+ layout, 34 provinces (2025)", "2025PAPI.xlsx", W.indicator_rows(2025)),
        ("2024 file with 34-province mapping rows (2024 re-read)", "2024PAPI.xlsx", W.indicator_rows(2024)),
        ("2011–2017 layout (2016 values as a 2017 file)", "2017PAPI.xlsx",
         W.province_rows(2017, scores=shifted)),
        ("template CSV (2025)", "papi.csv", W.template_csv(W.template_frame(W.merged_2025()))),
        ("template XLSX (2025)", "papi.xlsx", W.template_xlsx(W.template_frame(W.merged_2025()))),
        ("papi.org.vn download 2011–2016 (6 sheets, unchanged)", "PAPI_2011-2016.xlsx", O.workbook()),
        ("UTF-16 'Unicode Text' .txt (2025)", "papi.txt", b"\xff\xfe" + W.template_frame(W.merged_2025()).to_csv(
            index=False, sep="\t", lineterminator="\r\n").encode("utf-16-le")),
    ]


def main() -> None:
    store = Store(f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}")
    print(f"{'layout':58} {'bytes':>9} {'values':>7} {'prepare':>9} {'commit':>8} {'total':>8}")
    for label, name, raw in cases():
        prep, comm, n = [], [], 0
        for _ in range(3):
            t = time.perf_counter()
            plan = ingest.prepare(raw, name, store, today=TODAY)
            prep.append(time.perf_counter() - t)
            n = len(plan.parsed.frame)
            if plan.ok and plan.preview is not None and plan.preview.has_changes:
                t = time.perf_counter()
                bid = ingest.commit(plan, store, user="bench")
                comm.append(time.perf_counter() - t)
                store.rollback(bid, user="bench")
            elif not plan.ok:
                print(f"  {label}: {len(plan.errors)} errors, e.g. {plan.errors[0].message('en')}")
        p = statistics.median(prep)
        c = statistics.median(comm) if comm else 0.0
        print(f"{label:58} {len(raw):>9,} {n:>7} {p*1000:>7.0f}ms {c*1000:>6.0f}ms {(p+c)*1000:>6.0f}ms")


if __name__ == "__main__":
    main()
