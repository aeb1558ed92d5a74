"""The data page: refusal without an analyst, password sign-in, upload through
the uploader, preview, commit, rollback, errors with their cells."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from papi_data import passwords
from tests.conftest import ROOT
from tests.unit import workbooks as W

PASSWORD = "mật khẩu phân tích 2026"
HASH = passwords.hash_password(PASSWORD)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def page(lang="vi", secrets=None):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = lang
    for k, v in (secrets or {}).items():
        at.secrets[k] = v
    at.run()
    at.switch_page("pages/data.py")
    at.run()
    if lang != "vi":
        at.selectbox(key="lang").set_value(lang)
        at.run()
    return at


def sign_in(at, password=PASSWORD, name="Chuyên viên A"):
    at.text_input(key="auth_name").input(name)
    at.text_input(key="auth_password").input(password)
    next(b for b in at.button if b.label in ("Đăng nhập", "Sign in")).click()
    return at.run()


def frame(at, column):
    """The first table that has `column` (tables carry no key in AppTest)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def texts(at):
    return " ".join(str(e.value) for kind in ("markdown", "caption", "info", "warning", "error", "success")
                    for e in getattr(at, kind))


def test_no_analyst_configured_explains_setup_and_accepts_nothing(db):
    at = page()
    assert not at.exception
    assert at.title[0].value == "Cập nhật dữ liệu PAPI"
    assert "Chưa cấu hình chuyên viên phân tích" in at.warning[0].value
    assert "hash-password" in texts(at) and "PAPI_ANALYST_PASSWORD_HASH" in texts(at)
    assert len(at.file_uploader) == 0
    assert not [b for b in at.button if b.key == "rb_button"]
    # reading stays open: the history and the downloads
    history = at.dataframe[0].value
    assert "data/scores.csv" in history.to_string()
    # the shipped batch is described in the interface's language
    assert "Số liệu PAPI đã công bố, đi kèm bảng điều khiển" in history.to_string()
    assert "shipped with the dashboard" not in history.to_string() and "system" not in history.to_string()
    assert {b.proto.label for b in at.get("download_button")} >= {"Tải CSV", "Tải Excel", "Tải mẫu CSV"}


def test_history_speaks_english_in_english(db):
    history = page("en").dataframe[0].value.to_string()
    assert "Published PAPI history shipped with the dashboard" in history and "system" in history


def test_wrong_password_is_refused_then_right_one_opens_the_uploader(db, monkeypatch):
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", HASH)
    at = page()
    assert "Chỉ chuyên viên phân tích được nhập dữ liệu" in texts(at)
    assert len(at.file_uploader) == 0
    at = sign_in(at, "sai mật khẩu")
    assert not at.exception
    assert "Mật khẩu không đúng." in [e.value for e in at.error]
    assert len(at.file_uploader) == 0
    at = sign_in(at)
    assert len(at.file_uploader) == 1
    assert "Chuyên viên A" in texts(at)


def test_upload_preview_commit_and_rollback(db):
    at = page(lang="en", secrets={"analyst": {"password_hash": HASH}})   # hash from secrets.toml
    at = sign_in(at, name="Analyst B")
    raw = W.indicator_rows(2025)
    at.file_uploader[0].set_value(("2025PAPI_ProvincialIndicators.xlsx", raw, XLSX))
    at.run()
    assert not at.exception
    assert not at.error
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Added": "1,258", "Changed": "0", "New CI/SE only": "0", "Unchanged": "0"}
    assert "import template" not in texts(at) and "2018 on" in texts(at)
    changes = frame(at, "Difference")
    assert len(changes) == 1258 and set(changes["Year"]) == {2025}
    assert "Huế" in set(changes["Province"]) or "Hue" in set(changes["Province"])
    assert db.scores().query("year == 2025").empty            # nothing written before the commit
    at.button(key="imp_commit").click()
    at.run()
    assert not at.exception
    assert any("Imported as batch 2" in s.value for s in at.success)
    cur = db.scores().query("year == 2025")
    assert len(cur) == 1258 and cur.province_code.nunique() == 34
    hist = db.history().set_index("id")
    assert hist.loc[2, "created_by"] == "Analyst B" and hist.loc[2, "file_name"] == "2025PAPI_ProvincialIndicators.xlsx"
    # the uploader is cleared for the next file
    assert at.file_uploader[0].value is None
    # the history tab lists it; roll it back
    assert 2 in set(frame(at, "Batch")["Batch"])
    assert at.button(key="rb_button").disabled
    at.checkbox(key="rb_confirm").check()
    at.run()
    at.button(key="rb_button").click()
    at.run()
    assert not at.exception
    assert any("Batch 2 rolled back" in s.value for s in at.success)
    assert db.scores().query("year == 2025").empty
    assert "Rolled back" in set(frame(at, "Batch")["State"])


def test_bad_upload_lists_errors_with_cells_in_vietnamese(db, monkeypatch):
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", HASH)
    at = sign_in(page())
    before = db.checksum()
    bad = b"year;province;indicator;value\n2023;Lao Kai;D1;5,1\n2023;H\xc3\xa0 N\xe1\xbb\x99i;D1;12,5\n"
    at.file_uploader[0].set_value(("mau.csv", bad, "text/csv"))
    at.run()
    assert not at.exception
    assert "2 lỗi" in at.error[0].value
    errs = frame(at, "Ô")
    assert list(errs["Ô"]) == ["B2", "D3"]
    assert "Lào Cai" in errs["Vấn đề"].iloc[0] and "ngoài thang điểm 0–10" in errs["Vấn đề"].iloc[1]
    assert not [b for b in at.button if b.key == "imp_commit"]
    assert db.checksum() == before


def test_multi_year_file_lets_the_analyst_pick_years(db, monkeypatch):
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", HASH)
    at = sign_in(page(lang="en"))
    at.file_uploader[0].set_value(("2023PAPI.xlsx", W.indicator_rows([2022, 2023], ci=False), XLSX))
    at.run()
    ms = at.multiselect[0]
    assert ms.label == "Years to import" and ms.value == [2023]
    assert at.info and "changes nothing" in texts(at)
    ms.set_value([2022, 2023])
    at.run()
    by_year = frame(at, "Kept (not in the file)")
    assert list(by_year["Year"]) == [2022, 2023]


def test_oidc_configured_shows_sign_in_button_not_password(db):
    at = page(lang="en", secrets={"auth": {"redirect_uri": "http://localhost:8603/oauth2callback",
                                           "cookie_secret": "x" * 32, "client_id": "id", "client_secret": "s",
                                           "server_metadata_url": "https://example.org/.well-known/openid-configuration"},
                                  "analyst": {"emails": ["analyst@example.org"], "password_hash": HASH}})
    assert not at.exception
    assert at.button(key="auth_login").label == "Sign in with your organisation account"
    assert not [t for t in at.text_input if t.key == "auth_password"]
    assert len(at.file_uploader) == 0


def test_commit_refused_when_the_data_changed_after_the_preview(db, monkeypatch):
    """Another analyst (or the command line) imports while this preview is on
    screen: the commit button refuses and writes nothing; the new preview shows."""
    from papi_data import ingest
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", HASH)
    at = sign_in(page(lang="en"))
    at.file_uploader[0].set_value(("2025PAPI.xlsx", W.indicator_rows(2025), XLSX))
    at.run()
    assert {m.label: m.value for m in at.metric}["Added"] == "1,258"
    other = W.template_csv(W.template_frame(W.merged_2025().head(30)))
    ingest.commit(ingest.prepare(other, "other.csv", db), db, user="someone else")
    before = db.checksum()
    at.button(key="imp_commit").click()
    at.run()
    assert not at.exception
    assert any("changed the data after this preview" in e.value for e in at.error)
    assert db.checksum() == before
    # the preview now compares with the new data: 30 values exist already (the file adds their CI)
    m = {m.label: m.value for m in at.metric}
    assert m["Added"] == "1,228" and m["New CI/SE only"] == "30"
    at.button(key="imp_commit").click()
    at.run()
    assert any("Imported as batch 3" in s.value for s in at.success)


def test_an_upload_is_read_once(db, monkeypatch):
    """Reruns (a click, a year picked and picked back) reuse the reading of
    the file instead of parsing it again."""
    from papi_data.ingest import worker
    calls = []
    parse = worker.parse
    monkeypatch.setattr(worker, "parse", lambda *a, **k: calls.append(a[2]) or parse(*a, **k))
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", HASH)
    at = sign_in(page(lang="en"))
    at.file_uploader[0].set_value(("2025PAPI.xlsx", W.indicator_rows(2025), XLSX))
    at.run()
    at.run()
    assert not at.exception and calls == [None]
