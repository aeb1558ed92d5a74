"""Hostile and heavy files: how long each takes to be answered and how much
memory it costs, on the command line and through a served data page, and
how long another session waits for its first chart meanwhile.

1. CLI: `python -m papi_data import FILE --dry-run` per file, in a process
   of its own: wall time and peak RSS (ru_maxrss of that process).
2. Page (with --browser): a served dashboard; session A signs in and uploads
   the file; at once session B opens the profile page and its time to the
   first chart is taken; then A's answer is awaited. The server's RSS and
   that of its reader processes are sampled every 50 ms (peak reported).
   B's first chart with no upload running is the baseline.

    .venv/bin/python bench/hostile_inputs.py [--browser] [--kinds bomb,far_cell]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TMP = Path(tempfile.mkdtemp(prefix="papi-bench-hostile-"))

LAUNCH = """
import resource, runpy, sys, time
sys.argv = ["papi_data"] + sys.argv[1:]
t = time.perf_counter()
try:
    runpy.run_module("papi_data", run_name="__main__")
except SystemExit:
    pass
finally:
    print(f"BENCH {time.perf_counter() - t:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}",
          file=sys.stderr)
"""


def files() -> dict[str, tuple[str, bytes]]:
    from tests.unit import hostile_files as H, workbooks as W
    return {
        "honest: 2018-2024 workbook, 7 sheets": ("PAPI2018-2024.xlsx", W.indicator_rows(list(range(2018, 2025)))),
        "honest: template CSV of every year": ("papi_all.csv", W.template_csv(W.template_frame(W.shipped()))),
        "zip bomb (1 MB -> 1 GB)": ("bomb.xlsx", H.bomb(1024)),
        "one cell at XFD1048576 (5 KB)": ("far.xlsx", H.far_cell()),
        "declared extent A1:XFD1048576": ("declared.xlsx", H.declared_huge()),
        "3,000 rows to column XFD": ("wide.xlsx", H.wide_rows()),
        "100 MB of cell text": ("text.xlsx", H.long_text(100)),
        "XML entities (billion laughs)": ("lol.xlsx", H.entities()),
        "macro workbook": ("macro.xlsm", H.macro()),
        "CSV: 10 MB on one line": ("line.csv", H.one_line_csv(10)),
        "CSV: 900,000 duplicate rows": ("dups.csv", H.template_csv_rows(900_000)),
        "CSV: 600,000 unknown provinces": ("unknown.csv", H.template_csv_rows(600_000, unknown=True)),
        "CSV: 20,000 extra columns": ("cols.csv", H.wide_csv()),
    }


def cli(path: Path, db: str) -> dict:
    env = {**os.environ, "PAPI_DATABASE_URL": db}
    r = subprocess.run([sys.executable, "-c", LAUNCH, "import", str(path), "--dry-run", "--format", "json"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    secs, mb = r.stderr.strip().splitlines()[-1].split()[1:]
    rep = json.loads(r.stdout)
    first = (rep["errors"] or [{}])[0]
    return {"s": float(secs), "mb": float(mb), "values": rep["values"],
            "answer": first.get("code", "ok"), "message": first.get("message", "")[:90]}


def _rss_tree(pid: int) -> tuple[float, float]:
    """(server RSS, largest descendant RSS) in MB, from /proc."""
    def rss(p):
        try:
            for line in open(f"/proc/{p}/status"):
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0
    kids, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                for c in open(f"/proc/{p}/task/{t}/children").read().split():
                    kids.append(int(c))
                    todo.append(int(c))
        except OSError:
            pass
    return rss(pid), max((rss(k) for k in kids), default=0.0)


def page_runs(kinds: dict) -> dict:
    from playwright.sync_api import sync_playwright

    from bench.pages import to_first_chart
    from papi_data import passwords
    from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, serve
    pw = "bench-analyst-password"
    out = {}
    db = f"sqlite:///{TMP / 'page.db'}"
    with serve(env={"PAPI_ANALYST_PASSWORD_HASH": passwords.hash_password(pw)}, db_url=db) as url, \
            sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        chart = f"{url}/profile?lang=vi&year=2023&province=10"
        to_first_chart(b, chart)                                     # warm the server
        base = sorted(to_first_chart(b, chart) for _ in range(3))[1]
        out["(no upload: baseline)"] = {"chart_s": base}
        for label, (name, raw) in kinds.items():
            f = TMP / name
            f.write_bytes(raw)
            ctx = b.new_context()
            a = ctx.new_page()
            a.goto(url + "/data?lang=en")
            a.get_by_label("Your name (recorded in the import history)").fill("bench")
            a.get_by_label("Analyst password").fill(pw)
            a.get_by_role("button", name="Sign in").click()
            a.locator('input[type="file"]').wait_for(state="attached", timeout=60_000)
            peak = [0.0, 0.0]
            stop = threading.Event()

            def sample():
                while not stop.is_set():
                    s, k = _rss_tree(url.pid)
                    peak[0], peak[1] = max(peak[0], s), max(peak[1], k)
                    time.sleep(0.05)
            th = threading.Thread(target=sample, daemon=True)
            th.start()
            t0 = time.perf_counter()
            a.locator('input[type="file"]').set_input_files(str(f))
            other = to_first_chart(b, chart)
            a.wait_for_function("() => { const t = document.body.innerText;"
                                " return t.includes('Preview of the changes') || t.includes('error(s); nothing')"
                                " || t.includes('The file changes nothing'); }", timeout=300_000)
            answer = time.perf_counter() - t0
            stop.set()
            th.join()
            out[label] = {"answer_s": answer, "chart_s": other, "server_mb": peak[0], "reader_mb": peak[1]}
            ctx.close()
        b.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--browser", action="store_true", help="also through a served data page")
    ap.add_argument("--kinds", help="comma-separated substrings of the file labels to run")
    a = ap.parse_args()
    kinds = files()
    if a.kinds:
        kinds = {k: v for k, v in kinds.items() if any(s in k for s in a.kinds.split(","))}
    db = f"sqlite:///{TMP / 'cli.db'}"
    from papi_data.db.scores import Store
    Store(db).dispose()
    print("| file | size | CLI time | CLI peak RSS | answer |")
    print("| --- | --- | --- | --- | --- |")
    env = {**os.environ, "PAPI_DATABASE_URL": db}
    r = subprocess.run([sys.executable, "-c", LAUNCH, "history", "--format", "json"], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=600)
    secs, mb = r.stderr.strip().splitlines()[-1].split()[1:]
    print(f"| (baseline: `history`, no file) | – | {float(secs):.2f} s | {float(mb):.0f} MB | – |", flush=True)
    for label, (name, raw) in kinds.items():
        f = TMP / name
        f.write_bytes(raw)
        r = cli(f, db)
        ans = f"{r['values']} values read" if r["answer"] == "ok" else f"`{r['answer']}`: {r['message']}"
        print(f"| {label} | {len(raw) / 1048576:.2f} MB | {r['s']:.2f} s | {r['mb']:.0f} MB | {ans} |", flush=True)
    if a.browser:
        res = page_runs({k: v for k, v in kinds.items() if len(v[1]) <= 20 * 1048576})
        print("\n| file (page) | answered in | other session's first chart | server peak RSS | reader process peak |")
        print("| --- | --- | --- | --- | --- |")
        for label, r in res.items():
            if "answer_s" not in r:
                print(f"| {label} | – | {r['chart_s']:.2f} s | – | – |")
                continue
            print(f"| {label} | {r['answer_s']:.2f} s | {r['chart_s']:.2f} s | {r['server_mb']:.0f} MB "
                  f"| {r['reader_mb']:.0f} MB |", flush=True)


if __name__ == "__main__":
    main()
