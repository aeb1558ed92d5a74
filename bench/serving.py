"""Browser sessions held by 1 and by 3 app servers behind the shipped nginx
configuration, on one fresh PostgreSQL database.

For each server count: starts deploy/start-servers and nginx (tests/deploy/
cluster.py), opens S Chromium contexts at once through nginx on a page with
charts, and keeps them open. Reports sessions per server (nginx's
X-Papi-Server header), errors (error page or no chart within 120 s), time to
first chart (measured in the page from its navigation start: median and
p95) and each server's RSS once all sessions are held.

    PAPI_TEST_POSTGRES_URL=postgresql+psycopg://... \\
      .venv/bin/python bench/serving.py [--servers 1 3] [--sessions 30]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VIEW = "/profile?lang=en&year=2023&province=10"
# Time from navigation start to the first drawn chart, kept by the page itself.
FIRST_CHART = """
new MutationObserver((_, obs) => {
  if (document.querySelector('.js-plotly-plot .main-svg')) { window.__firstChart = performance.now(); obs.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))] if xs else float("nan")


def hold(url: str, sessions: int, measure) -> dict:
    """Open `sessions` contexts at once on url+VIEW; wait for their charts."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        pages, servers = [], []
        for _ in range(sessions):
            ctx = browser.new_context(viewport={"width": 1200, "height": 900})
            ctx.add_init_script(FIRST_CHART)
            pg = ctx.new_page()
            resp = pg.goto(url + VIEW, wait_until="commit")
            servers.append(resp.headers.get("x-papi-server", "?").rsplit(":", 1)[-1])
            pages.append(pg)
        times, errors = [], []
        deadline = time.time() + 120
        for pg in pages:
            try:
                pg.wait_for_function("() => window.__firstChart", timeout=max(1, deadline - time.time()) * 1000)
                if pg.query_selector('[data-testid="stException"]'):
                    errors.append("error page")
                times.append(pg.evaluate("() => window.__firstChart") / 1000)
            except Exception as e:   # no chart in time counts as an error; the run goes on
                errors.append(type(e).__name__)
        time.sleep(3)                # all sessions open and idle: the memory they hold
        held = measure()
        browser.close()
    return {"servers": servers, "times": times, "errors": errors, "held": held}


def run(base_url: str, n_servers: int, sessions: int) -> dict:
    import sqlalchemy as sa

    from tests.conftest import drop_database
    from tests.deploy.cluster import cluster
    name = f"papi_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        with cluster(base_url.rsplit("/", 1)[0] + f"/{name}", Path(tempfile.mkdtemp(prefix="papi-serving-")),
                     servers=n_servers) as c:
            idle = {p: rss_mb(c.pid(p)) for p in c.ports}
            out = hold(c.url, sessions, lambda: {p: rss_mb(c.pid(p)) for p in c.ports})
            out["rss"] = {p: (idle[p], out["held"][p]) for p in c.ports}
            out["ports"] = c.ports
    finally:
        drop_database(admin, name)
        admin.dispose()
    return out


def main() -> None:
    from tests.conftest import _postgres_url
    ap = argparse.ArgumentParser()
    ap.add_argument("--servers", type=int, nargs="+", default=[1, 3])
    ap.add_argument("--sessions", type=int, default=30)
    a = ap.parse_args()
    base = _postgres_url()
    if not base:
        sys.exit("set PAPI_TEST_POSTGRES_URL to a PostgreSQL server this user may create databases on")
    for n in a.servers:
        r = run(base, n, a.sessions)
        per = {str(p): r["servers"].count(str(p)) for p in r["ports"]}
        t = r["times"]
        print(f"{n} server(s), {a.sessions} sessions: per server {list(per.values())}, {len(r['errors'])} errors; "
              f"first chart median {statistics.median(t) if t else float('nan'):.1f} s, p95 {p95(t):.1f} s; "
              "RSS per server idle -> held: "
              + ", ".join(f"{i:.0f} -> {h:.0f} MB" for i, h in r["rss"].values()))
        for e in r["errors"][:5]:
            print("   error:", e)


if __name__ == "__main__":
    main()
