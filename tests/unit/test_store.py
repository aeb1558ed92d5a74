"""The store on SQLite and PostgreSQL: seeding, versions, batches, rollback."""
import threading

import pandas as pd
import pytest
import sqlalchemy as sa

from papi_data import consistency
from papi_data.db.scores import SCHEMA_VERSION, Store


def test_seed_is_batch_one_and_idempotent(any_url):
    s = Store(any_url)
    h = s.history()
    assert h.id.tolist() == [1] and h.kind.iloc[0] == "seed" and h.rows_written.iloc[0] == 28854
    assert len(s.scores()) == 28854
    before = s.checksum()
    s2 = Store(any_url)           # a second start seeds nothing more
    assert s2.history().id.tolist() == [1] and s2.checksum() == before
    assert s.schema_version() == SCHEMA_VERSION
    assert consistency.problems(s.scores()) == []
    s.dispose(); s2.dispose()


def test_concurrent_first_start_seeds_once(fresh_sqlite_url):
    errors = []

    def start():
        try:
            Store(fresh_sqlite_url).dispose()
        except Exception as e:   # pragma: no cover - failure is reported below
            errors.append(e)
    threads = [threading.Thread(target=start) for _ in range(4)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not errors
    s = Store(fresh_sqlite_url)
    assert len(s.history()) == 1 and len(s.scores()) == 28854


def test_newer_batch_wins_and_rollback_restores(any_url):
    s = Store(any_url)
    old = s.scores().set_index(["year", "province_code", "indicator"]).loc[(2023, 10, "D1"), "value"]
    v0 = s.data_version()
    new = pd.DataFrame([{"year": 2023, "province_code": 10, "indicator": "D1", "value": 5.5, "source": "test"}])
    bid = s.add_batch(new, file_name="fix.csv", raw=b"x", user="analyst")
    assert s.data_version() > v0
    cur = s.scores().set_index(["year", "province_code", "indicator"])
    assert cur.loc[(2023, 10, "D1"), "value"] == 5.5 and len(cur) == 28854
    s.rollback(bid, user="analyst")
    cur = s.scores().set_index(["year", "province_code", "indicator"])
    assert cur.loc[(2023, 10, "D1"), "value"] == old
    h = s.history().set_index("id")
    assert not h.loc[bid, "active"] and h.loc[bid, "rolled_back_by"] == "analyst"
    assert s.batch_raw(bid) == b"x"
    with pytest.raises(ValueError):
        s.rollback(bid)
    with pytest.raises(KeyError):
        s.rollback(999)
    s.dispose()


def test_failed_batch_writes_nothing(any_url):
    s = Store(any_url)
    before = s.checksum()
    bad = pd.DataFrame([{"year": 2023, "province_code": 10, "indicator": "D1", "value": 5.5, "source": "t"},
                        {"year": 2023, "province_code": 10, "indicator": "D1", "value": 6.0, "source": "t"}])
    with pytest.raises(sa.exc.IntegrityError):   # duplicate key inside one batch
        s.add_batch(bad, file_name="dup.csv", raw=b"y")
    assert s.checksum() == before and len(s.history()) == 1
    s.dispose()


def test_migration_from_an_older_schema_keeps_data(fresh_sqlite_url, monkeypatch):
    from papi_data.db import scores as store_mod
    s = Store(fresh_sqlite_url)
    before = s.checksum()
    s.dispose()
    calls = []

    def add_column(c):
        calls.append(1)
        c.execute(sa.text("ALTER TABLE batches ADD COLUMN reviewed_by VARCHAR(255)"))
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(store_mod.MIGRATIONS, SCHEMA_VERSION + 1, add_column)
    s2 = Store(fresh_sqlite_url)
    assert calls == [1] and s2.schema_version() == SCHEMA_VERSION + 1
    assert s2.checksum() == before
    Store(fresh_sqlite_url).dispose()            # already migrated: runs nothing
    assert calls == [1]
    s2.dispose()


def test_warm_read_returns_cached_frame(store):
    a = store.scores()
    assert store.scores() is a
