"""Backup and restore: every table row by row, across SQLite and PostgreSQL,
and damaged or unsuitable files refused with the store unchanged."""
from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
import sqlalchemy as sa

from papi_data import consistency, ingest
from papi_data.db import backup as B
from papi_data.db import tasks as store_tasks
from papi_data.db.schema import metadata
from papi_data.db.scores import Store
from papi_data.tasks.readers import read_tasks
from tests.unit import workbooks as W
from tests.unit.task_files import plan_docx

TODAY = dt.date(2026, 11, 22)
TN = 19          # Thái Nguyên


def _dump(store) -> dict:
    with store.engine.connect() as c:
        return {t.name: [tuple(r) for r in c.execute(sa.select(t).order_by(*t.primary_key.columns))]
                for t in metadata.sorted_tables}


def _populated(url) -> Store:
    """A store after first start (shipped history and targets seeded) with
    an import committed later and another rolled back."""
    store = Store(url)
    plan = ingest.prepare(W.indicator_rows(2025), "2025PAPI_ProvincialIndicators.xlsx", store, today=TODAY)
    store.rollback(ingest.commit(plan, store, user="analyst"), user="analyst")
    plan = ingest.prepare(W.indicator_rows(2025), "2025PAPI_ProvincialIndicators.xlsx", store, today=TODAY)
    ingest.commit(plan, store, user="analyst")
    tasks = read_tasks(plan_docx(), "99.docx", 2024)
    store_tasks.save_import(store, TN, 2024, tasks, "99/KH-UBND", "analyst")
    store_tasks.update(store, TN, 2024, "3", "done", "Đã tổ chức 2 lớp", "https://snv.thainguyen.gov.vn/a", "B")
    return store


def _round_trip(src_url, dst_url, path):
    src = _populated(src_url)
    B.backup(src, path)
    dst = Store(dst_url, seed=False)
    r = B.restore(dst, path)
    a, b = _dump(src), _dump(dst)
    assert r["rows"] == sum(len(v) for v in a.values())
    assert a.keys() == b.keys()
    for name in a:
        assert a[name] == b[name], name
    assert len(a["batches"]) >= 3 and len(a["target_changes"]) > 0
    assert len(a["plan_tasks"]) == 17 and len(a["task_updates"]) > 0
    assert not consistency.problems(dst.scores(), tol=1e-4)
    # reopened with seeding: the shipped rows are not added again, new ids follow the restored ones
    src.dispose(), dst.dispose()
    again = Store(dst_url)
    assert _dump(again) == b
    last = max(r[0] for r in b["batches"])
    again.rollback(last, user="analyst")
    plan = ingest.prepare(W.indicator_rows(2025), "2025PAPI_ProvincialIndicators.xlsx", again, today=TODAY)
    assert ingest.commit(plan, again, user="analyst") > last
    again.dispose()


def test_sqlite_round_trip(tmp_path):
    _round_trip(f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}", tmp_path / "b.zip")


def test_sqlite_to_postgres(tmp_path, postgres_url):
    _round_trip(f"sqlite:///{tmp_path / 'a.db'}", postgres_url, tmp_path / "b.zip")


def test_postgres_to_sqlite(tmp_path, postgres_url):
    _round_trip(postgres_url, f"sqlite:///{tmp_path / 'b.db'}", tmp_path / "b.zip")


@pytest.fixture
def saved(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    B.backup(store, tmp_path / "a.zip")
    store.dispose()
    return tmp_path / "a.zip"


def _rewrite(src, dst, change):
    with zipfile.ZipFile(src) as z:
        files = {n: z.read(n) for n in z.namelist()}
    change(files)
    with zipfile.ZipFile(dst, "w") as z:
        for n, data in files.items():
            z.writestr(n, data)


def _newer(files):
    m = json.loads(files["manifest.json"])
    m["format_version"] += 1
    files["manifest.json"] = json.dumps(m).encode()


def _tampered(files):
    files["tables/scores.jsonl"] = files["tables/scores.jsonl"][:-200]


@pytest.mark.parametrize("damage, message", [(_newer, "newer"), (_tampered, "checksum")])
def test_damaged_file_refused_store_unchanged(tmp_path, saved, damage, message):
    bad = tmp_path / "bad.zip"
    _rewrite(saved, bad, damage)
    dst = Store(f"sqlite:///{tmp_path / 'b.db'}", seed=False)
    before = _dump(dst)
    with pytest.raises(B.BackupError, match=message):
        B.restore(dst, bad)
    assert _dump(dst) == before


def test_truncated_file_refused(tmp_path, saved):
    bad = tmp_path / "cut.zip"
    bad.write_bytes(saved.read_bytes()[: saved.stat().st_size // 2])
    dst = Store(f"sqlite:///{tmp_path / 'b.db'}", seed=False)
    with pytest.raises(B.BackupError, match="not a readable"):
        B.restore(dst, bad)
    assert B.is_empty(dst.engine.connect())


def test_non_empty_store_refused_unless_forced(tmp_path, saved):
    dst = Store(f"sqlite:///{tmp_path / 'b.db'}")           # seeded: not empty
    before = _dump(dst)
    with pytest.raises(B.BackupError, match="not empty"):
        B.restore(dst, saved)
    assert _dump(dst) == before
    B.restore(dst, saved, force=True)
    assert {k: len(v) for k, v in _dump(dst).items()} == {k: len(v) for k, v in before.items()}


def test_command_line_restore_then_check(tmp_path, monkeypatch, capsys):
    from papi_data.cli import main
    monkeypatch.setenv("PAPI_DATABASE_URL", f"sqlite:///{tmp_path / 'a.db'}")
    assert main(["backup", str(tmp_path / "a.zip")]) == 0
    monkeypatch.setenv("PAPI_DATABASE_URL", f"sqlite:///{tmp_path / 'b.db'}")
    assert main(["restore", str(tmp_path / "a.zip")]) == 0
    assert main(["check"]) == 0
    assert main(["restore", str(tmp_path / "a.zip")]) == 2          # now not empty
    out = capsys.readouterr()
    assert "backup: 10 tables" in out.out and "restore: 10 tables" in out.out and "not empty" in out.err


def _insert_counts(engine) -> list[tuple[str, int]]:
    """(table, rows) of every INSERT the engine executes from now on."""
    seen = []

    def record(conn, clause, multiparams, params, options):
        if isinstance(clause, sa.Insert):
            seen.append((clause.table.name, len(multiparams) or 1))
    sa.event.listen(engine, "before_execute", record)
    return seen


def test_restore_inserts_in_bounded_batches(tmp_path, saved, any_url):
    src = Store(f"sqlite:///{tmp_path / 'a.db'}", seed=False)        # the store `saved` holds
    dst = Store(any_url, seed=False)
    seen = _insert_counts(dst.engine)
    r = B.restore(dst, saved, batch_rows=500)
    n = {name: sum(k for t, k in seen if t == name) for name, _ in seen}
    assert r["rows"] == sum(n.values()) > 20_000
    assert max(k for _, k in seen) <= 500
    assert sum(1 for t, _ in seen if t == "scores") >= n["scores"] / 500
    assert _dump(dst) == _dump(src)
    src.dispose(), dst.dispose()


def test_batches_are_bounded_by_bytes_too():
    from papi_data.db.schema import sources
    lines = [json.dumps({"source": f"s{i}", "citation": "x" * (100 if i % 3 else 5000)}).encode() + b"\n"
             for i in range(30)]
    got = list(B._batches(sources, iter(lines), rows=10, size=4000))
    assert [r["source"] for b in got for r in b] == [f"s{i}" for i in range(30)]
    assert all(len(b) <= 10 for b in got)
    # a batch ends at the row that takes it past the byte bound
    assert all(sum(len(json.dumps(r)) for r in b[:-1]) < 4000 for b in got)
    assert len(got) > 3


def _synthetic(url, copies: int) -> Store:
    """A store of `copies` import batches of 5,000 scores each."""
    from papi_data.db.schema import batches, scores
    store = Store(url, seed=False)
    with store.engine.begin() as c:
        for b in range(1, copies + 1):
            c.execute(batches.insert().values(id=b, kind="import", created_at=dt.datetime(2026, 1, b),
                                              created_by="t", file_name=f"{b}.xlsx", file_hash="0" * 64,
                                              raw=bytes(range(256)) * 40, rows_written=5_000, active=b == copies))
            c.execute(scores.insert(), [{"batch_id": b, "year": 2000 + i // 600, "province_code": i % 600 // 8,
                                         "indicator": f"D{i % 8}", "value": i / 7, "ci_low": None, "ci_high": None,
                                         "se": None, "tier_official": None, "source": "synthetic"}
                                        for i in range(5_000)])
    return store


def test_restore_memory_does_not_grow_with_the_store(tmp_path):
    import tracemalloc
    peaks = []
    for copies in (1, 4):
        src = _synthetic(f"sqlite:///{tmp_path / f'src{copies}.db'}", copies)
        B.backup(src, tmp_path / f"{copies}.zip")
        dst = Store(f"sqlite:///{tmp_path / f'dst{copies}.db'}", seed=False)
        tracemalloc.start()
        B.restore(dst, tmp_path / f"{copies}.zip", batch_rows=1000)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert _dump(dst) == _dump(src)
        src.dispose(), dst.dispose()
    # four times the rows, about the same peak (holding them all would take four times as much)
    assert peaks[1] < 1.5 * peaks[0], peaks


def test_a_file_changed_after_its_check_writes_nothing(tmp_path, saved, monkeypatch):
    """The rows inserted are hashed again: a file replaced between the check
    and the insert (simulated by skipping the check) rolls the restore back."""
    def _one_value_changed(files):
        lines = files["tables/scores.jsonl"].split(b"\n")
        lines[0] = lines[0].replace(b'"value": ', b'"value": 1', 1) if b'"value": ' in lines[0] \
            else lines[0].replace(b'"value":', b'"value":1', 1)
        files["tables/scores.jsonl"] = b"\n".join(lines)
    bad = tmp_path / "swapped.zip"
    _rewrite(saved, bad, _one_value_changed)
    with zipfile.ZipFile(saved) as z:
        manifest = json.loads(z.read("manifest.json"))
    monkeypatch.setattr(B, "read", lambda path: manifest)     # the check passed on the earlier file
    dst = Store(f"sqlite:///{tmp_path / 'b.db'}")
    before = _dump(dst)
    with pytest.raises(B.BackupError, match="changed while it was restored"):
        B.restore(dst, bad, force=True)
    assert _dump(dst) == before
