"""Committing imports, history, rollback and concurrent imports on SQLite
and PostgreSQL (fixture any_url)."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from papi_data import ingest
from papi_data.frame import KEY
from papi_data.db.scores import StaleData, Store
from tests.conftest import ROOT
from tests.unit import workbooks as W

TODAY = dt.date(2026, 11, 22)


def _current(store, year):
    s = store.scores()
    return s[s.year == year].set_index(KEY)


def test_new_year_preview_commit_rollback(any_url):
    store = Store(any_url)
    before = store.checksum()
    raw = W.indicator_rows(2025)
    plan = ingest.prepare(raw, "2025PAPI_ProvincialIndicators.xlsx", store, today=TODAY)
    assert plan.ok and plan.years == [2025]
    assert plan.preview.counts() == {"added": 1258, "changed": 0, "ci": 0, "ci_removed": 0, "unchanged": 0}
    assert store.checksum() == before                       # a preview writes nothing
    bid = ingest.commit(plan, store, user="analyst")
    cur = _current(store, 2025)
    exp = W.merged_2025().set_index(KEY)
    assert len(cur) == len(exp) == 1258
    assert ((cur.value - exp.value).abs() < 1e-12).all()
    assert (cur.source == f"import-{plan.sha256[:16]}").all()
    h = store.history().set_index("id")
    assert h.loc[bid, "file_name"] == "2025PAPI_ProvincialIndicators.xlsx"
    assert h.loc[bid, "created_by"] == "analyst" and h.loc[bid, "rows_written"] == 1258
    assert h.loc[bid, "file_hash"] == plan.sha256 and store.batch_raw(bid) == raw
    assert "1258 added" in h.loc[bid, "note"]
    src = store.sources().set_index("source").citation
    assert plan.sha256 in src[f"import-{plan.sha256[:16]}"]
    store.rollback(bid, user="analyst")
    assert _current(store, 2025).empty
    assert not store.history().set_index("id").loc[bid, "active"]
    store.dispose()


def test_correction_then_rollback_restores_previous_values(any_url):
    store = Store(any_url)
    old = _current(store, 2023).copy()
    fixed = W.year_frame(2023).copy()
    # a corrected release: Hà Nội D1.1 +0.1, so D1 and TOTAL move with it
    for ind in ("D1.1", "D1", "TOTAL"):
        fixed.loc[(fixed.province_code == 1) & (fixed.indicator == ind), "value"] += 0.1
    raw = W.indicator_rows(2023, scores=fixed, ci=False)
    plan = ingest.prepare(raw, "2023PAPI_v2.xlsx", store, today=TODAY)
    assert plan.ok, [i.message("en") for i in plan.errors]
    c = plan.preview.counts()
    assert c["changed"] == 3 and c["added"] == 0 and c["unchanged"] == len(fixed) - 3
    ch = plan.preview.rows[plan.preview.rows.status == "changed"].set_index("indicator")
    assert abs(ch.loc["TOTAL", "old"] - old.loc[(2023, 1, "TOTAL"), "value"]) < 1e-12
    assert abs(ch.loc["TOTAL", "delta"] - 0.1) < 1e-9
    byp = plan.preview.by_province.set_index(["year", "province_code"])
    assert byp.loc[(2023, 1), "changed"] == 3 and byp.loc[(2023, 2), "changed"] == 0
    bid = ingest.commit(plan, store, user="analyst")
    new = _current(store, 2023)
    assert abs(new.loc[(2023, 1, "TOTAL"), "value"] - old.loc[(2023, 1, "TOTAL"), "value"] - 0.1) < 1e-9
    store.rollback(bid)
    back = _current(store, 2023)
    pd.testing.assert_series_equal(back.value, old.value)
    store.dispose()


def test_stale_preview_is_refused_and_writes_nothing(any_url):
    store = Store(any_url)
    p1 = ingest.prepare(W.indicator_rows(2025), "a.xlsx", store, today=TODAY)
    p2 = ingest.prepare(W.template_csv(W.template_frame(W.merged_2025().head(50))), "b.csv", store, today=TODAY)
    ingest.commit(p1, store)
    before = store.checksum()
    with pytest.raises(StaleData):
        ingest.commit(p2, store)
    assert store.checksum() == before
    store.dispose()


def test_nothing_to_change_is_not_committed(any_url):
    store = Store(any_url)
    raw = W.template_csv(W.template_frame(W.year_frame(2019)))
    plan = ingest.prepare(raw, "2019.csv", store, today=TODAY)
    assert plan.ok and not plan.preview.has_changes
    with pytest.raises(ValueError):
        ingest.commit(plan, store)
    store.dispose()


_WORKER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from papi_data import ingest
    from papi_data.db.scores import Store, StaleData
    store = Store({url!r})
    raw = open(sys.argv[1], "rb").read()
    plan = ingest.prepare(raw, sys.argv[1].rsplit("/", 1)[-1], store)
    open(sys.argv[2], "w").write("ready")
    while not __import__("os").path.exists(sys.argv[3]):
        time.sleep(0.005)
    try:
        print(ingest.commit(plan, store, user=sys.argv[1]))
    except StaleData:
        print("stale")
""")


def test_two_imports_at_once_one_clean_result(any_url, tmp_path):
    """Two processes prepare different corrections of 2023 against the same
    data, then commit at the same instant: one wins whole, the other writes
    nothing; the current 2023 values are exactly one file's."""
    store = Store(any_url)
    files = {}
    for name, delta in (("a", 0.1), ("b", 0.2)):
        f = W.year_frame(2023).copy()
        for ind in ("D1.1", "D1", "TOTAL"):
            f.loc[f.indicator == ind, "value"] += delta
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(W.indicator_rows(2023, scores=f, ci=False))
        files[name] = (path, f)
    script = tmp_path / "worker.py"
    script.write_text(_WORKER.format(root=str(ROOT), url=any_url))
    go = tmp_path / "go"
    procs = []
    for name, (path, _) in files.items():
        procs.append(subprocess.Popen([sys.executable, str(script), str(path), str(tmp_path / f"{name}.ready"),
                                       str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    import time
    deadline = time.time() + 120
    while not all((tmp_path / f"{n}.ready").exists() for n in files) and time.time() < deadline:
        time.sleep(0.02)
    go.write_text("go")
    outs = [p.communicate(timeout=120) for p in procs]
    results = [o[0].strip() for o in outs]
    assert all(p.returncode == 0 for p in procs), [o[1][-2000:] for o in outs]
    assert sorted(r == "stale" for r in results) == [False, True], results
    winner = "a" if results[0] != "stale" else "b"
    cur = _current(store, 2023)
    exp = files[winner][1].set_index(KEY)
    assert ((cur.value - exp.value).abs() < 1e-9).all()
    assert (store.history().kind == "import").sum() == 1
    store.dispose()
