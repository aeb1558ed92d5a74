"""Server memory under concurrent browser sessions.

Starts `streamlit run dashboard.py` on its own database, opens N real
Chromium contexts (Debian's chromium via Playwright) that click through every
page for D seconds, and samples the server's RSS every second. Prints RSS
with 1 and with N sessions and the slope over the second half of the run
(flat = no growth without bound).

    .venv/bin/python bench/sessions.py [--sessions 20] [--seconds 120]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def page_paths() -> list[str]:
    import ast
    tree = ast.parse((ROOT / "dashboard.py").read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PAGES":
            return [elt.elts[1].value for elt in node.value.elts]
    return ["home"]


def run(sessions: int, seconds: int) -> dict:
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, serve

    with serve() as base:
        return _drive(base, sessions, seconds, sync_playwright, CHROMIUM, CHROMIUM_ARGS)


def _drive(base: str, sessions: int, seconds: int, sync_playwright, CHROMIUM, CHROMIUM_ARGS) -> dict:
    pid = base.pid
    paths = page_paths()
    samples: list[tuple[float, float]] = []
    errors: list[str] = []
    stop = time.time() + seconds
    loads = [0]

    def sampler():
        t0 = time.time()
        while time.time() < stop:
            samples.append((time.time() - t0, rss_mb(pid)))
            time.sleep(1)

    th = threading.Thread(target=sampler)
    th.start()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        pages = [browser.new_context(viewport={"width": 1200, "height": 900}).new_page() for _ in range(sessions)]
        i = 0
        while time.time() < stop:
            # Round-robin: each session moves to its next page, then all wait for their runs to end.
            for k, pg in enumerate(pages):
                pg.goto(f"{base}/{paths[(i + k) % len(paths)]}", wait_until="commit")
            for pg in pages:
                try:
                    pg.wait_for_selector('[data-testid="stApp"]', timeout=60_000)
                    pg.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                                         timeout=60_000)
                    if pg.query_selector('[data-testid="stException"]'):
                        errors.append(pg.url)
                    loads[0] += 1
                except Exception as e:  # a timeout counts as an error, the run goes on
                    errors.append(f"{pg.url}: {type(e).__name__}")
            i += 1
        browser.close()
    th.join()
    rss = [r for _, r in samples]
    half = samples[len(samples) // 2:]
    slope = 0.0
    if len(half) > 2:
        xs, ys = [t for t, _ in half], [r for _, r in half]
        mx, my = statistics.mean(xs), statistics.mean(ys)
        slope = sum((x - mx) * (y - my) for x, y in half) / max(sum((x - mx) ** 2 for x in xs), 1e-9)
    return {"sessions": sessions, "seconds": seconds, "page_loads": loads[0], "errors": errors,
            "rss_start": rss[0] if rss else 0, "rss_max": max(rss, default=0), "rss_end": rss[-1] if rss else 0,
            "slope_mb_per_min": slope * 60}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, nargs="+", default=[1, 20])
    ap.add_argument("--seconds", type=int, default=120)
    a = ap.parse_args()
    for n in a.sessions:
        r = run(n, a.seconds)
        print(f"{n:>2} sessions, {r['seconds']} s: {r['page_loads']} page loads, {len(r['errors'])} errors; "
              f"server RSS start {r['rss_start']:.0f} MB, max {r['rss_max']:.0f} MB, end {r['rss_end']:.0f} MB; "
              f"second-half slope {r['slope_mb_per_min']:+.1f} MB/min")
        for e in r["errors"][:5]:
            print("   error:", e)


if __name__ == "__main__":
    main()
