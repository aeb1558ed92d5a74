"""The app as `streamlit run dashboard.py` serves it (ui/serving.py): the
chart code is preloaded, a page's own address connects at once, and the data
is loaded before the first visitor."""
import gzip
import sqlite3
import urllib.request
from urllib.parse import urlparse

import pytest

from tests.e2e.browser import assert_no_exception, open_page, serve

pytestmark = pytest.mark.e2e


def test_start_page_carries_the_preload_also_when_gzipped(server):
    for path in ("/", "/profile?lang=en", "/data"):
        req = urllib.request.Request(server + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
            if r.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
        assert b'<link rel="modulepreload" crossorigin href="./static/js/PlotlyChart.' in body, path
        assert b"BACKEND_BASE_URL" in body and body.index(b"BACKEND_BASE_URL") < body.index(b"</head>")


def test_deep_link_connects_at_once_with_the_chart_code_already_asked_for(server, page):
    paths = []
    page.on("request", lambda r: paths.append(urlparse(r.url).path))
    open_page(page, f"{server}/profile?lang=en&year=2023&province=10", wait_for=".js-plotly-plot .main-svg")
    assert_no_exception(page)
    assert "/profile/_stcore/health" not in paths, "Streamlit guessed the server at the page's address"
    health = paths.index("/_stcore/health")
    chart = next(i for i, p in enumerate(paths) if "/static/js/PlotlyChart." in p)
    assert chart < health, "the chart code was only asked for after Streamlit connected"
    # Once, and from the same address the page imports it from (one module, not two).
    assert sum("/static/js/PlotlyChart." in p for p in paths) == 1
    assert page.locator(".js-plotly-plot").count() >= 2


def test_a_started_server_has_its_data_loaded_before_the_first_visitor(tmp_path):
    db = tmp_path / "fresh.db"
    with serve(db_url=f"sqlite:///{db}"):
        # Nobody has visited yet: the start-up itself created and seeded the database.
        with sqlite3.connect(db) as con:
            assert con.execute("SELECT COUNT(*) FROM scores").fetchone()[0] > 20_000


def test_a_server_whose_database_is_down_still_starts(tmp_path):
    with serve(db_url="postgresql+psycopg://nobody:x@127.0.0.1:9/none") as url:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=10) as r:
            assert r.status == 200
