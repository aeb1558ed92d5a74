"""Real-browser fixtures (registered for the whole suite by tests/conftest.py): a `streamlit run dashboard.py` server on loopback
and Debian's Chromium driven by Playwright (never a downloaded browser).

Screenshots go to artifacts/screenshots/ for people to look at.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = os.environ.get("BROWSER_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served(str):
    """A server's base URL that also knows the server's process id."""
    pid: int


@contextlib.contextmanager
def serve(script: str | Path = "dashboard.py", env: dict | None = None, db_url: str | None = None):
    """Run `streamlit run SCRIPT` on a free loopback port; yields its URL.

    By default on a new SQLite database of its own (PAPI_DATABASE_URL).
    """
    port = _free_port()
    if db_url is None:
        db_url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='papi-e2e-')) / 'e2e.db'}"
    env = {**os.environ, "PAPI_DATABASE_URL": db_url, **(env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = Served(f"http://127.0.0.1:{port}")
    url.pid = proc.pid
    try:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError(proc.stdout.read().decode())
                if time.time() > deadline:
                    raise RuntimeError("streamlit did not start in 60 s")
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def server():
    """Base URL of a dashboard server on its own seeded database."""
    with serve() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    pg = ctx.new_page()
    yield pg
    ctx.close()


def open_page(page, url: str, wait_for: str | None = None, timeout: float = 60_000):
    """Open a dashboard URL and wait until Streamlit has finished running it."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    if wait_for:
        page.wait_for_selector(wait_for, timeout=timeout)
    # Streamlit shows a status widget while the script runs.
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)
    page.wait_for_timeout(300)


def assert_no_exception(page):
    exc = page.query_selector_all('[data-testid="stException"]')
    assert not exc, exc[0].inner_text() if exc else ""


def screenshot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
