"""The shipped deployment under load: nginx (deploy/nginx/papi.conf) in front
of three app servers (deploy/start-servers) on one fresh PostgreSQL database,
with many real Chromium sessions through nginx.

Writes go through the store API against the same database URL, as another
server's page would make them; every check of what a session sees is made in
its browser, after a rerun of its page.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import time

import pandas as pd
import pytest

from tests.conftest import ROOT
from tests.deploy.cluster import cluster, settle
from tests.e2e.browser import assert_no_exception

pytestmark = pytest.mark.e2e

SESSIONS = int(os.environ.get("PAPI_DEPLOY_SESSIONS", "30"))
VIEW = "/profile?lang=en&year=2023&province=10"       # a deep link with charts
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def farm(db_url, tmp_path_factory):
    with cluster(db_url, tmp_path_factory.mktemp("cluster"), servers=3) as c:
        yield c


@pytest.fixture(scope="module")
def sessions(farm, browser):
    """SESSIONS browser contexts on VIEW through nginx: [(page, app server port)]."""
    out = []
    for _ in range(SESSIONS):
        ctx = browser.new_context(viewport={"width": 1200, "height": 900})
        pg = ctx.new_page()
        resp = pg.goto(farm.url + VIEW, wait_until="commit")
        out.append((pg, int(resp.headers["x-papi-server"].rsplit(":", 1)[1])))
    for pg, _ in out:
        settle(pg)
    yield out
    for pg, _ in out:
        pg.context.close()


def charts(page, n: int) -> None:
    """At least n charts drawn (they draw one after another)."""
    page.wait_for_function("n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n",
                           arg=n, timeout=60_000)


def rerun(page) -> None:
    """Run the page's script again in the same session: the user switches
    the language (vi <-> en). The new title can only come from the new run,
    whose sidebar (year list included) is drawn before it."""
    side = page.locator('[data-testid="stSidebar"]')
    title = page.locator("h1").first.inner_text()
    english = side.get_by_label("Language").count() > 0
    side.get_by_label("Language" if english else "Ngôn ngữ").click()
    page.get_by_role("option", name="Tiếng Việt" if english else "English").click()
    page.wait_for_function("t => document.querySelector('h1') && document.querySelector('h1').innerText !== t",
                           arg=title, timeout=90_000)
    settle(page)


def year_options(page) -> list[str]:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text=re.compile("^(Year|Năm)"))
    box.click()
    opts = page.locator('[role="option"]')
    opts.first.wait_for(timeout=10_000)
    texts = opts.all_inner_texts()
    page.keyboard.press("Escape")
    opts.first.wait_for(state="detached", timeout=10_000)
    return texts


def store(url: str):
    from papi_data.db.scores import Store
    return Store(url)


def import_2025(url: str) -> int:
    from papi_data import ingest
    from tests.unit import workbooks as W
    s = store(url)
    plan = ingest.prepare(W.indicator_rows(2025), "2025PAPI_ProvincialIndicators.xlsx", s, today=TODAY)
    bid = ingest.commit(plan, s, user="analyst")
    s.dispose()
    return bid


def test_every_server_holds_sessions(farm, sessions):
    by_server = pd.Series([p for _, p in sessions]).value_counts()
    assert set(by_server.index) == set(farm.ports), by_server.to_dict()
    for pg, _ in sessions:
        assert_no_exception(pg)
        charts(pg, 2)


def test_an_import_through_one_server_shows_on_every_server(farm, db_url, sessions):
    one = {}
    for pg, port in sessions:
        one.setdefault(port, pg)
    for pg in one.values():
        assert "2025" not in year_options(pg)
    import_2025(db_url)
    for port, pg in one.items():
        rerun(pg)
        assert "2025" in year_options(pg), f"server {port} still shows the old year list"
        assert_no_exception(pg)


def _one_per_server(sessions) -> dict:
    one = {}
    for pg, port in sessions:
        one.setdefault(port, pg)
    return one


def _no_targets_province(url: str) -> int:
    from papi_data.db import targets as target_store
    s = store(url)
    have = set(target_store.load(s, year=2023).province_code)
    codes = sorted(set(s.scores().query("year == 2023").province_code) - have)
    s.dispose()
    return codes[0]


def test_targets_edited_on_one_server_show_on_the_others(farm, db_url, sessions):
    from papi_data.db import targets as target_store
    code = _no_targets_province(db_url)
    one = _one_per_server(sessions)
    for pg in one.values():
        pg.goto(f"{farm.url}/targets?lang=en&year=2023&province={code}")
        settle(pg)
        assert pg.get_by_text("No targets for").count() == 1
        assert pg.locator('[data-testid="stMetric"]').count() == 0
    s = store(db_url)
    before = target_store.load(s)
    row = {"id": None, "province_code": code, "year": 2023, "indicator": "TOTAL", "kind": "value", "value": 40.0,
           "plan_number": "12/KH-UBND", "plan_title": "Kế hoạch PAPI"}
    assert target_store.apply(s, before, pd.concat([before, pd.DataFrame([row])], ignore_index=True),
                              user="analyst")["added"] == 1
    s.dispose()
    for port, pg in one.items():
        rerun(pg)
        # The metrics come after the title in the same run; they may draw a moment later.
        try:
            pg.locator('[data-testid="stMetric"]').nth(2).wait_for(timeout=60_000)
        except Exception:
            pytest.fail(f"server {port} does not show the new target")
        assert pg.locator('[data-testid="stMetric"]').count() == 3
        assert_no_exception(pg)


WORKER = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from papi_data import ingest
from papi_data.db.scores import StaleData, Store
what, ready, go = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
s = Store({url!r})
if what == "rollback":
    bid = int(sys.argv[4])
else:
    plan = ingest.prepare(Path(what).read_bytes(), "2023PAPI_v2.xlsx", s)
    assert plan.ok
ready.write_text("ready")
while not go.exists():
    time.sleep(0.005)
try:
    s.rollback(bid, user="analyst") if what == "rollback" else ingest.commit(plan, s, user="analyst")
    print("ok")
except StaleData:
    print("stale")
"""


def test_an_import_and_a_rollback_at_once_end_in_one_clean_result(farm, db_url, sessions, tmp_path):
    """Server A commits a correction of 2023 while server B rolls back the
    2025 import: either order is clean, never a half of one."""
    from tests.unit import workbooks as W
    from papi_data.frame import KEY
    s = store(db_url)
    hist = s.history()
    bid = int(hist[(hist.kind == "import") & hist.active].id.iloc[-1])
    old = s.scores().query("year == 2023").set_index(KEY).value
    v0 = s.data_version()
    fixed = W.year_frame(2023).copy()
    for ind in ("D1.1", "D1", "TOTAL"):
        fixed.loc[fixed.indicator == ind, "value"] += 0.1
    xlsx = tmp_path / "fix.xlsx"
    xlsx.write_bytes(W.indicator_rows(2023, scores=fixed, ci=False))
    script = tmp_path / "worker.py"
    script.write_text(WORKER.format(root=str(ROOT), url=db_url))
    go = tmp_path / "go"
    jobs = {"import": [str(xlsx)], "rollback": ["rollback"]}
    procs = {n: subprocess.Popen([sys.executable, str(script), *a, str(tmp_path / n), str(go), str(bid)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n, a in jobs.items()}
    deadline = time.time() + 120
    while not all((tmp_path / n).exists() for n in jobs) and time.time() < deadline:
        time.sleep(0.02)
    go.write_text("go")
    out = {n: p.communicate(timeout=120) for n, p in procs.items()}
    assert all(p.returncode == 0 for p in procs.values()), {n: o[1][-2000:] for n, o in out.items()}
    res = {n: o[0].strip() for n, o in out.items()}
    assert res["rollback"] == "ok" and res["import"] in ("ok", "stale"), res
    cur = s.scores()
    assert cur.query("year == 2025").empty                      # the rollback took whole
    now = cur.query("year == 2023").set_index(KEY).value
    exp = fixed.set_index(KEY).value if res["import"] == "ok" else old
    assert len(now) == len(exp) and ((now - exp.reindex(now.index)).abs() < 1e-9).all()
    hist = s.history()
    assert (hist.file_name == "2023PAPI_v2.xlsx").sum() == (res["import"] == "ok")
    assert not hist.set_index("id").loc[bid, "active"]
    assert s.data_version() == v0 + 1 + (res["import"] == "ok")
    s.dispose()
    for port, pg in _one_per_server(sessions).items():
        rerun(pg)
        assert "2025" not in year_options(pg), f"server {port} still offers the rolled-back year"


def test_a_killed_server_costs_its_sessions_only_a_reconnect(farm, sessions):
    for pg, _ in sessions:
        if "/profile" not in pg.url:
            pg.goto(farm.url + VIEW)
    for pg, _ in sessions:
        settle(pg)
    victim = pd.Series([p for _, p in sessions]).value_counts().index[0]
    mine = [pg for pg, p in sessions if p == victim]
    titles = {id(pg): pg.locator("h1").first.inner_text() for pg in mine}
    urls = {id(pg): pg.url for pg in mine}           # the view, as the page keeps it in its address
    opened = {id(pg): [] for pg in mine}
    for pg in mine:
        pg.on("websocket", lambda ws, k=id(pg): opened[k].append(ws.url))
    farm.kill(victim)
    deadline = time.time() + 60
    # Each page notices the lost connection and opens a new one through nginx.
    while not all(opened.values()) and time.time() < deadline:
        mine[0].wait_for_timeout(250)
    assert all(opened.values()), "a page did not reconnect"
    for pg in mine:
        settle(pg, timeout=120_000)
        assert pg.url == urls[id(pg)]
        assert pg.locator("h1").first.inner_text() == titles[id(pg)]
        charts(pg, 2)
        assert_no_exception(pg)
        assert pg.get_by_text("Connection error").count() == 0
    # The first click after the reconnect counts: the language picked there
    # is not overwritten by the address (which still says English).
    first = mine[0]
    side = first.locator('[data-testid="stSidebar"]')
    side.get_by_label("Language").click()
    first.get_by_role("option", name="Tiếng Việt").click()
    first.wait_for_function("() => document.querySelector('[data-testid=\"stSidebar\"]')"
                            ".innerText.includes('Chế độ trình chiếu')", timeout=60_000)
    settle(first)
    assert "lang=vi" in first.url and first.locator("h1").first.inner_text().startswith("Lào Cai")
    assert_no_exception(first)
    titles[id(first)] = first.locator("h1").first.inner_text()
    # The same browser, reloading, is answered by another server with the same view.
    for pg in mine:
        resp = pg.reload()
        assert int(resp.headers["x-papi-server"].rsplit(":", 1)[1]) != victim
        settle(pg)
        charts(pg, 2)
        assert pg.locator("h1").first.inner_text() == titles[id(pg)]
        assert_no_exception(pg)
