"""Crash safety: the import process is killed (SIGKILL) at random moments,
many times. Afterwards the store passes `python -m papi_data check` and holds
either the old or the new data for the imported year, never a mix.

PAPI_CRASH_RUNS sets the number of kills (CI: the default; `make reliability`
runs more).
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time


from papi_data import consistency
from papi_data.frame import KEY
from papi_data.db.scores import Store
from tests.conftest import ROOT
from tests.unit import workbooks as W

RUNS = int(os.environ.get("PAPI_CRASH_RUNS", "12"))


def _import_cmd(path):
    return [sys.executable, "-m", "papi_data", "import", str(path), "--user", "crash-test"]


def test_sigkill_during_import_leaves_old_or_new(tmp_path):
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    env = {**os.environ, "PAPI_DATABASE_URL": url}
    Store(url).dispose()                                       # seeded before the first kill
    wb = tmp_path / "2025PAPI_ProvincialIndicators.xlsx"
    wb.write_bytes(W.indicator_rows(2025))
    new = W.merged_2025().set_index(KEY)["value"]

    # How long a whole import takes here, and its write transaction (from the
    # marker the store writes once it holds the write lock to the exit), to
    # aim half of the kills inside the transaction.
    marker = tmp_path / "writing"
    env["PAPI_WRITE_MARKER"] = str(marker)
    t = time.time()
    subprocess.run(_import_cmd(wb), cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    end = time.time()
    full = end - t
    write = max(end - float(marker.read_text()), 0.02)
    marker.unlink()
    s = Store(url)
    s.rollback(int(s.history().id.max()), user="crash-test")
    s.dispose()

    rng = random.Random(20261122)
    outcomes = {"old": 0, "new": 0}
    in_write = 0
    for i in range(RUNS):
        proc = subprocess.Popen(_import_cmd(wb), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        if i % 2:                                               # anywhere in the run
            time.sleep(rng.uniform(0.05, full * 1.1))
        else:                                                   # inside the write transaction
            while not marker.exists() and proc.poll() is None:
                time.sleep(0.002)
            time.sleep(rng.uniform(0, write * 0.8))
        in_write += marker.exists() and proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        marker.unlink(missing_ok=True)

        s = Store(url)
        cur = s.scores()
        year = cur[cur.year == 2025].set_index(KEY)["value"]
        assert consistency.problems(cur) == [], f"kill {i}: store inconsistent"
        if year.empty:
            outcomes["old"] += 1
        else:                                                   # all of the new year, exactly
            assert len(year) == len(new) and ((year - new.loc[year.index]).abs() < 1e-12).all(), f"kill {i}: mix"
            h = s.history()
            last = h[h.active].iloc[-1]
            assert last.rows_written == len(s.batch_rows(int(last.id)))
            outcomes["new"] += 1
            s.rollback(int(last.id), user="crash-test")         # start the next round from the old data
        s.dispose()

    r = subprocess.run([sys.executable, "-m", "papi_data", "check"], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    print(f"{RUNS} kills over a {full:.2f} s import ({write:.2f} s writing), {in_write} inside the write "
          f"transaction: {outcomes}")
    assert outcomes["old"] + outcomes["new"] == RUNS
    assert in_write >= RUNS // 4, in_write                     # the aimed kills did land while writing
