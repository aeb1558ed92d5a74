"""Concurrency: many real browser sessions read while an import commits.

No session may show an error, and each reads either the old data or the
new (PAPI 2025 added) whole: the years, provinces, indicators and number of
values it shows are exactly those of one store state, never something in between.
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

from papi_data.db.scores import Store
from tests.conftest import ROOT
from tests.e2e.browser import serve
from tests.unit import workbooks as W

SESSIONS = int(os.environ.get("PAPI_SESSIONS", "8"))
pytestmark = pytest.mark.e2e


COVERAGE = re.compile(r"(\d+) years × (\d+) provinces × (\d+) indicators — ([\d,]+) score values")


def _shown(scores) -> tuple[int, int, int, int]:
    """What the landing page says the store holds (years, provinces, indicators, values)."""
    return (scores.year.nunique(), scores.province_code.nunique(), scores.indicator.nunique(), len(scores))


def test_sessions_see_old_or_new_while_import_commits(browser):
    tmp = Path(tempfile.mkdtemp(prefix="papi-conc-"))
    url = f"sqlite:///{tmp / 'conc.db'}"
    s = Store(url)
    old = _shown(s.scores())
    s.dispose()
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
                m = COVERAGE.search(pg.inner_text("body"))
                assert m, pg.inner_text("body")[:500]
                seen.append(tuple(int(g.replace(",", "")) for g in m.groups()))
            if round_ == 0:
                importer.join()
        s = Store(url)
        new = _shown(s.scores())
        s.dispose()
        assert old[0] == 14 and new[0] == 15 and new[3] == old[3] + len(W.merged_2025()), (old, new)
        assert set(seen) <= {old, new}, (old, new, seen)
        assert seen[-SESSIONS:] == [new] * SESSIONS             # after the commit, everyone sees it
        for c in contexts:
            c.close()
