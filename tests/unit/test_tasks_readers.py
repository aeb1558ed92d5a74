"""Plan tasks read from Word, Excel and CSV files as provinces publish them."""
import datetime as dt
import pathlib

import docx
import pytest

from papi_data.tasks.model import TaskFileError
from papi_data.tasks.readers import field_of, read_tasks
from tests.unit import task_files as tf

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"
LIBREOFFICE = FIXTURES / "plan_99_libreoffice.docx"

FILES = {
    "ke-hoach-99.docx": tf.plan_docx,
    "phu-luc.xlsx": tf.plan_xlsx,
    "phu-luc.csv": tf.plan_csv,
    "phu-luc-semicolon.csv": lambda: tf.plan_csv(delimiter=";", bom=False),
    "phu-luc.txt": lambda: tf.plan_csv(delimiter="\t"),
    "libreoffice.docx": LIBREOFFICE.read_bytes,
}


def _error(raw, name="ke-hoach.docx") -> TaskFileError:
    with pytest.raises(TaskFileError) as e:
        read_tasks(raw, name, 2024)
    return e.value


@pytest.mark.parametrize("name", FILES)
def test_the_17_tasks_of_thai_nguyen_2024_from_every_format(name):
    tasks = read_tasks(FILES[name](), name, 2024)
    assert [t.no for t in tasks] == [str(i) for i in range(1, 18)]
    by = {t.no: t for t in tasks}
    assert by["3"].task == "Tổ chức tập huấn, tuyên truyền, phổ biến các nội dung nâng cao Chỉ số PAPI năm 2024"
    assert (by["3"].lead, by["3"].partners) == ("Sở Nội vụ", "Các sở, ngành, UBND cấp huyện liên quan")
    assert (by["3"].due, by["3"].recurring, by["3"].due_text) == (dt.date(2024, 9, 30), False, "Quý III/2024")
    assert (by["2"].due, by["2"].recurring, by["2"].due_text) == (None, True, "Thường xuyên")
    assert by["1"].due == dt.date(2024, 6, 30)
    assert by["1"].due_text == "Quý II; triển khai đánh giá trong năm 2024"
    assert by["9"].due == dt.date(2024, 12, 31) and by["9"].due_text == "Năm 2024"
    # Tasks 5-7 share one merged lead cell in the Word and Excel files.
    assert [by[n].lead for n in ("5", "6", "7")] == ["UBND cấp xã"] * 3
    assert by["13"].lead == "Sở Y tế"
    assert by["17"].partners == "Sở Thông tin và Truyền thông"
    assert sum(t.recurring for t in tasks) == 13
    assert all(t.status == "not_started" and t.indicators == () for t in tasks)


def test_every_format_reads_the_same_tasks():
    first, *rest = (read_tasks(make(), name, 2024) for name, make in FILES.items())
    assert all(r == first for r in rest)


def test_the_libreoffice_file_has_two_tables_with_numbers_and_group_rows():
    d = docx.Document(str(LIBREOFFICE))
    assert len(d.tables) == 2
    assert [c.text for c in d.tables[0].rows[1].cells] == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    assert d.tables[1].rows[2].cells[0].text == "II. NHIỆM VỤ CỤ THỂ"


def test_a_word_file_without_a_table_is_refused_in_both_languages():
    e = _error(tf.plan_docx(with_table=False), "ke-hoach-99.docx")
    assert e.key == "task_no_table"
    assert e.message("vi") == ("ke-hoach-99.docx — văn bản không có bảng nào: không tìm thấy bảng nhiệm vụ "
                               "(cần các cột Số TT, Nhiệm vụ, Cơ quan chủ trì, Thời gian hoàn thành)")
    assert e.message("en") == ("ke-hoach-99.docx — the document holds no table: no task table found "
                               "(needs columns No., Task, Lead agency, Deadline)")


def test_a_word_file_with_only_other_tables_names_how_many_were_read():
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "UBND TỈNH THÁI NGUYÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    d.add_paragraph("KẾ HOẠCH")
    import io
    buf = io.BytesIO()
    d.save(buf)
    e = _error(buf.getvalue())
    assert e.key == "task_no_table"
    assert "đã xem 1 bảng" in e.message("vi") and "1 table(s) looked at" in e.message("en")


@pytest.mark.parametrize("make, name", [(tf.plan_docx, "plan.docx"), (tf.plan_xlsx, "plan.xlsx"),
                                        (tf.plan_csv, "plan.csv")])
def test_english_headers(make, name):
    tasks = read_tasks(make(header=tf.ENGLISH), name, 2024)
    assert len(tasks) == 17 and tasks[2].lead == "Sở Nội vụ" and tasks[2].due == dt.date(2024, 9, 30)


TYPOS = ("  Số  TT ", "Nhiêm vu  trong tâm", "Co quan chu tri", "Cơ quan phối hơp", "THÒI GIAN HOÀN THÀNH")


@pytest.mark.parametrize("make, name", [(tf.plan_docx, "plan.docx"), (tf.plan_csv, "plan.csv")])
def test_headers_with_typos_spaces_and_capitals(make, name):
    tasks = read_tasks(make(header=TYPOS), name, 2024)
    assert len(tasks) == 17 and tasks[7].partners == "Thanh tra tỉnh; các sở, ban, ngành liên quan"


@pytest.mark.parametrize("label, field", [
    ("Số TT", "no"), ("STT", "no"), ("TT", "no"), ("No.", "no"), ("Số thứ tự", "no"),
    ("Nội dung nhiệm vụ", "task"), ("Nhiệm vụ trọng tâm", "task"), ("Task", "task"),
    ("Đơn vị chủ trì", "lead"), ("Cơ quan chủ trì thực hiện", "lead"), ("Lead agency", "lead"),
    ("Đơn vị phối hợp", "partners"), ("Đơn vị phối hợp thực hiện", "partners"), ("Partner agencies", "partners"),
    ("Thời hạn", "due"), ("Thời gian thực hiện", "due"), ("Deadline", "due"), ("Due", "due"),
    ("Thời gian hòan thành", "due"), ("Coquan chutris", "lead"), ("Ghi chú", None), ("", None),
])
def test_header_labels(label, field):
    assert field_of(label) == field


def test_a_duplicate_number_names_its_row():
    rows = [*tf.TASKS[:6], ("5", "Nhiệm vụ khác", "Sở Nội vụ", "", "Năm 2024"), *tf.TASKS[6:]]
    e = _error(tf.plan_csv(tasks=rows), "phu-luc.csv")
    assert e.key == "task_dup"
    assert e.message("vi") == "phu-luc.csv — dòng 8: số thứ tự 5 lặp lại (đã có ở dòng 6)"
    assert e.message("en") == "phu-luc.csv — row 8: task number 5 appears twice (first at row 6)"


def test_an_empty_task_text_names_its_row_and_table():
    rows = [*tf.TASKS[:11], ("12", "", "Sở Nội vụ", "", "Năm 2024"), *tf.TASKS[12:]]
    e = _error(tf.plan_docx(tasks=rows))
    assert e.key == "task_no_text"
    # The second table: header at row 1, task 11 at row 2, task 12 at row 3.
    assert e.message("vi") == "ke-hoach.docx — bảng 2: dòng 3: thiếu nội dung nhiệm vụ"
    assert e.message("en") == "ke-hoach.docx — table 2: row 3: the task text is missing"


def test_a_table_without_deadlines_names_the_missing_column():
    header = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp")
    e = _error(tf.plan_csv(header=header, tasks=[r[:4] for r in tf.TASKS]), "phu-luc.csv")
    assert e.key == "task_missing_cols"
    assert e.message("vi") == "phu-luc.csv — dòng 1: bảng thiếu cột Thời gian hoàn thành"
    assert e.message("en") == "phu-luc.csv — row 1: the table lacks the column(s) Deadline"


def test_numbers_restarting_in_each_group_take_the_group_number():
    header = tf.HEADER
    rows = [("I", "NHIỆM VỤ CHUNG", "", "", ""), ("1", "Tuyên truyền", "Sở Nội vụ", "", "Quý III/2024"),
            ("2", "Tập huấn", "Sở Nội vụ", "", "Năm 2024"), ("II", "NHIỆM VỤ CỤ THỂ", "", "", ""),
            ("1", "Công khai danh sách hộ nghèo", "UBND cấp xã", "", "Thường xuyên")]
    tasks = read_tasks(tf.plan_csv(header=header, tasks=rows), "p.csv", 2024)
    assert [t.no for t in tasks] == ["I.1", "I.2", "II.1"]


def test_a_two_row_header_and_a_task_continued_on_the_next_row():
    rows = [("TT", "Nội dung", "Cơ quan thực hiện", "Cơ quan thực hiện", "Thời hạn"),
            ("", "", "Chủ trì", "Phối hợp", ""),
            ("1.", "Rà soát hộ nghèo", "Sở LĐTBXH", "UBND cấp huyện", "Quý IV"),
            ("", "và công khai danh sách", "", "", "")]
    tasks = read_tasks(tf.plan_csv(header=rows[0], tasks=rows[1:]), "p.csv", 2024)
    assert len(tasks) == 1
    t = tasks[0]
    assert (t.no, t.lead, t.partners, t.due) == ("1", "Sở LĐTBXH", "UBND cấp huyện", dt.date(2024, 12, 31))
    assert t.task == "Rà soát hộ nghèo\nvà công khai danh sách"


@pytest.mark.parametrize("raw, name, key", [
    (b"%PDF-1.7 ...", "ke-hoach.pdf", "task_format"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "ke-hoach.doc", "task_legacy"),
    ("Số TT,Nhiệm vụ\n".encode("cp1258", errors="replace") + b"\xe0\xe1", "p.csv", "task_encoding"),
    (b"  \n", "p.csv", "task_file_empty"),
    (b"PK\x03\x04 broken", "p.docx", "task_corrupt"),
])
def test_files_that_are_not_task_tables(raw, name, key):
    e = _error(raw, name)
    assert e.key == key and e.message("vi") != e.message("en") and name in e.message("en")


def test_an_excel_error_names_the_sheet_and_row():
    import io

    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(tf.plan_xlsx()))
    wb.active["A8"] = 3                      # task 4's number, at row 8 (title, blank, header, group row above)
    buf = io.BytesIO()
    wb.save(buf)
    e = _error(buf.getvalue(), "phu-luc.xlsx")
    assert e.message("vi") == "phu-luc.xlsx — trang tính “Phụ lục”, dòng 8: số thứ tự 3 lặp lại (đã có ở dòng 7)"
    assert e.message("en") == "phu-luc.xlsx — sheet “Phụ lục”, row 8: task number 3 appears twice (first at row 7)"


def test_a_stray_cell_far_away_does_not_blow_up_the_sheet():
    import io

    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(tf.plan_xlsx()))
    wb.active["XFD1048576"] = "x"
    buf = io.BytesIO()
    wb.save(buf)
    assert len(read_tasks(buf.getvalue(), "phu-luc.xlsx", 2024)) == 17


def test_a_damaged_word_part_is_refused():
    import io
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(tf.plan_docx())) as src, zipfile.ZipFile(buf, "w") as dst:
        for i in src.infolist():
            dst.writestr(i, b"<w:document" if i.filename == "word/document.xml" else src.read(i))
    assert _error(buf.getvalue()).key == "task_corrupt"


def test_start_and_finish_columns_take_the_finish_and_a_heading_above_the_first_task_is_skipped():
    header = ("#", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian bắt đầu", "Thời gian hoàn thành")
    rows = [("", "Nhiệm vụ chung", "", "", ""), ("1", "Tập huấn", "Sở Nội vụ", "Quý I/2024", "Quý III/2024")]
    (t,) = read_tasks(tf.plan_csv(header=header, tasks=rows), "p.csv", 2024)
    assert (t.no, t.task, t.due_text, t.partners) == ("1", "Tập huấn", "Quý III/2024", "")


def _rewrite(raw, part, change):
    import io
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for i in src.infolist():
            data = src.read(i)
            dst.writestr(i.filename, change(data) if i.filename == part else data)
    return buf.getvalue()


def test_an_xml_part_with_a_dtd_is_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
    raw = _rewrite(tf.plan_xlsx(), "xl/workbook.xml", lambda d: bomb + d.split(b"?>", 1)[-1])
    assert _error(raw, "p.xlsx").key == "task_corrupt"


def test_a_file_that_inflates_too_much_is_refused_before_it_is_parsed(monkeypatch):
    from papi_data.tasks import readers
    monkeypatch.setattr(readers, "MAX_XML", 10_000)
    e = _error(tf.plan_docx())
    assert e.key == "task_too_large" and "MB" in e.message("en")
