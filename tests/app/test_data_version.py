"""One data version per page run, with a real commit landing in the middle
of a run (another writer on the same database) and in the middle of the
store's own read."""
from __future__ import annotations

import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from papi_data.db.scores import Store


def _commit_new_total(url: str) -> int:
    """Another writer: Lào Cai's 2019 total + 1, as a new batch."""
    w = Store(url)
    f = w.scores().query("year == 2019 and province_code == 10 and indicator == 'TOTAL'").copy()
    f["value"] += 1.0
    bid = w.add_batch(f, file_name="mid-run.csv", raw=b"x", user="writer")
    w.dispose()
    return bid


def _run_with_a_commit_halfway(url):
    """A page run: reads, another writer commits, reads again."""
    import streamlit as st

    from tests.app.test_data_version import _commit_new_total
    from ui import data
    getattr(data, "begin_run", lambda: None)()        # what the router does at the top of every run
    first = data.enriched()
    _commit_new_total(url)
    later = data.ranking(2019, "TOTAL")
    st.session_state["seen"] = (
        float(first.query("year == 2019 and province_code == 10 and indicator == 'TOTAL'")["value"].iloc[0]),
        float(later.query("province_code == 10")["value"].iloc[0]),
        float(data.scores().query("year == 2019 and province_code == 10 and indicator == 'TOTAL'")["value"].iloc[0]),
        data.version())


def test_a_page_run_sees_one_version(db, monkeypatch):
    url = str(db.engine.url)
    before = db.scores().query("year == 2019 and province_code == 10 and indicator == 'TOTAL'")["value"].iloc[0]
    v0 = db.data_version()
    at = AppTest.from_function(_run_with_a_commit_halfway, args=(url,), default_timeout=120).run()
    assert not at.exception, at.exception
    first, later, raw, version = at.session_state["seen"]
    assert first == later == raw == before and version == v0      # all from the version the run began on
    at.run()                                                        # the next run sees the commit
    first, later, raw, version = at.session_state["seen"]
    assert first == before + 1 and version > v0


def test_a_store_read_never_labels_data_with_another_version(db):
    """A commit between the store's version read and its scores query: the
    snapshot's version and frame must belong together."""
    url = str(db.engine.url)
    reader = Store(url)
    v0 = reader.data_version()
    before = reader.scores().query("year == 2019 and province_code == 10 and indicator == 'TOTAL'")["value"].iloc[0]
    reader._cache = None                                  # the next read goes to the database
    fired = []

    @sa.event.listens_for(reader.engine, "before_cursor_execute")
    def _commit_first(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("SELECT SCORES.") and not fired:
            fired.append(_commit_new_total(url))          # lands between the version read and this query

    if hasattr(reader, "snapshot"):
        version, frame = reader.snapshot()
    else:                                                 # before snapshots: the version the frame was memoised under
        frame = reader.scores()
        version = reader._cache[0]
    assert fired
    value = frame.query("year == 2019 and province_code == 10 and indicator == 'TOTAL'")["value"].iloc[0]
    assert (version, value) in [(v0 + 1, before + 1), (v0, before)], (version, value)
    reader.dispose()
