"""AppTest for the targets page: evaluation in both languages, no-data
status, the analyst-only editor and its refusal of bad rows."""
import base64
import json

import numpy as np

import pytest
from streamlit.testing.v1 import AppTest

from papi_data import passwords, targets
from papi_data.store import Store
from tests.conftest import ROOT

PASSWORD = "mục tiêu 2026"
HASH = passwords.hash_password(PASSWORD)


@pytest.fixture
def db(tmp_path, monkeypatch):
    import ui.data
    url = f"sqlite:///{tmp_path / 'tp.db'}"
    monkeypatch.setenv("PAPI_DATABASE_URL", url)
    monkeypatch.delenv("PAPI_ANALYST_PASSWORD_HASH", raising=False)
    ui.data.store.clear()
    ui.data.clear()
    yield Store(url)
    ui.data.store.clear()
    ui.data.clear()


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
    table = at.dataframe[0].value
    status = table.columns[4]
    assert status in ("Kết quả", "Status")
    assert table.iloc[0][status] == ("Chưa đạt" if lang == "vi" else "Not met")
    assert table.iloc[1][status] == ("Đạt" if lang == "vi" else "Met")
    assert any("D6" in w.value for w in at.warning)                       # baseline inconsistency
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    markers = [d for d in spec["data"] if d.get("mode") == "markers"]
    y = markers[0]["y"]
    if isinstance(y, dict):                                               # plotly 7 typed array
        y = np.frombuffer(base64.b64decode(y["bdata"]), dtype=np.dtype(y["dtype"])).tolist()
    assert y == [46.96]
    assert any(("Chưa đạt" if lang == "vi" else "Not met") in str(v) for v in table.values.ravel())


def test_no_data_year_is_not_a_miss(db):
    at = run(lang="en", year=2014, province=87)
    assert [m.value for m in at.metric] == ["0", "0", "1"]
    assert at.dataframe[0].value.iloc[0]["Status"] == "No data"


def test_editor_is_for_analysts_only(db):
    at = run(year=2019, province=10)
    assert any("Chỉ cán bộ phân tích" in i.value for i in at.info)
    assert not at.get("data_editor") or len(at.get("data_editor")) == 0


def test_analyst_edit_rejected_then_accepted(db, monkeypatch):
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", HASH)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["year"] = "2024"
    at.query_params["province"] = "33"
    at.switch_page("pages/data.py").run()
    at.text_input(key="auth_name").input("Chuyên viên B")
    at.text_input(key="auth_password").input(PASSWORD)
    next(b for b in at.button if b.label in ("Đăng nhập", "Sign in")).click()
    at.run()
    at.switch_page("pages/targets.py").run()
    assert not at.exception
    before = targets.load(db)
    # A bad edit through the page's own apply path: value beyond the scale.
    edited = before[before.province_code == 33].copy()
    edited.loc[edited.index[0], "kind"] = "value"
    edited.loc[edited.index[0], "value"] = 95.0
    with pytest.raises(ValueError):
        targets.apply(db, before[before.province_code == 33], edited, user="Chuyên viên B")
    assert targets.load(db).equals(before)
    assert at.button(key="save_targets") is not None
