"""Concurrency: many real browser sessions read while an import commits.

No session may show an error, and each sees either the old data (14 years)
or the new (15 years, PAPI 2025 added), never something in between.
PAPI_SESSIONS sets the number of sessions (CI: 8; `make reliability`: 20).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from papi_data.store import Store
from tests.conftest import ROOT
from tests.e2e.browser import serve
from tests.unit import workbooks as W

SESSIONS = int(os.environ.get("PAPI_SESSIONS", "8"))
pytestmark = pytest.mark.e2e


def test_sessions_see_old_or_new_while_import_commits(browser):
    tmp = Path(tempfile.mkdtemp(prefix="papi-conc-"))
    url = f"sqlite:///{tmp / 'conc.db'}"
    Store(url).dispose()
    env = {**os.environ, "PAPI_DATABASE_URL": url}
    with serve(db_url=url) as base:
        wb = tmp / "2025PAPI.xlsx"
        wb.write_bytes(W.indicator_rows(2025))
        contexts = [browser.new_context() for _ in range(SESSIONS)]
        pages = [c.new_page() for c in contexts]
        for pg in pages:                                          # everyone on the data first
            pg.goto(f"{base}/home?lang=en", wait_until="commit")
        importer = threading.Thread(target=lambda: subprocess.run(
            [sys.executable, "-m", "papi_data", "import", str(wb), "--user", "conc"], cwd=ROOT, env=env,
            check=True, capture_output=True, timeout=300))
        importer.start()
        seen = []
        for round_ in range(3):                                   # reload during and after the commit
            for pg in pages:
                pg.goto(f"{base}/home?lang=en", wait_until="commit")
            for pg in pages:
                pg.wait_for_selector('[data-testid="stDataFrame"]', timeout=90_000)
                pg.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                                     timeout=90_000)
                assert not pg.query_selector('[data-testid="stException"]'), pg.inner_text("body")[:500]
                m = re.search(r"(\d+) years ×", pg.inner_text("body"))
                assert m, pg.inner_text("body")[:500]
                seen.append(int(m.group(1)))
            if round_ == 0:
                importer.join()
        assert set(seen) <= {14, 15}, seen
        assert seen[-SESSIONS:] == [15] * SESSIONS              # after the commit, everyone sees it
        for c in contexts:
            c.close()
