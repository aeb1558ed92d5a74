"""The HTML page Streamlit sends for every address, prepared for the
dashboard's chart pages (an ASGI middleware for `st.App`, see dashboard.py).

Additions to the page's <head>, measured in docs/PERFORMANCE.md:

- The chart code (Streamlit's plotly component, ~4.7 MB) and the modules it
  imports are preloaded. The browser then fetches and compiles them while
  Streamlit starts, instead of requesting them when the first chart arrives,
  queued behind some thirty widget files. On the pages that open with a
  chart, its evaluation starts at once.
- On a page's own address (/profile?…), the browser is told that the server
  lives one level up. Streamlit's front end would otherwise first try
  /profile/_stcore/health and connect only after that fails and a retry.

If a Streamlit release renames its chart code, nothing is preloaded and a
warning is logged: pages are slower, never broken.

`warm_up` (the app's lifespan) makes a freshly started server ready before
it takes its first visitor: imports done, data loaded, landing page built.
"""
from __future__ import annotations

import asyncio
import contextlib
import gzip
import html
import json
import logging
import re
import time
from pathlib import Path
from typing import Iterable

log = logging.getLogger(__name__)

CHART_CHUNK = "PlotlyChart"
# The static imports at the top of an ES module chunk: import{a as b}from"./x.js"; import"./y.js";
_IMPORT = re.compile(r'\s*import\s*(?:[^;"]*?from\s*)?"\./([\w.-]+\.js)";?')


def static_imports(source: str) -> list[str]:
    """Files imported by the leading import statements of a module chunk."""
    out, pos = [], 0
    while m := _IMPORT.match(source, pos):
        out.append(m.group(1))
        pos = m.end()
    return out


def chart_modules(static_dir: Path) -> list[str]:
    """The chart chunk and every module it needs, in fetch order, less those
    index.html already loads. Empty when the chunk cannot be found."""
    js = static_dir / "static" / "js"
    roots = sorted(js.glob(f"{CHART_CHUNK}.*.js"))
    if len(roots) != 1:
        log.warning("Chart code not found in %s (found %d); serving pages without preload", js, len(roots))
        return []
    index = (static_dir / "index.html").read_text(encoding="utf-8")
    seen: list[str] = []
    todo = [roots[0].name]
    while todo:
        name = todo.pop(0)
        # Modules index.html loads are preloaded with their imports already.
        if name in seen or f"static/js/{name}" in index or not (js / name).is_file():
            continue
        seen.append(name)
        with open(js / name, encoding="utf-8") as f:
            todo += static_imports(f.read(200_000))  # the imports come first
    return seen


def head_snippet(modules: list[str], page_paths: Iterable[str], chart_pages: Iterable[str] = ()) -> str:
    """What goes at the end of <head>: the script that names the server's
    address on a page's own URL, the preload links, and, on the pages that
    open with a chart, the chart code's evaluation started right away."""
    pages, charts = json.dumps(sorted(set(page_paths))), json.dumps(sorted(set(chart_pages)))
    script = ("<script>(function(){var p=location.pathname.split('/').pop();"
              f"if({pages}.indexOf(p)>=0)window.__streamlit=Object.assign(window.__streamlit||{{}},"
              "{BACKEND_BASE_URL:new URL('.',location.href).href});})()</script>")
    links = "".join(f'<link rel="modulepreload" crossorigin href="./static/js/{html.escape(m)}">' for m in modules)
    # A module script runs after Streamlit's own (document order), while the
    # browser waits for the server's first answer; the chart code (0.6 s of
    # evaluation on this machine) is then ready when the first chart arrives.
    start = (f"<script type=\"module\">if({charts}.indexOf(location.pathname.split('/').pop())>=0)"
             f"import({json.dumps('./static/js/' + modules[0])});</script>") if modules and charts != "[]" else ""
    return script + links + start


def add_to_head(page: bytes, snippet: bytes) -> bytes:
    """`page` with `snippet` just before </head> (unchanged without one)."""
    i = page.find(b"</head>")
    return page if i < 0 else page[:i] + snippet + page[i:]


class StartPage:
    """ASGI middleware: adds `snippet` to every HTML response's <head>.

    Streamlit may have gzipped the page; it is unpacked to add the lines and
    sent uncompressed (8 kB). Anything else passes through untouched.
    """

    def __init__(self, app, snippet: str):
        self.app = app
        self.snippet = snippet.encode()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or not self.snippet:
            await self.app(scope, receive, send)
            return
        held: dict = {}
        body: list[bytes] = []

        async def send_page(message):
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers") or [])
                encoding = headers.get(b"content-encoding", b"identity")
                if headers.get(b"content-type", b"").startswith(b"text/html") and encoding in (b"gzip", b"identity"):
                    held["start"], held["gzip"] = message, encoding == b"gzip"
                    return
            elif message["type"] == "http.response.body" and "start" in held:
                body.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                page = b"".join(body)
                page = add_to_head(gzip.decompress(page) if held["gzip"] else page, self.snippet)
                start = held.pop("start")
                drop = (b"content-length", b"content-encoding")
                start["headers"] = [(k, v) for k, v in start.get("headers") or [] if k.lower() not in drop]
                start["headers"].append((b"content-length", str(len(page)).encode()))
                await send(start)
                await send({"type": "http.response.body", "body": page})
                return
            await send(message)

        await self.app(scope, receive, send_page)


def middleware(page_paths: Iterable[str], chart_pages: Iterable[str] = ()) -> list:
    """The middleware list for st.App: the start page with the chart code
    preloaded (and started on `chart_pages`, "" being the landing page) and
    the server's address named on the pages' own URLs."""
    import streamlit
    from starlette.middleware import Middleware

    modules = chart_modules(Path(streamlit.__file__).parent / "static")
    return [Middleware(StartPage, snippet=head_snippet(modules, page_paths, chart_pages))]


def _warm() -> None:
    import plotly.io

    from papi_data import settings
    from papi_data.i18n import DEFAULT_LANG as lang
    from ui import charts, exports, present, sidebar, state, tables  # noqa: F401 (what the pages import)
    from ui import data

    # The app has a pages/ folder, so Streamlit would run the first session in
    # its legacy multipage mode and ui.sidebar.ensure_router would run it again.
    from streamlit.runtime.pages_manager import PagesManager
    PagesManager.uses_pages_directory = False

    if not data.years():  # opens (and on first use seeds) the database; loads and ranks the scores
        return            # an empty store: nothing to prepare, the pages say so
    for view in [data.screen(q, lang) for q in first_screens(settings.geojson_path())]:
        for fig in vars(view).values():
            if hasattr(fig, "to_plotly_json"):
                plotly.io.to_json(fig, validate=False)  # what st.plotly_chart does with each figure


def first_screens(geojson: str | None = None) -> list:
    """The leader's pages as a first visitor sees them (overview, profile,
    compare with their default choices): the queries those pages build,
    their defaults resolved from the data by ui.data.screen."""
    from papi_data.screens import compare, overview, profile
    return [overview.Query(geojson=geojson), profile.Query(), compare.Query()]


@contextlib.asynccontextmanager
async def warm_up(app):
    """Lifespan of the app: before the server takes connections, import what
    the pages need and fill the shared caches (scores, ranks, statistics,
    the landing page), so the first visitor after a start waits no longer
    than the next. A failure here is logged and left to the pages to show."""
    t0 = time.perf_counter()
    # Streamlit warns that caches are used outside a session; here that is the point.
    quiet = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    level, quiet.level = quiet.level, logging.ERROR
    try:
        await asyncio.to_thread(_warm)
        log.info("Ready in %.1f s", time.perf_counter() - t0)
    except Exception:
        log.exception("Warm-up failed; pages will load the data on the first visit")
    finally:
        quiet.setLevel(level)
    yield
