"""AppTest for the targets page: evaluation in both languages, no-data
status, the analyst-only editor and its refusal of bad rows."""
import base64
import io
import json

import openpyxl

import numpy as np

import pytest
from streamlit.testing.v1 import AppTest

from papi_data import passwords, targets
from papi_data.db import targets as target_store
from tests.conftest import ROOT
from tests.app.plotly_spec import tables

PASSWORD = "mục tiêu 2026"
HASH = passwords.hash_password(PASSWORD)


def run(page="targets", **params):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = str(v)
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_lao_cai_2019(db, lang):
    at = run(lang=lang, year=2019, province=10)
    assert [m.value for m in at.metric] == ["9", "9", "0"]
    table = tables(at)[0]
    status = table.columns[4]
    assert status in ("Kết quả", "Status")
    assert table.iloc[0][status] == ("Chưa đạt" if lang == "vi" else "Not met")
    assert table.iloc[1][status] == ("Đạt" if lang == "vi" else "Met")
    assert any("D6" in w.value for w in at.warning)                       # baseline inconsistency
    check = table.columns[-2]
    d6 = table[table[check].fillna("").astype(str).str.startswith("⚠")]
    assert len(d6) == 1 and d6.iloc[0][check] == ("⚠ kế hoạch ghi 6,72, công bố 7,17" if lang == "vi" else
                                                  "⚠ plan states 6.72, published 7.17")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    markers = [d for d in spec["data"] if d.get("mode") == "markers"]
    y = markers[0]["x"]
    if isinstance(y, dict):                                               # plotly 7 typed array
        y = np.frombuffer(base64.b64decode(y["bdata"]), dtype=np.dtype(y["dtype"])).tolist()
    assert y == [46.96]
    assert any(("Chưa đạt" if lang == "vi" else "Not met") in str(v) for v in table.values.ravel())


def test_no_data_year_is_not_a_miss(db):
    at = run(lang="en", year=2014, province=87)
    assert [m.value for m in at.metric] == ["0", "0", "1"]
    assert tables(at)[0].iloc[0]["Status"] == "No data"
    assert any("did not score Dong Thap" in i.value for i in at.info)
    assert not at.get("plotly_chart")                                     # nothing to draw


def test_opens_on_a_province_year_with_targets(db):
    at = run()                                                            # no link, no earlier choice
    assert at.title[0].value == "Mục tiêu và kết quả — Lào Cai, PAPI 2019"
    assert at.query_params["year"] == "2019" and at.query_params["province"] == "10"
    assert [m.value for m in at.metric] == ["9", "9", "0"]


@pytest.mark.parametrize("lang,status", [("vi", "Đạt"), ("en", "Met")])
def test_tier_target_chart(db, lang, status):
    at = run(lang=lang, year=2024, province=19)                           # Thái Nguyên: top group
    assert tables(at)[0].iloc[0].iloc[4] == status
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    mark = [d for d in spec["data"] if d.get("mode") == "markers"][0]
    assert mark["marker"]["symbol"] == "diamond-tall" and mark["customdata"] == [status]


def test_no_targets_lists_where_there_are(db):
    at = run(lang="en", year=2024, province=10)
    assert any("No targets for Lao Cai in 2024" in i.value for i in at.info)
    labels = [b.label for b in at.button]
    assert "Lao Cai 2019" in labels and "Thai Nguyen 2024" in labels
    next(b for b in at.button if b.label == "Hung Yen 2024").click().run()
    assert at.title[0].value == "Targets and results — Hung Yen, PAPI 2024"
    assert tables(at)[0].iloc[0]["Status"] == "Not met"


def test_editor_is_for_analysts_only(db):
    at = run(year=2019, province=10)
    assert any("Chỉ cán bộ phân tích" in i.value for i in at.info)
    assert not at.get("data_editor") or len(at.get("data_editor")) == 0


def signed_in(db, monkeypatch, **params):
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", HASH)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = str(v)
    at.switch_page("pages/data.py").run()
    at.text_input(key="auth_name").input("Chuyên viên B")
    at.text_input(key="auth_password").input(PASSWORD)
    next(b for b in at.button if b.label in ("Đăng nhập", "Sign in")).click()
    at.run()
    at.switch_page("pages/targets.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _workbook(rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "targets"
    ws.append(targets.COLUMNS_XLSX)
    for r in rows:
        ws.append([r.get(c) for c in targets.COLUMNS_XLSX])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_analyst_upload_rejects_bad_rows_then_accepts(db, monkeypatch):
    at = signed_in(db, monkeypatch, lang="en", year=2024, province=33)
    assert at.get("arrow_data_frame") or at.dataframe                     # the editor is there for analysts
    assert at.button(key="save_targets").label == "Save changes"
    before = target_store.load(db)
    bad = _workbook([{"province_code": 33, "year": 2024, "indicator": "D8", "kind": "value", "value": 4.5},
                     {"province_code": 33, "year": 2024, "indicator": "D9", "kind": "value", "value": 4.5}])
    at.file_uploader(key="tgt_upload").set_value(("hy.xlsx", bad, XLSX))
    at.run()
    at.button(key="tgt_import").click().run()
    assert not at.exception
    err = at.error[0].value
    assert err.startswith("Not saved — targets unchanged.") and "[hy.xlsx, targets, D3] indicator D9" in err
    assert target_store.load(db).equals(before) and len(target_store.changes(db)) == 22
    good = _workbook([{"province_code": 33, "year": 2024, "indicator": "D8", "kind": "value", "value": 4.5,
                       "plan_number": "192/KH-UBND"}])
    at.file_uploader(key="tgt_upload").set_value(("hy.xlsx", good, XLSX))
    at.run()
    at.button(key="tgt_import").click().run()
    assert not at.exception and not at.error
    assert "Imported from hy.xlsx: 1 added, 0 changed, 0 unchanged." in [x.value for x in at.success]
    last = target_store.changes(db).iloc[-1]
    assert last.action == "import" and last.changed_by == "Chuyên viên B"
    assert len(target_store.load(db, 33, 2024)) == 2


def test_analyst_save_without_changes_records_nothing(db, monkeypatch):
    at = signed_in(db, monkeypatch, lang="vi", year=2019, province=10)
    at.button(key="save_targets").click().run()
    assert not at.exception and not at.error
    assert "Không có thay đổi nào để lưu." in [i.value for i in at.info]
    assert len(target_store.changes(db)) == 22 and len(target_store.load(db, 10, 2019)) == 18


@pytest.mark.parametrize("lang,caption", [("vi", "Tối đa 20 MB mỗi tệp · .xlsx"), ("en", "Up to 20 MB per file · .xlsx")])
def test_uploader_states_the_import_limit_in_the_interface_language(db, monkeypatch, lang, caption):
    at = signed_in(db, monkeypatch, lang=lang, year=2019, province=10)
    up = at.get("file_uploader")[-1].proto
    assert up.max_upload_size_mb == 20                  # not Streamlit's 200 MB
    assert caption in [c.value for c in at.caption]
    # Streamlit's own English line ("200MB per file") is hidden.
    assert any("stFileUploaderDropzoneInstructions" in h.value for h in at.get("html"))


@pytest.mark.parametrize("lang,label", [("vi", "Soạn dự thảo kế hoạch 2020"), ("en", "Draft the 2020 plan")])
def test_plan_draft_button_in_each_language(db, lang, label):
    at = run(lang=lang, year=2019, province=10)
    assert label in [d.proto.label for d in at.get("download_button")]


def test_no_plan_draft_without_the_years_results(db):
    """Đồng Tháp was not scored in 2018: no draft button, a plain reason."""
    at = run(lang="en", year=2018, province=87)
    assert not any("plan" in d.proto.label for d in at.get("download_button"))
    assert any("no PAPI results for 2018" in c.value for c in at.caption)
