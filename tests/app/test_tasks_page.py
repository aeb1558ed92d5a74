"""AppTest for the tasks page in both languages: the empty state, an
analyst's upload of the Thái Nguyên 2024 plan (preview, save, the table),
a task set done, overdue tasks first, a file with no task table refused."""
import pytest
from streamlit.testing.v1 import AppTest

from papi_data import passwords
from papi_data.db import tasks as task_store
from tests.conftest import ROOT
from tests.unit.task_files import plan_docx

PASSWORD = "nhiệm vụ 2026"
HASH = passwords.hash_password(PASSWORD)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FIXTURE = ROOT / "tests" / "fixtures" / "plan_99_libreoffice.docx"
TN = 19
WORDS = {"vi": {"none": "Chưa có nhiệm vụ nào của Thái Nguyên cho kế hoạch năm 2024.", "read": "Đọc được 17 nhiệm vụ",
                "evidence": "Minh chứng", "overdue": "Quá hạn", "no": "Số TT", "status": "Trạng thái",
                "done": "Đã hoàn thành", "no_table": "không tìm thấy bảng nhiệm vụ", "saved": "Đã lưu nhiệm vụ 1",
                "sign_in": "Đăng nhập", "caveat": "không phải bằng chứng về tác động", "indicator": "Chỉ số",
                "count": "Số nhiệm vụ", "lead": "Cơ quan chủ trì"},
         "en": {"none": "No tasks of Thai Nguyen for the 2024 plan yet.", "read": "Read 17 tasks",
                "evidence": "Evidence", "overdue": "Overdue", "no": "No.", "status": "Status", "done": "Done",
                "no_table": "no task table found", "saved": "Saved task 1", "sign_in": "Sign in",
                "caveat": "not proof of the tasks' effect", "indicator": "Indicator", "count": "Tasks",
                "lead": "Lead agency"}}


def run(lang):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for k, v in {"lang": lang, "year": "2023", "province": str(TN), "plan_year": "2024"}.items():
        at.query_params[k] = v
    at.switch_page("pages/tasks.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def sign_in(at, lang):
    at.text_input(key="auth_name").input("Sở Nội vụ")
    at.text_input(key="auth_password").input(PASSWORD)
    next(b for b in at.button if b.label == WORDS[lang]["sign_in"]).click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def tasks_table(at, lang):
    return next(d.value for d in at.dataframe if WORDS[lang]["evidence"] in d.value.columns)


def texts(at):
    return " ".join(str(e.value) for kind in ("markdown", "caption", "info", "warning", "error", "success", "code")
                    for e in getattr(at, kind))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_empty_state_says_how_to_import(db, lang):
    at = run(lang)
    assert WORDS[lang]["none"] in [i.value for i in at.info]
    assert "python -m papi_data tasks import" in texts(at)
    assert len(at.file_uploader) == 0 and not at.dataframe       # no analyst configured: nothing to upload


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_upload_preview_save_set_done_overdue_first(db, monkeypatch, lang):
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", HASH)
    at = sign_in(run(lang), lang)
    w = WORDS[lang]
    at.file_uploader[0].set_value(("ke_hoach_99.docx", FIXTURE.read_bytes(), DOCX))
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any(w["read"] in i.value for i in at.info)
    assert len(tasks_table(at, lang)) == 17 and task_store.load(db, TN, 2024) == []     # a preview only
    at.button(key="task_import").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert len(task_store.load(db, TN, 2024)) == 17 and at.success
    shown = tasks_table(at, lang)
    assert len(shown) == 17 and len(at.file_uploader) == 1 and at.file_uploader[0].value is None
    at.selectbox(key="task_pick").set_value("1")
    at.run()
    at.selectbox(key="task_status_19_2024_1").set_value("done")
    at.text_input(key="task_evidence_19_2024_1").input("https://snv.thainguyen.gov.vn/bao-cao")
    at.multiselect(key="task_links_19_2024_1").set_value(["D5", "D5.1"])
    at.button(key="task_save").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any(w["saved"] in s.value for s in at.success)
    t1 = task_store.load(db, TN, 2024)[0]
    assert t1.status == "done" and t1.evidence == "https://snv.thainguyen.gov.vn/bao-cao"
    assert t1.indicators == ("D5", "D5.1")
    assert [r["action"] for r in task_store.history(db, TN, 2024, "1")] == ["import", "update", "links"]
    shown = tasks_table(at, lang)
    flags = list(shown[w["overdue"]])
    assert flags == sorted(flags, key=lambda f: f != "✔") and "✔" in flags     # a 2024 plan: overdue now
    row1 = shown[shown[w["no"]] == "1"].iloc[0]
    assert row1[w["status"]] == w["done"] and row1[w["overdue"]] == ""
    assert w["caveat"] in texts(at)                      # the 2024 results exist: what the indicators did
    at.selectbox(key="task_group").set_value("indicator")
    at.run()
    by = next(d.value for d in at.dataframe if w["indicator"] in d.value.columns)
    assert w["count"] in by.columns and len(by) > 3
    at.selectbox(key="task_group").set_value("lead")
    at.run()
    by = next(d.value for d in at.dataframe if w["lead"] in d.value.columns and w["count"] in d.value.columns)
    assert by[w["count"]].sum() == 17


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_file_with_no_task_table_is_refused_and_nothing_saved(db, monkeypatch, lang):
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", HASH)
    at = sign_in(run(lang), lang)
    at.file_uploader[0].set_value(("khong_bang.docx", plan_docx(with_table=False), DOCX))
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    err = " ".join(e.value for e in at.error)
    assert "khong_bang.docx" in err and WORDS[lang]["no_table"] in err
    assert not [b for b in at.button if b.key == "task_import"]
    assert task_store.load(db, TN, 2024) == [] and task_store.version(db) == 0
