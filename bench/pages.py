"""Speed of the overview, profile and compare pages against bare baselines.

1. Warm rerun (AppTest): each page run once, then rerun R times; the median
   is compared with a bare script that draws the SAME figures (same builders,
   same inputs) from frames precomputed outside the timed loop. The ratio is
   what the page adds on top of drawing its charts: router, sidebar, widgets,
   data shaping, tables. Target: at most 1.5x.
2. Navigation to first chart (headless Chromium): time from page.goto() until
   the first plotly chart is drawn (checked every animation frame), for each page and for a one-chart bare
   Streamlit page served by a second server in the same run. "cold" = the
   first visit to a freshly started server (empty caches, first imports);
   "warm" = later visits from new browser contexts (new sessions, server
   caches filled, but the browser fetches all of Streamlit's front-end code
   again, as a first-time visitor does); "returning" = later visits from one
   browser profile per target that has been there before (Streamlit's
   front-end files are immutable and come from the browser cache, as for a
   leader who opened the dashboard yesterday). Every target has its own
   freshly started server, and the visits alternate between targets.
   Target: at most 1.3x the bare page.
3. Model and views (no Streamlit): each screen's model built from the
   frames (once per data version, the same in every language) and its view
   drawn in Vietnamese and in English (once per language): what a first
   visitor's run and a switch of language cost on the server.

    .venv/bin/python bench/pages.py [--reruns 15] [--visits 7] [--no-browser] [--no-apptest]
"""
from __future__ import annotations

import argparse
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TMP = Path(tempfile.mkdtemp(prefix="papi-bench-pages-"))
os.environ.setdefault("PAPI_DATABASE_URL", f"sqlite:///{TMP / 'bench.db'}")


def screens():
    """page -> the screen query measured (a typical leader's view): the
    query the page builds from its URL, so the bench, the page and the
    server's warm-up share ui.data.screen's cache."""
    from papi_data.screens import compare, overview, profile
    return {"overview": overview.Query(2023, "TOTAL", 10),
            "profile": profile.Query(10, 2023, "TOTAL"),
            "compare": compare.Query((10, 15, 19), 2023, "TOTAL")}


LANG = "vi"   # the language the pages are measured in


def url(query) -> dict[str, str]:
    """The query string that opens a page on `query`."""
    out = {"lang": LANG, "year": str(query.year), "indicator": query.indicator}
    code = getattr(query, "code", None) or getattr(query, "province", None) or query.codes[0]
    out["province"] = str(code)
    if getattr(query, "codes", None):
        out["provinces"] = ",".join(map(str, query.codes))
    return out


VIEWS = {page: url(q) for page, q in screens().items()}

BARE_ONE_CHART = '''
import plotly.graph_objects as go
import streamlit as st
st.title("Bare page")
st.plotly_chart(go.Figure(go.Bar(x=[1, 2, 3], y=["a", "b", "c"], orientation="h")), width="stretch")
'''

BARE_FIGURES = '''
import pickle
import streamlit as st
from papi_data import figures
from ui.charts import PLOTLY_CONFIG

@st.cache_resource
def calls():
    with open({path!r}, "rb") as f:
        return pickle.load(f)

for i, (fn, args, kw) in enumerate(calls()):
    st.plotly_chart(getattr(figures, fn)(*args, **kw), key=f"c{{i}}", config=PLOTLY_CONFIG, width="stretch")
'''


def figure_calls(page: str) -> list[tuple[str, tuple, dict]]:
    """The figure-builder calls a page makes for its view, with their inputs
    computed here (outside any timed code)."""
    from papi_data import analytics, codebook, explore, provinces
    from papi_data.i18n import t
    from papi_data.db.scores import get_store

    q = screens()[page]
    lang, year, code, ind = LANG, q.year, int(VIEWS[page]["province"]), q.indicator
    scores = get_store().scores()
    enriched, stats = analytics.enrich(scores), analytics.national_stats(scores)
    years = sorted(int(y) for y in enriched["year"].unique())
    names = provinces.names(year, lang)
    if page == "overview":
        ranked = analytics.ranking(enriched, year, ind)
        label = codebook.short_name(ind, lang)
        return [("ranking_bar", (ranked, lang, t("ranking_title", lang, indicator=label, year=year)),
                 {"highlight": code, "names": names}),
                ("tile_map", (ranked, year, lang, t("map_title", lang, indicator=label, year=year)), {"highlight": code}),
                ("dimension_spread", (enriched[enriched["year"] == year], year, lang, "spread"), {"highlight": code})]
    if page == "profile":
        dims = codebook.indicators(year, "dimension")
        return [("trend", (explore.histories(enriched, code, year, ind, lang), stats, ind, lang, "trend", years), {}),
                ("radar", (explore.radar_profiles(enriched, stats, code, year, lang), lang, "radar"), {}),
                ("small_multiples", ({d: explore.histories(enriched, code, year, d, lang) for d in dims},
                                     stats, lang, "dims", years), {})]
    picked = list(q.codes)
    series = {}
    for c in picked:
        series.update(explore.histories(enriched, c, year, ind, lang))
    profiles = {names[c]: explore.dimension_profile(enriched, c, year) for c in picked}
    from papi_data.screens.compare import year_values
    values = year_values(enriched, {names[c]: c for c in picked}, year, ind)
    return [("trend", (series, stats, ind, lang, "trend", years), {}),
            ("radar", (profiles, lang, "radar"), {}),
            ("value_bars", (values, lang, "bars"), {})]


def median_runs(at, reruns: int) -> float:
    times = []
    for _ in range(reruns):
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
        assert not at.exception, [e.message for e in at.exception]
    return statistics.median(times)


def apptest(reruns: int) -> dict[str, dict]:
    from streamlit.testing.v1 import AppTest

    from ui import data

    out = {}
    for page, params in VIEWS.items():
        data.screen(screens()[page], LANG)      # built here, drawn from the same cache entry by the page
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        for k, val in params.items():
            at.query_params[k] = val
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, [e.message for e in at.exception]
        n_page = len(at.get("plotly_chart"))
        page_s = median_runs(at, reruns)

        calls = TMP / f"{page}.pkl"
        calls.write_bytes(pickle.dumps(figure_calls(page)))
        script = TMP / f"bare_{page}.py"
        script.write_text(BARE_FIGURES.format(path=str(calls)))
        bare = AppTest.from_file(str(script), default_timeout=120).run()
        assert not bare.exception, [e.message for e in bare.exception]
        assert len(bare.get("plotly_chart")) == n_page, (page, n_page)
        bare_s = median_runs(bare, reruns)
        out[page] = {"page_ms": page_s * 1000, "bare_ms": bare_s * 1000, "ratio": page_s / bare_s, "charts": n_page}
    return out


def start(script: str, db: Path) -> tuple[subprocess.Popen, str]:
    from tests.e2e.browser import _free_port

    port = _free_port()
    env = {**os.environ, "PAPI_DATABASE_URL": f"sqlite:///{db}"}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true",
                             "--browser.gatherUsageStats", "false"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/_stcore/health", timeout=1)
            return proc, base
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"{script} did not start")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


FIRST_CHART_VISIBLE = """() => {
    const svg = document.querySelector('.js-plotly-plot .main-svg');
    if (!svg) return false;
    const r = svg.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
}"""


def to_first_chart(browser, url: str, ctx=None) -> float:
    """Seconds from goto to the first plotly chart visible; in a new browser
    context, or in `ctx` (a profile that keeps its cache) when given."""
    own = ctx is None
    ctx = ctx or browser.new_context(viewport={"width": 1400, "height": 1000})
    page = ctx.new_page()
    try:
        t0 = time.perf_counter()
        page.goto(url)
        try:
            # Checked on every animation frame: Playwright's own wait_for_selector
            # polls ever more slowly (up to every 500 ms), which rounded the
            # times of earlier runs up by as much as half a second.
            page.wait_for_function(FIRST_CHART_VISIBLE, polling="raf", timeout=120_000)
        except Exception as e:
            raise RuntimeError(f"no chart on {url}: {page.locator('body').inner_text()[:500]!r}") from e
        dt = time.perf_counter() - t0
        if page.locator('[data-testid="stException"]').count():
            raise RuntimeError(f"exception on {url}")
        return dt
    finally:
        page.close()
        if own:
            ctx.close()


def browser_times(visits: int) -> dict[str, dict]:
    """One fresh server per target, all started together; cold visits first,
    then `visits` rounds that visit every target in turn, so a change in the
    machine's load during the run falls on the bare page and the pages alike."""
    from urllib.parse import urlencode

    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS

    bare_script = TMP / "bare_one_chart.py"
    bare_script.write_text(BARE_ONE_CHART)
    db = TMP / "browser.db"
    targets = {"bare": (str(bare_script), "")}
    targets.update({p: ("dashboard.py", f"{p}?{urlencode(q)}") for p, q in VIEWS.items()})
    out: dict[str, dict] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        # Seed the database once so no cold visit pays for creating it.
        proc, base = start("dashboard.py", db)
        to_first_chart(browser, f"{base}/overview")
        stop(proc)
        servers = {name: start(script, db) for name, (script, _) in targets.items()}
        try:
            urls = {name: f"{servers[name][1]}/{path}" for name, (_, path) in targets.items()}
            profiles = {name: browser.new_context(viewport={"width": 1400, "height": 1000}) for name in urls}
            for name, url in urls.items():
                out[name] = {"cold_s": to_first_chart(browser, url, profiles[name]), "warm": [], "returning": []}
            for _ in range(visits):
                for name, url in urls.items():
                    out[name]["warm"].append(to_first_chart(browser, url))
                    out[name]["returning"].append(to_first_chart(browser, url, profiles[name]))
            for ctx in profiles.values():
                ctx.close()
        finally:
            for proc, _ in servers.values():
                stop(proc)
        browser.close()
    for name, r in out.items():
        warm = r.pop("warm")
        r["warm_s"], r["warm_min_s"] = statistics.median(warm), min(warm)
        r["returning_s"] = statistics.median(r.pop("returning"))
    for name in VIEWS:
        for k in ("cold", "warm", "warm_min", "returning"):
            out[name][f"{k}_ratio"] = out[name][f"{k}_s"] / out["bare"][f"{k}_s"]
    return out


def models_and_views(runs: int) -> dict[str, dict]:
    """page -> median ms to build its model and to draw it in each language."""
    from papi_data import analytics, screens as screen_models
    from papi_data.db import groups, targets
    from papi_data.db.scores import get_store

    store = get_store()
    scores = store.scores()
    frames = screen_models.Frames(analytics.enrich(scores, groups.load(store)), analytics.national_stats(scores),
                                  targets.load(store))
    queries = {**screens(), "targets": screen_models.targets.Query(10, 2019)}
    out = {}
    for page, q in queries.items():
        def timed(fn) -> float:
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                fn()
                times.append((time.perf_counter() - t0) * 1000)
            return statistics.median(times)
        model = screen_models.build(q, frames)
        out[page] = {"build_ms": timed(lambda: screen_models.build(q, frames)),
                     "vi_ms": timed(lambda: screen_models.draw(model, "vi")),
                     "en_ms": timed(lambda: screen_models.draw(model, "en"))}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reruns", type=int, default=15)
    ap.add_argument("--visits", type=int, default=7)
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--no-apptest", action="store_true")
    a = ap.parse_args()
    print(f"model (language-free) and its views, median of {a.reruns}")
    print(f"{'page':10} {'build ms':>9} {'draw vi ms':>11} {'draw en ms':>11}")
    for page, r in models_and_views(a.reruns).items():
        print(f"{page:10} {r['build_ms']:>9.1f} {r['vi_ms']:>11.1f} {r['en_ms']:>11.1f}")
    print()
    if not a.no_apptest:
        print(f"warm rerun, AppTest, median of {a.reruns} (target ratio <= 1.5)")
        print(f"{'page':10} {'charts':>6} {'page ms':>9} {'bare ms':>9} {'ratio':>6}")
        for page, r in apptest(a.reruns).items():
            print(f"{page:10} {r['charts']:>6} {r['page_ms']:>9.0f} {r['bare_ms']:>9.0f} {r['ratio']:>6.2f}")
    if not a.no_browser:
        print(f"\nnavigation to first chart visible, headless Chromium; warm = median of {a.visits} "
              "(target ratio <= 1.3)")
        res = browser_times(a.visits)
        print(f"{'page':10} {'cold s':>7} {'ratio':>6} {'warm s':>7} {'ratio':>6} {'warm min':>9} {'ratio':>6}"
              f" {'returning':>10} {'ratio':>6}")
        for name, r in res.items():
            print(f"{name:10} {r['cold_s']:>7.2f} {r.get('cold_ratio', 1):>6.2f} {r['warm_s']:>7.2f} "
                  f"{r.get('warm_ratio', 1):>6.2f} {r['warm_min_s']:>9.2f} {r.get('warm_min_ratio', 1):>6.2f}"
                  f" {r['returning_s']:>10.2f} {r.get('returning_ratio', 1):>6.2f}")


if __name__ == "__main__":
    main()
