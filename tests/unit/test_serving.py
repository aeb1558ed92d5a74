"""The start page's additions (ui/serving.py): which chart modules are
preloaded, the snippet, and the middleware on real ASGI messages."""
import asyncio
import gzip
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import streamlit

from ui import serving

STATIC = Path(streamlit.__file__).parent / "static"


def test_static_imports_reads_only_the_leading_import_statements():
    src = ('import{o as e,r as t}from"./rolldown-runtime.A1.js";import"./src.B2.js";'
           'import{M as h}from"./protobuf.C3.js";var P=1;const s=`import"./late.js"`;import("./Lazy.D4.js")')
    assert serving.static_imports(src) == ["rolldown-runtime.A1.js", "src.B2.js", "protobuf.C3.js"]
    assert serving.static_imports("var x=1;") == []


def test_chart_modules_are_the_installed_chart_code_and_what_it_needs():
    mods = serving.chart_modules(STATIC)
    js = STATIC / "static" / "js"
    index = (STATIC / "index.html").read_text(encoding="utf-8")
    assert mods[0].startswith("PlotlyChart.") and len(mods) == len(set(mods))
    for m in mods:
        assert (js / m).is_file() and f"static/js/{m}" not in index
        # Closed under static imports: each import is preloaded here or by index.html.
        for dep in serving.static_imports((js / m).read_text(encoding="utf-8")[:200_000]):
            assert dep in mods or f"static/js/{dep}" in index, (m, dep)


def test_no_chart_code_means_no_preload_and_a_warning(tmp_path, caplog):
    (tmp_path / "static" / "js").mkdir(parents=True)
    (tmp_path / "index.html").write_text("<html><head></head></html>")
    with caplog.at_level(logging.WARNING, logger="ui.serving"):
        assert serving.chart_modules(tmp_path) == []
    assert "Chart code not found" in caplog.text


def test_snippet_names_the_server_only_on_the_dashboards_page_addresses():
    s = serving.head_snippet(["PlotlyChart.X1.js", "a&b.js"], ["profile", "overview", "profile"], ["", "profile"])
    assert '["overview", "profile"]' in s and "BACKEND_BASE_URL" in s
    assert '<link rel="modulepreload" crossorigin href="./static/js/PlotlyChart.X1.js">' in s
    assert 'href="./static/js/a&amp;b.js"' in s
    # The chart code is started on the chart pages only, after Streamlit's own module script.
    assert '<script type="module">if(["", "profile"].indexOf(' in s and 'import("./static/js/PlotlyChart.X1.js")' in s
    assert "import(" not in serving.head_snippet(["PlotlyChart.X1.js"], ["data"])
    assert "import(" not in serving.head_snippet([], ["data"], ["profile"])
    assert serving.add_to_head(b"<html><head><title>x</title></head>", b"<i>") == b"<html><head><title>x</title><i></head>"
    assert serving.add_to_head(b"no head", b"<i>") == b"no head"


def _run(app, path="/", method="GET"):
    """Call an ASGI app once; returns (headers, body)."""
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    # In a thread of its own: the browser tests leave an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app({"type": "http", "method": method, "path": path, "headers": []},
                                     receive, send)).result()
    start = sent[0]
    return dict(start["headers"]), b"".join(m.get("body", b"") for m in sent[1:])


def _app(body: bytes, content_type: bytes, encoding: bytes | None = None, chunks: int = 1):
    async def app(scope, receive, send):
        headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
        if encoding:
            headers.append((b"content-encoding", encoding))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        step = max(1, len(body) // chunks)
        parts = [body[i:i + step] for i in range(0, len(body), step)]
        for i, part in enumerate(parts):
            await send({"type": "http.response.body", "body": part, "more_body": i < len(parts) - 1})
    return app


PAGE = b"<!DOCTYPE html><html><head><title>Streamlit</title></head><body></body></html>"


def test_middleware_adds_the_snippet_to_html_plain_gzipped_or_streamed():
    for inner in (_app(PAGE, b"text/html; charset=utf-8"),
                  _app(gzip.compress(PAGE), b"text/html", encoding=b"gzip"),
                  _app(PAGE, b"text/html", chunks=5)):
        headers, body = _run(serving.StartPage(inner, "<!--papi-->"), "/profile")
        assert body == PAGE.replace(b"</head>", b"<!--papi--></head>")
        assert headers[b"content-length"] == str(len(body)).encode()
        assert b"content-encoding" not in headers


def test_middleware_leaves_everything_else_alone():
    js = b"export const x=1;"
    for inner, method in ((_app(js, b"application/javascript"), "GET"),
                          (_app(PAGE, b"text/html"), "HEAD"),
                          (_app(gzip.compress(PAGE), b"text/html", encoding=b"br"), "GET")):
        headers, body = _run(serving.StartPage(inner, "<!--papi-->"), method=method)
        assert b"papi" not in body and b"papi" not in (gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body)
