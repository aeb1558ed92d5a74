"""Two dashboard versions meeting one database: the older one refuses a
database a newer one upgraded, at start and on a write, and changes nothing."""
import pandas as pd
import pytest
import sqlalchemy as sa

from papi_data.db import scores as store_mod
from papi_data.db.scores import NewerSchema, Store


def _tables_and_meta(url):
    eng = sa.create_engine(url)
    with eng.connect() as c:
        out = (sorted(sa.inspect(c).get_table_names()),
               sorted(c.execute(sa.text("SELECT key, value FROM schema_meta")).all()))
    eng.dispose()
    return out


def _upgrade_to_newer(url, drop_table="province_aliases"):
    """What a newer version might do: a schema version above ours, a table gone."""
    eng = sa.create_engine(url)
    with eng.begin() as c:
        c.execute(sa.text("UPDATE schema_meta SET value = :v WHERE key = 'schema_version'"),
                  {"v": str(store_mod.SCHEMA_VERSION + 1)})
        c.execute(sa.text(f"DROP TABLE {drop_table}"))
    eng.dispose()


def test_an_older_server_refuses_a_newer_database_at_start_and_creates_nothing(any_url):
    Store(any_url).dispose()
    _upgrade_to_newer(any_url)
    before = _tables_and_meta(any_url)
    with pytest.raises(NewerSchema) as e:
        Store(any_url)
    assert e.value.found == store_mod.SCHEMA_VERSION + 1 and e.value.known == store_mod.SCHEMA_VERSION
    assert "upgrade this server" in str(e.value)
    assert _tables_and_meta(any_url) == before      # the dropped table was not created again


def test_a_running_older_server_refuses_to_write_once_a_newer_one_upgraded(any_url):
    s = Store(any_url)
    before = s.checksum()
    eng = sa.create_engine(any_url)
    with eng.begin() as c:
        c.execute(sa.text("UPDATE schema_meta SET value = :v WHERE key = 'schema_version'"),
                  {"v": str(store_mod.SCHEMA_VERSION + 1)})
    eng.dispose()
    frame = pd.DataFrame([{"year": 2023, "province_code": 10, "indicator": "D1", "value": 5.5, "source": "t"}])
    with pytest.raises(NewerSchema):
        s.add_batch(frame, file_name="late.csv", raw=b"x")
    with pytest.raises(NewerSchema):
        s.rollback(1, force=True)
    assert s.checksum() == before and len(s.history()) == 1
    s.dispose()
