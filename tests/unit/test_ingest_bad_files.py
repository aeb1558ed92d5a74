"""A corpus of bad files, each with the error it must produce; after each
the database is unchanged (rows, batches and a checksum of the scores), on
SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import io
import os
import uuid
import zipfile

import openpyxl
import pytest

from papi_data import ingest
from papi_data.db.scores import Store
from tests.unit import workbooks as W

TODAY = dt.date(2026, 11, 22)


# ---- helpers that edit a 2018-layout sheet -------------------------------------------------
def _col(ws, code):
    for row in ws.iter_rows(min_row=1, max_row=12):
        if row[1].value == "Mã tỉnh":
            for c in row:
                if c.value == code:
                    return c.column
    raise LookupError(code)


def _row(ws, prefix, stat=0):
    hits = [r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith(prefix)]
    return hits[0] + stat


def _set(label, code, fn, year=2023):
    def edit(sheets):
        ws = sheets[year]
        c = ws.cell(_row(ws, label), _col(ws, code))
        c.value = fn(c.value)
    return edit


def _tpl(rows, cols=("year", "province", "indicator", "value"), sep=","):
    lines = [sep.join(cols)] + [sep.join(str(v) for v in r) for r in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _docx():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def _ole(stream_names):
    # The header of a compound (OLE2) file and its directory entry names in UTF-16
    body = b"".join(n.encode("utf-16-le") + b"\x00\x00" for n in stream_names)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + body + b"\x00" * 1024


def _random_sheet():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Tên", "Tuổi"])
    ws.append(["An", 30])
    return W.save(wb)


def _formula():
    def edit(sheets):
        ws = sheets[2023]
        ws.cell(_row(ws, "Dimension 1:"), _col(ws, 1)).value = "=D12+1"
    return W.indicator_rows(2023, edit=edit)


def _no_year_2016():
    raw = W.province_rows(2016)
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    wb.worksheets[0].title = "Bảng tổng hợp kết quả"
    wb.worksheets[0].cell(1, 1).value = "Chỉ số PAPI - Bảng tổng hợp kết quả"
    return W.save(wb)


def _dup_column():
    def edit(sheets):
        ws = sheets[2023]
        _hn, hg = _col(ws, 1), _col(ws, 2)
        ws.cell(_row(ws, "Province code") + 1, hg).value = "Hà Nội"   # the name row
        ws.cell(_row(ws, "Province code"), hg).value = 1
    return W.indicator_rows(2023, edit=edit)


def _separator_value():
    def edit(sheets):
        ws = sheets[2024]
        r = _row(ws, "Dimension 1:")
        blank = next(c for c in range(4, ws.max_column) if ws.cell(r - 1, c).value is None
                     and ws.cell(7, c).value is None)
        ws.cell(r, blank).value = 5.5
    return W.indicator_rows(2024, edit=edit)


def _province_rows_unknown():
    def edit(sheets):
        sheets["main"].cell(5, 2).value = "Song Be"       # English and Vietnamese name columns
        sheets["main"].cell(5, 3).value = "Tỉnh Sông Bé"
        sheets["main"].cell(5, 1).value = None            # with its tinhid the code would identify it
    return W.province_rows(2016, edit=edit)


def _no_code(code, year):
    """A province column without its code: the name alone must identify it
    (with a code, the code does and an unknown name is only noted)."""
    def edit(sheets):
        ws = sheets[year]
        ws.cell(_row(ws, "Province code"), _col(ws, code)).value = None
    return edit


def _unknown_province_2025():
    names = {c: n for c, n in zip(__import__("papi_data").provinces.in_year(2025).gso_code,
                                  __import__("papi_data").provinces.in_year(2025).name_vi)}
    names[15] = "Yên Bái"
    return W.indicator_rows(2025, names=names, edit=_no_code(15, 2025))


def _bad_ci():
    def edit(sheets):
        ws = sheets[2023]
        c = ws.cell(_row(ws, "Dimension 2:") + 2, _col(ws, 1))   # the 95% CI Low row of D2
        c.value = c.value + 1
    return W.indicator_rows(2023, edit=edit)


BIG = W.indicator_rows(2023)

# name, file name, bytes (or a builder), expected error code, expected cell (or None), extra kwargs
CASES = [
    ("empty file", "papi.xlsx", b"", "empty", None, {}),
    ("blank csv", "papi.csv", b"  \n \n", "empty", None, {}),
    ("over the size limit", "2023PAPI.xlsx", BIG, "too_large", None, {"limit": 50_000}),
    ("password-protected workbook", "2023PAPI.xlsx", _ole(["EncryptionInfo", "EncryptedPackage"]), "encrypted", None, {}),
    ("legacy xls", "2023PAPI.xls", _ole(["Workbook", "SummaryInformation"]), "legacy_xls", None, {}),
    ("truncated workbook", "2023PAPI.xlsx", BIG[: len(BIG) // 2], "corrupt", None, {}),
    ("text renamed .xlsx", "2023PAPI.xlsx", b"year,province\n2023,Ha Noi\n", "corrupt", None, {}),
    ("pdf", "report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "wrong_type", None, {}),
    ("word document", "scores.docx", _docx(), "wrong_type", None, {}),
    ("image", "chart.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "wrong_type", None, {}),
    ("csv not utf-8", "mau.csv", "year;province;indicator;value\n2023;Hà Nam;D1;5,1\n".encode("cp1258"),
     "encoding_legacy", None, {}),
    ("unrecognised workbook", "danh_sach.xlsx", _random_sheet(), "no_layout", None, {}),
    ("template without value column", "mau.csv", _tpl([(2023, "Hà Nội", "D1")], ("year", "province", "indicator")),
     "missing_columns", None, {}),
    ("template header only", "mau.csv", _tpl([]), "no_values", None, {}),
    ("misspelt province (2018 layout)", "2023PAPI.xlsx",
     W.indicator_rows(2023, names={**{c: n for c, n in zip(__import__("papi_data").provinces.in_year(2023).gso_code,
                                                            __import__("papi_data").provinces.in_year(2023).name_vi)},
                                   10: "Lao Kai"}, edit=_no_code(10, 2023)),
     "unknown_province", None, {}),
    ("merged-away province in a 2025 file", "2025PAPI.xlsx", _unknown_province_2025(), "unknown_province", None, {}),
    ("unknown province (template)", "mau.csv", _tpl([(2023, "Hà Tây", "D1", 5.1)]), "unknown_province", "B2", {}),
    ("unknown province (2011-2017 rows)", "PAPI-2016.xlsx", _province_rows_unknown(), "unknown_province", "B5", {}),
    ("unknown indicator code", "mau.csv", _tpl([(2023, "Hà Nội", "D9", 5.1)]), "unknown_indicator", "C2", {}),
    ("indicator not in that year", "mau.csv", _tpl([(2016, "Hà Nội", "D7", 3.1)]), "unknown_indicator", "C2", {}),
    ("unknown dimension row", "2023PAPI.xlsx",
     W.indicator_rows(2023, edit=lambda s: s[2023].cell(_row(s[2023], "Dimension 8:"), 1).__setattr__(
         "value", "Dimension 9: Digital Economy")), "unknown_indicator", None, {}),
    ("value above its scale", "mau.csv", _tpl([(2023, "Hà Nội", "D1", 12.5)]), "out_of_scale", "D2", {}),
    ("negative value", "mau.csv", _tpl([(2023, "Hà Nội", "D1.1", -0.5)]), "out_of_scale", "D2", {}),
    ("dimension not the sum of its parts", "2023PAPI.xlsx",
     W.indicator_rows(2023, edit=_set("Dimension 1:", 1, lambda v: v + 0.5)), "sum_dimension", None, {}),
    ("total not the sum of dimensions", "2023PAPI.xlsx",
     W.indicator_rows(2023, edit=_set("Unweighted PAPI", 1, lambda v: v + 0.02)), "sum_total", None, {}),
    ("duplicate rows (template)", "mau.csv", _tpl([(2023, "Hà Nội", "D1", 5.1), (2023, "Ha Noi", "D1", 5.2)]),
     "duplicate", None, {}),
    ("province column twice", "2023PAPI.xlsx", _dup_column(), "duplicate_province", None, {}),
    ("year not over yet", "mau.csv", _tpl([(2026, "Hà Nội", "D1", 5.1)]), "future_year", "A2", {}),
    ("image named .csv", "diem.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "not_text", None, {}),
    ("a letter saved as .csv", "cong_van.csv",
     "Kính gửi các sở, ban, ngành\nThực hiện Kế hoạch số 99, UBND tỉnh đề nghị...\n".encode(), "no_layout", None, {}),
    ("another table saved as .csv", "danh_ba.csv", "Họ tên,Điện thoại\nAn,0912\n".encode(), "no_layout", None, {}),
    ("text in a score cell", "2023PAPI.xlsx",
     W.indicator_rows(2023, edit=_set("Dimension 3:", 4, lambda v: "5.1x")), "not_a_number", None, {}),
    ("formula without cached value", "2023PAPI.xlsx", _formula(), "formula_no_value", None, {}),
    ("bad year", "mau.csv", _tpl([("20x4", "Hà Nội", "D1", 5.1)]), "bad_year", "A2", {}),
    ("missing value", "mau.csv", _tpl([(2023, "Hà Nội", "D1", "")]), "missing_value", "D2", {}),
    ("year asked for is not in the file", "2023PAPI.xlsx", BIG, "year_not_in_file", None, {"years": [2019]}),
    ("no year anywhere (2011-2017 layout)", "papi.xlsx", _no_year_2016(), "year_unknown", None, {}),
    ("values in a separator column (2024 file)", "2024PAPI.xlsx", _separator_value(), "column_without_province",
     None, {}),
    ("province code contradicts the name", "2023PAPI.xlsx",
     W.indicator_rows(2023, edit=_set("Province code", 1, lambda v: 2)), "code_mismatch", None, {}),
    ("value outside its confidence interval", "2023PAPI.xlsx", _bad_ci(), "ci_order", None, {}),
]


def test_corpus_is_large_enough():
    assert len(CASES) >= 25
    assert len({c[3] for c in CASES}) >= 25


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def db(request, tmp_path_factory):
    if request.param == "sqlite":
        s = Store(f"sqlite:///{tmp_path_factory.mktemp('bad') / 'bad.db'}")
        yield s
        s.dispose()
        return
    base = os.environ.get("PAPI_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("PostgreSQL not configured: set PAPI_TEST_POSTGRES_URL (CI starts a server)")
    import sqlalchemy as sa
    name = f"papi_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    s = Store(base.rsplit("/", 1)[0] + f"/{name}")
    yield s
    s.dispose()
    from tests.conftest import drop_database
    drop_database(admin, name)
    admin.dispose()


@pytest.mark.parametrize("name,file_name,raw,code,cell,kw", CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_refused_and_nothing_changes(db, name, file_name, raw, code, cell, kw):
    before = db.checksum()
    version = db.data_version()
    plan = ingest.prepare(raw, file_name, db, today=TODAY, **kw)
    assert not plan.ok
    hits = [i for i in plan.errors if i.code == code]
    assert hits, [(i.code, i.message("en")) for i in plan.errors]
    first = hits[0]
    assert first.file == file_name
    if cell:
        assert first.cell == cell
    for lang in ("vi", "en"):
        msg = first.message(lang)
        assert msg and "{" not in msg and not msg.startswith("imp_err_")
    assert first.message("vi") != first.message("en")
    with pytest.raises(ValueError):
        ingest.commit(plan, db, user="test")
    assert db.checksum() == before
    assert db.data_version() == version


def test_missing_columns_named_from_the_closest_header(db):
    plan = ingest.prepare("year;province\n2023;Hà Nội\n".encode(), "mau.csv", db, today=TODAY)
    (err,) = [i for i in plan.errors if i.code == "missing_columns"]
    assert err.kw()["columns"] == "indicator, value"
    assert plan.parsed.layout == "template"


def test_a_file_that_is_not_a_table_is_not_called_the_template(db):
    plan = ingest.prepare("Kính gửi các sở, ban, ngành\n".encode(), "cong_van.csv", db, today=TODAY)
    assert plan.parsed.layout == "unknown"
    assert "missing_columns" not in {i.code for i in plan.errors}


def test_unknown_province_suggests_closest_names(db):
    raw = _tpl([(2023, "Lao Kai", "D1", 5.1)])
    plan = ingest.prepare(raw, "mau.csv", db, today=TODAY)
    (i,) = plan.errors
    assert "Lào Cai" in i.message("vi") and "Did you mean" in i.message("en")
    plan = ingest.prepare(_unknown_province_2025(), "2025PAPI.xlsx", db, today=TODAY)
    i = next(i for i in plan.errors if i.code == "unknown_province")
    assert "Yên Bái" in i.message("en") and "Lào Cai" in i.message("en")   # merged into the new Lào Cai
    assert i.sheet == "2025_VIE_ENG" and i.cell


def test_sum_error_names_the_parent_cell_and_the_numbers(db):
    plan = ingest.prepare(W.indicator_rows(2023, edit=_set("Dimension 1:", 1, lambda v: v + 0.5)),
                          "2023PAPI.xlsx", db, today=TODAY)
    i = next(i for i in plan.errors if i.code == "sum_dimension")
    assert i.sheet == "2023_VIE_ENG" and i.cell.startswith("D")       # Hà Nội is the first province column
    assert "D1.1+D1.2+D1.3+D1.4" in i.message("en") and "+0.5000" in i.message("en").replace("-", "+")
    assert "0,01" in i.message("vi")
