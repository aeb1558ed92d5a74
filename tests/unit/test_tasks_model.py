"""Plan tasks: deadlines as plans write them, and re-imports that keep statuses."""
import datetime as dt

import pytest

from papi_data.tasks import deadlines
from papi_data.tasks.model import Task, TaskFileError, merge


@pytest.mark.parametrize("text, plan_year, expected", [
    ("Quý III/2024", None, (dt.date(2024, 9, 30), False)),
    ("Năm 2024", None, (dt.date(2024, 12, 31), False)),
    ("Thường xuyên", 2024, (None, True)),
    ("Ongoing", 2024, (None, True)),
    # Thái Nguyên's appendix: the quarter is named first, the year later in the text.
    ("Quý II; triển khai đánh giá trong năm 2024", None, (dt.date(2024, 6, 30), False)),
    ("Tháng 6/2024", None, (dt.date(2024, 6, 30), False)),
    ("trước 30/6/2024", None, (dt.date(2024, 6, 30), False)),
    ("by June 2024", None, (dt.date(2024, 6, 30), False)),
    ("Q3 2024", None, (dt.date(2024, 9, 30), False)),
    ("Quý IV", 2024, (dt.date(2024, 12, 31), False)),
    ("Quý IV", None, (None, False)),
    ("", 2024, (None, False)),
    ("khi có chỉ đạo", 2024, (None, False)),
    ("31/2/2024", None, (None, False)),
])
def test_deadlines_as_plans_write_them(text, plan_year, expected):
    assert deadlines.parse(text, plan_year) == expected


def _task(no, text="Nhiệm vụ", **kw):
    return Task(no=no, task=text, lead="Sở Nội vụ", partners="", due=None, recurring=True,
                due_text="Thường xuyên", **kw)


def test_reimport_keeps_status_note_and_evidence_by_number():
    old = [_task("1", status="done", note="Đã xong", evidence="https://example.vn/1"), _task("2")]
    new = [_task("1", "Nhiệm vụ sửa lại"), _task("3")]
    out = merge(old, new)
    assert [t.no for t in out] == ["1", "3"]
    assert out[0].task == "Nhiệm vụ sửa lại"
    assert (out[0].status, out[0].note, out[0].evidence) == ("done", "Đã xong", "https://example.vn/1")
    assert out[1].status == "not_started"


def test_file_error_names_the_file_and_place_in_both_languages():
    e = TaskFileError("task_no_table", "ke-hoach.docx", "bảng 2, dòng 5")
    assert e.message("vi").startswith("ke-hoach.docx — bảng 2, dòng 5: ")
    assert e.message("en").startswith("ke-hoach.docx — bảng 2, dòng 5: ")
    assert "không tìm thấy bảng nhiệm vụ" in e.message("vi")
    assert "Số TT" in e.message("vi") and e.message("vi") != e.message("en")
