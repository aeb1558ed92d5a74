"""Fixtures for page tests that write (imports, rollbacks, target edits)."""
import pytest

from papi_data.db.scores import Store


@pytest.fixture
def db(tmp_path, monkeypatch):
    """Its own database, no analyst configured, page caches emptied."""
    import ui.data
    url = f"sqlite:///{tmp_path / 'page.db'}"
    monkeypatch.setenv("PAPI_DATABASE_URL", url)
    monkeypatch.delenv("PAPI_ANALYST_PASSWORD_HASH", raising=False)
    ui.data.store.clear()
    ui.data.clear()
    yield Store(url)
    ui.data.store.clear()
    ui.data.clear()
