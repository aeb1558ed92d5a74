"""Time to load the whole PAPI history from the store, cold and warm.

Cold: a new process opens an already-seeded database and reads every current
score (imports included). Warm: the same Store asked again (one small query
for the data version, then the memoised frame). Also the enrichment (ranks,
tiers, changes) that every page uses.

    .venv/bin/python bench/load_history.py
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = """
import sys, time, json
sys.path.insert(0, %r)
t0 = time.perf_counter()
from papi_data.db.scores import Store
from papi_data import analytics
t1 = time.perf_counter()
s = Store(%r)
t2 = time.perf_counter()
df = s.scores()
t3 = time.perf_counter()
warm = []
for _ in range(200):
    a = time.perf_counter(); s.scores(); warm.append(time.perf_counter() - a)
a = time.perf_counter(); analytics.enrich(df); t4 = time.perf_counter() - a
print(json.dumps({"import": t1 - t0, "open": t2 - t1, "cold_read": t3 - t2, "rows": len(df),
                  "warm_median": sorted(warm)[100], "warm_max": max(warm), "enrich": t4}))
"""


def main() -> None:
    db = Path(tempfile.mkdtemp()) / "bench.db"
    url = f"sqlite:///{db}"
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
                    f"from papi_data.db.scores import Store; Store({url!r})"], check=True)
    seed = time.perf_counter() - t
    runs = [json.loads(subprocess.run([sys.executable, "-c", CHILD % (str(ROOT), url)], check=True,
                                      capture_output=True, text=True).stdout) for _ in range(5)]
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"first start (create schema + seed {med['rows']} rows, incl. interpreter): {seed:.2f} s")
    print(f"cold: open store {med['open']*1000:.0f} ms + read whole history {med['cold_read']*1000:.0f} ms "
          f"= {(med['open'] + med['cold_read'])*1000:.0f} ms (median of 5 processes; Python imports "
          f"{med['import']*1000:.0f} ms not included)")
    print(f"warm: median {med['warm_median']*1000:.3f} ms, max {med['warm_max']*1000:.3f} ms (200 calls)")
    print(f"enrich (ranks, tiers, changes over all rows): {med['enrich']*1000:.0f} ms")


if __name__ == "__main__":
    main()
