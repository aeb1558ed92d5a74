"""The shipped path-prefix deployment: nginx with deploy/nginx/papi-prefix.conf
in front of two app servers started by deploy/start-servers --prefix papi, on
one fresh PostgreSQL database, seen from one Chromium session.

The dashboard lives under /papi/: its pages, its links, its deep links and its
health check keep the prefix; outside it, the bare host name leads to /papi/
and any other address is not found.
"""
from __future__ import annotations

import re

import pytest

from papi_data import provinces
from papi_data.i18n import t
from tests.deploy.cluster import answer, cluster, settle
from tests.e2e.browser import assert_no_exception

pytestmark = pytest.mark.e2e

PREFIX = "papi"
PROVINCE, YEAR = 35, 2023          # Hà Nam: not the profile's default province


@pytest.fixture(scope="module")
def farm(db_url, tmp_path_factory):
    with cluster(db_url, tmp_path_factory.mktemp("prefix"), servers=2, prefix=PREFIX) as c:
        yield c


@pytest.fixture
def session(browser):
    ctx = browser.new_context(viewport={"width": 1300, "height": 900})
    pg = ctx.new_page()
    yield pg
    ctx.close()


def root(farm) -> str:
    return farm.url.removesuffix("/" + PREFIX)


def test_the_overview_and_its_links_keep_the_prefix(farm, session):
    pg = session
    pg.goto(farm.url + "/?lang=en")
    settle(pg)
    assert_no_exception(pg)
    assert pg.locator("h1").count() >= 1
    # A page of the menu, opened through its sidebar link.
    side = pg.locator('[data-testid="stSidebar"]')
    side.get_by_role("link", name=t("page_compare", "en")).click()
    pg.wait_for_url(re.compile(rf"^{re.escape(farm.url)}/compare(\?|$)"), timeout=60_000)
    settle(pg)
    assert_no_exception(pg)
    assert pg.get_by_text("Page not found").count() == 0
    assert pg.locator("h1").first.inner_text().strip()
    for href in pg.locator('[data-testid="stSidebar"] a[href]').evaluate_all("as => as.map(a => a.href)"):
        if href.startswith(root(farm)):
            assert href.startswith(farm.url + "/"), href


def test_a_deep_link_under_the_prefix_opens_its_profile(farm, session):
    pg = session
    asked: list[str] = []
    pg.on("request", lambda r: asked.append(r.url))
    pg.on("websocket", lambda ws: asked.append(ws.url))
    pg.goto(f"{farm.url}/profile?lang=en&year={YEAR}&province={PROVINCE}")
    settle(pg)
    assert_no_exception(pg)
    title = pg.locator("h1").first.inner_text()
    assert provinces.names(YEAR, "en")[PROVINCE] in title and f"PAPI {YEAR}" in title, title
    assert pg.url.startswith(f"{farm.url}/profile?")
    # Every request of the page (scripts, health, the session's stream) went under the prefix.
    host = root(farm).split("://", 1)[1]
    mine = [u.split("://", 1)[1] for u in asked if u.split("://", 1)[1].startswith(host)]
    assert any("/_stcore/stream" in u for u in mine), mine
    assert all(u.startswith(f"{host}/{PREFIX}/") for u in mine), [u for u in mine if not u.startswith(f"{host}/{PREFIX}/")]


def test_health_answers_through_the_prefix(farm):
    status, _, body = answer(farm.url + "/healthz")
    assert status == 200 and body.strip() == b"ok", (status, body)
    status, headers, _ = answer(farm.url + "/_stcore/health")
    assert status == 200 and "x-papi-server" in {k.lower() for k in headers}


def test_outside_the_prefix(farm):
    status, headers, _ = answer(root(farm) + "/")
    assert status == 302 and headers["Location"].endswith(f"/{PREFIX}/"), (status, headers)
    status, headers, _ = answer(farm.url)                    # /papi without its slash
    assert status == 301 and headers["Location"].endswith(f"/{PREFIX}/"), (status, headers)
    for path in ("/profile", "/_stcore/health", "/healthz", "/static/"):
        assert answer(root(farm) + path)[0] == 404, path
