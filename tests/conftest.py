"""Shared fixtures. Every test session gets its own SQLite database, seeded
from data/, so tests never touch data/papi.db."""
from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# One browser and one dashboard server per test session, shared by the
# e2e and reliability tests (Playwright's sync API allows one at a time).
pytest_plugins = ["tests.e2e.browser"]

_TMP = Path(tempfile.mkdtemp(prefix="papi-tests-"))
os.environ["PAPI_DATABASE_URL"] = f"sqlite:///{_TMP / 'session.db'}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """With PAPI_NO_SKIP=1 (CI), a skipped test is a failed test."""
    outcome = yield
    rep = outcome.get_result()
    if os.environ.get("PAPI_NO_SKIP") == "1" and rep.skipped and not hasattr(rep, "wasxfail"):
        rep.outcome = "failed"
        rep.longrepr = f"Skipped, but CI runs everything (PAPI_NO_SKIP=1): {rep.longrepr}"


@pytest.fixture(scope="session")
def store():
    """The session's seeded store (read-only for tests)."""
    from papi_data.db.scores import get_store
    return get_store()


@pytest.fixture(scope="session")
def enriched(store):
    from papi_data import analytics
    return analytics.enrich(store.scores())


@pytest.fixture
def fresh_sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'fresh.db'}"


def _postgres_url() -> str | None:
    return os.environ.get("PAPI_TEST_POSTGRES_URL")


@pytest.fixture
def postgres_url():
    """A new, empty PostgreSQL database for one test, dropped afterwards."""
    base = _postgres_url()
    if not base:
        pytest.skip("PostgreSQL not configured: set PAPI_TEST_POSTGRES_URL (CI starts a server)")
    import sqlalchemy as sa
    name = f"papi_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = base.rsplit("/", 1)[0] + f"/{name}"
    yield url
    drop_database(admin, name)
    admin.dispose()


def drop_database(admin, name: str) -> None:
    """Drop a test database; a leftover one (an autovacuum worker the role
    may not end) is harmless and must not fail the test that used it."""
    import time

    import sqlalchemy as sa
    for _ in range(5):
        try:
            with admin.connect() as c:
                c.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except sa.exc.DBAPIError:
            time.sleep(1)


@pytest.fixture(params=["sqlite", "postgres"])
def any_url(request, tmp_path):
    """An empty database of each supported kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'any.db'}"
    return request.getfixturevalue("postgres_url")
