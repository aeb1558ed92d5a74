"""Plan tasks in the store (SQLite and PostgreSQL): a fresh schema and an
upgrade from version 3, import and re-import keeping statuses, updates with
their history, field lengths refused before anything is written."""
from dataclasses import replace

import pytest
import sqlalchemy as sa

from papi_data.db import migrations
from papi_data.db import tasks as store_tasks
from papi_data.db.scores import FieldTooLong, Store
from papi_data.tasks.readers import read_tasks
from tests.unit.task_files import plan_docx

TN = 19          # Thái Nguyên


@pytest.fixture(scope="module")
def plan():
    return read_tasks(plan_docx(), "ke_hoach_99.docx", 2024)


def test_fresh_store_has_the_task_tables(any_url):
    s = Store(any_url)
    assert s.schema_version() == migrations.SCHEMA_VERSION == 4
    assert {"plan_tasks", "task_updates"} <= set(sa.inspect(s.engine).get_table_names())
    assert store_tasks.plans(s) == [] and store_tasks.version(s) == 0
    s.dispose()


def test_a_version_3_store_gains_the_task_tables_and_keeps_its_data(any_url, plan):
    s = Store(any_url)
    before = s.checksum()
    with s.engine.begin() as c:                     # make it look like a version-3 database
        c.execute(sa.text("DROP TABLE task_updates"))
        c.execute(sa.text("DROP TABLE plan_tasks"))
        c.execute(sa.text("UPDATE schema_meta SET value='3' WHERE key='schema_version'"))
    s.dispose()
    s2 = Store(any_url)
    assert s2.schema_version() == 4 and s2.checksum() == before
    assert store_tasks.save_import(s2, TN, 2024, plan, "99/KH-UBND", "A")["added"] == 17
    s2.dispose()


def test_import_update_reimport_keeps_status_note_evidence_and_links(any_url, plan):
    s = Store(any_url)
    version = s.data_version()
    assert store_tasks.save_import(s, TN, 2024, plan, "99/KH-UBND", "A") == {"added": 17, "updated": 0, "removed": 0}
    tasks = store_tasks.load(s, TN, 2024)
    assert [t.no for t in tasks] == [str(i) for i in range(1, 18)]
    assert tasks[6].indicators == ("D3",)          # suggested on import
    assert store_tasks.plans(s) == [(TN, 2024, 17)] and store_tasks.plan_ref(s, TN, 2024) == "99/KH-UBND"
    tv = store_tasks.version(s)
    store_tasks.update(s, TN, 2024, "3", "done", "Đã tổ chức 2 lớp", "https://snv.thainguyen.gov.vn/a", "B")
    store_tasks.set_links(s, TN, 2024, "7", ["D3.4", "D3"], "B")
    assert store_tasks.version(s) > tv and s.data_version() == version      # scores untouched
    # the corrected file: task 3's text changes, task 17 is gone
    fixed = [replace(t, task=t.task + " (sửa)") if t.no == "3" else t for t in plan if t.no != "17"]
    assert store_tasks.save_import(s, TN, 2024, fixed, "99/KH-UBND", "A") == {"added": 0, "updated": 16,
                                                                              "removed": 1}
    t3 = {t.no: t for t in store_tasks.load(s, TN, 2024)}
    assert t3["3"].task.endswith("(sửa)") and t3["3"].status == "done" and t3["3"].note == "Đã tổ chức 2 lớp"
    assert t3["3"].evidence == "https://snv.thainguyen.gov.vn/a" and t3["7"].indicators == ("D3", "D3.4")
    assert "17" not in t3
    h = store_tasks.history(s, TN, 2024, "3")
    assert [r["action"] for r in h] == ["import", "update", "import"]
    assert h[1]["status"] == "done" and h[1]["changed_by"] == "B"
    s.dispose()


def test_unknown_status_or_task_and_long_texts_write_nothing(any_url, plan):
    s = Store(any_url)
    long_ref = "x" * 300
    with pytest.raises(FieldTooLong) as e:
        store_tasks.save_import(s, TN, 2024, plan, long_ref, "A")
    assert "Số hiệu kế hoạch" in e.value.message("vi") and "plan reference" in e.value.message("en")
    assert store_tasks.load(s, TN, 2024) == [] and store_tasks.version(s) == 0
    store_tasks.save_import(s, TN, 2024, plan, "99/KH-UBND", "A")
    v = store_tasks.version(s)
    with pytest.raises(ValueError):
        store_tasks.update(s, TN, 2024, "1", "finished")
    with pytest.raises(KeyError):
        store_tasks.update(s, TN, 2024, "99", "done")
    with pytest.raises(FieldTooLong) as e:
        store_tasks.update(s, TN, 2024, "1", "done", evidence="https://x/" + "a" * 3000)
    assert "minh chứng" in e.value.message("vi")
    assert store_tasks.version(s) == v and store_tasks.load(s, TN, 2024)[0].status == "not_started"
    s.dispose()
