"""The HTML page Streamlit sends for every address, prepared for the
dashboard's chart pages (an ASGI middleware for `st.App`, see dashboard.py).

Two additions to the page's <head>, measured in docs/PERFORMANCE.md:

- The chart code (Streamlit's plotly component, ~4.7 MB) and the modules it
  imports are preloaded. The browser then fetches and compiles them while
  Streamlit starts, instead of requesting them when the first chart arrives,
  queued behind some thirty widget files.
- On a page's own address (/profile?…), the browser is told that the server
  lives one level up. Streamlit's front end would otherwise first try
  /profile/_stcore/health and connect only after that fails and a retry.

If a Streamlit release renames its chart code, nothing is preloaded and a
warning is logged: pages are slower, never broken.
"""
from __future__ import annotations

import gzip
import html
import json
import logging
import re
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


def head_snippet(modules: Iterable[str], page_paths: Iterable[str]) -> str:
    """What goes at the end of <head>: the preload links, and the script that
    names the server's address on a page's own URL."""
    pages = json.dumps(sorted(set(page_paths)))
    script = ("<script>(function(){var p=location.pathname.split('/').pop();"
              f"if({pages}.indexOf(p)>=0)window.__streamlit=Object.assign(window.__streamlit||{{}},"
              "{BACKEND_BASE_URL:new URL('.',location.href).href});})()</script>")
    links = "".join(f'<link rel="modulepreload" href="./static/js/{html.escape(m)}">' for m in modules)
    return script + links


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


def middleware(page_paths: Iterable[str]) -> list:
    """The middleware list for st.App: the start page with the chart code
    preloaded and the server's address named on the pages' own URLs."""
    import streamlit
    from starlette.middleware import Middleware

    modules = chart_modules(Path(streamlit.__file__).parent / "static")
    return [Middleware(StartPage, snippet=head_snippet(modules, page_paths))]
