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
import shutil
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import ROOT, _postgres_url, drop_database
from tests.deploy.cluster import NGINX, cluster
from tests.e2e.browser import assert_no_exception

pytestmark = pytest.mark.e2e

SESSIONS = int(os.environ.get("PAPI_DEPLOY_SESSIONS", "30"))
VIEW = "/profile?lang=en&year=2023&province=10"       # a deep link with charts
CHART = ".js-plotly-plot .main-svg"
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def db_url():
    """A new PostgreSQL database for the module, dropped afterwards."""
    base = _postgres_url()
    if not base:
        pytest.skip("PostgreSQL not configured: set PAPI_TEST_POSTGRES_URL (CI starts a server)")
    if not Path(NGINX).exists() and not shutil.which("nginx"):
        pytest.skip("nginx is not installed (apt-get install nginx); .ci/run installs it")
    import sqlalchemy as sa
    name = f"papi_deploy_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield base.rsplit("/", 1)[0] + f"/{name}"
    drop_database(admin, name)
    admin.dispose()


@pytest.fixture(scope="module")
def farm(db_url, tmp_path_factory):
    with cluster(db_url, tmp_path_factory.mktemp("cluster"), servers=3) as c:
        yield c


def settle(page, timeout: float = 90_000) -> None:
    """Wait until the page's run has ended and its charts are drawn."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_selector(CHART, timeout=timeout)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)


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


def rerun(page) -> None:
    """Run the page's script again in the same session (Streamlit's R key)."""
    page.locator("h1").first.click()
    page.keyboard.press("r")
    page.wait_for_timeout(500)
    settle(page)


def year_options(page) -> list[str]:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text="Year")
    box.click()
    opts = page.locator('[role="option"]')
    opts.first.wait_for(timeout=10_000)
    texts = opts.all_inner_texts()
    page.keyboard.press("Escape")
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
        assert pg.locator(".js-plotly-plot").count() >= 2


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
