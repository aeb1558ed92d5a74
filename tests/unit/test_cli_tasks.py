"""`python -m papi_data tasks ...` run as a user runs it, against its own
SQLite store: import the Thái Nguyên 2024 plan, set a status, re-import,
list with overdue counted at --today, coverage, a file with no task table."""
import io
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from tests.conftest import ROOT
from tests.unit.task_files import plan_docx

FIXTURE = ROOT / "tests" / "fixtures" / "plan_99_libreoffice.docx"
TN = ["--province", "Thái Nguyên", "--year", "2024"]


@pytest.fixture
def run(tmp_path):
    env = {**os.environ, "PAPI_DATABASE_URL": f"sqlite:///{tmp_path / 'tasks.db'}"}

    def go(*args):
        return subprocess.run([sys.executable, "-m", "papi_data", "tasks", *args], cwd=ROOT, capture_output=True,
                              text=True, env=env, timeout=120)
    return go


def listed(run, *args):
    r = run("list", *TN, "--format", "json", *args)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_the_documented_command_forms(run):
    """tasks import … --plan … --format json; tasks set N …: the forms the
    documentation gives."""
    r = run("import", str(FIXTURE), *TN, "--plan", "99/KH-UBND", "--format", "json", "--dry-run")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)                                          # stdout is JSON alone
    assert len(rows) == 17 and {"no", "task", "lead", "partners", "due", "recurring", "status", "indicators"} <= set(rows[0])
    assert listed_or_none(run) is None                                   # a dry run writes nothing
    r = run("import", str(FIXTURE), *TN, "--plan", "99/KH-UBND", "--format", "json")
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 17, r.stderr
    r = run("set", "5", *TN, "--status", "in_progress", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert next(x for x in listed(run) if x["no"] == "5")["status"] == "in_progress"
    assert run("set", *TN, "--status", "done").returncode == 2            # no number: a clear refusal


def listed_or_none(run):
    r = run("list", *TN, "--format", "json")
    return json.loads(r.stdout) if r.returncode == 0 else None


def test_import_set_reimport_keeps_the_status(run, tmp_path):
    r = run("import", str(FIXTURE), *TN, "--ref", "99/KH-UBND", "--user", "Sở Nội vụ", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "Read 17 task(s)" in r.stdout and "17 added" in r.stdout and "99/KH-UBND" in r.stdout
    r = run("set", "--province", "19", "--year", "2024", "--no", "3", "--status", "done", "--note", "Đã tập huấn",
            "--evidence", "https://snv.thainguyen.gov.vn/tin/1")
    assert r.returncode == 0, r.stderr
    assert "Nhiệm vụ 3: Đã hoàn thành." in r.stdout
    again = tmp_path / "ke_hoach_99_sua.docx"
    again.write_bytes(plan_docx())
    r = run("import", str(again), *TN)
    assert r.returncode == 0, r.stderr
    assert "cập nhật 17" in r.stdout
    rows = {d["no"]: d for d in listed(run, "--today", "2024-10-15")}
    assert len(rows) == 17
    assert rows["3"]["status"] == "done" and rows["3"]["note"] == "Đã tập huấn"
    assert rows["3"]["evidence"] == "https://snv.thainguyen.gov.vn/tin/1"


def test_list_counts_overdue_at_today_and_puts_it_first(run):
    assert run("import", str(FIXTURE), *TN).returncode == 0
    mid = listed(run, "--today", "2024-07-15")          # task 1 (quý II) is late; task 3 (quý III) not yet
    assert [d["no"] for d in mid if d["overdue"]] == ["1"] and mid[0]["no"] == "1"
    late = listed(run, "--today", "2025-01-15")
    due = [d for d in late if d["overdue"]]
    assert {"1", "3", "9"} <= {d["no"] for d in due} and late[:len(due)] == due
    assert not any(d["overdue"] for d in late if d["recurring"])
    r = run("list", *TN, "--format", "csv", "--today", "2024-07-15")
    df = pd.read_csv(io.StringIO(r.stdout), dtype=str)
    assert len(df) == 17 and {"status", "overdue", "indicators"} <= set(df.columns)
    assert run("list", *TN, "--today", "2024-07-15", "--lang", "en").stdout.count("[Overdue]") == 1
    r = run("coverage", *TN, "--format", "json")
    cov = json.loads(r.stdout)
    assert cov["base_year"] == 2023 and all(isinstance(w["tasks"], list) for w in cov["weak"])
    assert set(cov["unaddressed"]) == {w["indicator"] for w in cov["weak"] if not w["tasks"]}


def test_a_file_with_no_task_table_exits_2_and_writes_nothing(run, tmp_path):
    bad = tmp_path / "ke_hoach_khong_bang.docx"
    bad.write_bytes(plan_docx(with_table=False))
    r = run("import", str(bad), *TN, "--lang", "en")
    assert r.returncode == 2
    assert "ke_hoach_khong_bang.docx" in r.stderr and "no task table found" in r.stderr
    r = run("list", *TN)
    assert r.returncode == 2 and "tasks import" in r.stderr


def test_dry_run_writes_nothing_and_unknown_task_is_refused(run):
    r = run("import", str(FIXTURE), *TN, "--dry-run", "--lang", "en")
    assert r.returncode == 0 and "Dry run" in r.stdout
    assert run("list", *TN).returncode == 2
    assert run("import", str(FIXTURE), *TN).returncode == 0
    r = run("set", *TN, "--no", "42", "--status", "done", "--lang", "en")
    assert r.returncode == 2 and "No task number 42" in r.stderr


def test_the_deck_carries_the_stored_tasks(tmp_path):
    """Tasks imported for a plan year come out on that year's deck."""
    import io

    from pptx import Presentation

    from papi_data import deck
    from papi_data.db import deck_inputs, tasks as task_store
    from papi_data.db.scores import Store
    from papi_data.tasks.readers import read_tasks
    from tests.unit import task_files
    s = Store(f"sqlite:///{tmp_path / 'deck.db'}")
    raw = task_files.plan_docx()
    task_store.save_import(s, 19, 2024, read_tasks(raw, "99.docx", 2024), "99/KH-UBND", "test")
    prs = Presentation(io.BytesIO(deck.build(19, 2024, "vi", **deck_inputs.load(s, 19, 2024))))
    text = " ".join(sh.text_frame.text for sl in prs.slides for sh in sl.shapes if sh.has_text_frame)
    assert "nhiệm vụ" in text.lower()
    s.dispose()
