"""Real browser: an analyst signs in, uploads a new-year workbook through the
file input, previews, commits and rolls back; the page refuses without the
password. Screenshots in artifacts/screenshots/import_*.png."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from papi_data import passwords
from papi_data.db.scores import Store
from tests.e2e.browser import assert_no_exception, open_page, screenshot, serve
from tests.unit import workbooks as W

PASSWORD = "analyst-e2e-password"


@pytest.fixture(scope="module")
def analyst_server():
    """A dashboard with an analyst password configured, on its own database."""
    db = f"sqlite:///{Path(tempfile.mkdtemp(prefix='papi-e2e-import-')) / 'e2e.db'}"
    with serve(env={"PAPI_ANALYST_PASSWORD_HASH": passwords.hash_password(PASSWORD)}, db_url=db) as url:
        yield url, db


def _settle(page, timeout=60_000):
    """Wait until Streamlit has finished the current run (no reload)."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)
    page.wait_for_timeout(300)


def _sign_in(page, password):
    page.get_by_label("Tên của bạn (ghi vào lịch sử nhập)").fill("Chuyên viên Sở Nội vụ")
    page.get_by_label("Mật khẩu chuyên viên").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_refused_without_the_password(analyst_server, page):
    url, db = analyst_server
    open_page(page, url + "/data", wait_for="h1")
    assert_no_exception(page)
    assert page.locator("h1").first.inner_text().startswith("Cập nhật dữ liệu PAPI")
    assert page.locator('input[type="file"]').count() == 0
    _sign_in(page, "not the password")
    page.get_by_text("Mật khẩu không đúng.").wait_for(timeout=30_000)
    assert page.locator('input[type="file"]').count() == 0
    screenshot(page, "import_refused_vi")


def test_upload_preview_commit_rollback(analyst_server, page, tmp_path):
    url, db = analyst_server
    store = Store(db)
    f = tmp_path / "2025PAPI_ProvincialIndicators_BangChiTieuCapTinh.xlsx"
    f.write_bytes(W.indicator_rows(2025))
    open_page(page, url + "/data", wait_for="h1")
    _sign_in(page, PASSWORD)
    page.locator('input[type="file"]').wait_for(state="attached", timeout=30_000)
    page.locator('input[type="file"]').set_input_files(str(f))
    page.get_by_text("Xem trước thay đổi").wait_for(timeout=60_000)
    _settle(page)
    assert_no_exception(page)
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Thêm mới")
    assert "1.258" in metric.inner_text()
    page.wait_for_timeout(1500)  # let the tables draw
    screenshot(page, "import_preview_vi")
    assert store.scores().query("year == 2025").empty
    page.get_by_role("button", name="Ghi vào cơ sở dữ liệu").click()
    page.get_by_text("Đã nhập đợt 2").wait_for(timeout=60_000)
    assert_no_exception(page)
    assert len(store.scores().query("year == 2025")) == 1258
    screenshot(page, "import_committed_vi")
    # history tab: roll it back
    page.get_by_role("tab", name="Lịch sử nhập").click()
    page.get_by_text("Tôi hiểu:").click()
    page.get_by_role("button", name="Hoàn tác").click()
    page.get_by_text("Đã hoàn tác đợt 2").wait_for(timeout=60_000)
    assert store.scores().query("year == 2025").empty
    screenshot(page, "import_rolled_back_vi")


def test_english_page_with_errors(analyst_server, page, tmp_path):
    url, _ = analyst_server
    f = tmp_path / "mau.csv"
    f.write_text("year;province;indicator;value\n2024;Lao Kai;D1;5,1\n2024;Hà Nội;D1;12,5\n", encoding="utf-8")
    open_page(page, url + "/data?lang=en", wait_for="h1")
    page.get_by_label("Your name (recorded in the import history)").fill("Analyst")
    page.get_by_label("Analyst password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.locator('input[type="file"]').wait_for(state="attached", timeout=30_000)
    page.locator('input[type="file"]').set_input_files(str(f))
    page.get_by_text("The file has 2 error(s)").wait_for(timeout=60_000)
    _settle(page)
    assert_no_exception(page)
    screenshot(page, "import_errors_en")


def test_sign_in_survives_a_reload_and_sign_out_ends_it(analyst_server, page):
    url, _db = analyst_server
    open_page(page, url + "/data", wait_for="h1")
    _sign_in(page, PASSWORD)
    page.locator('input[type="file"]').wait_for(state="attached", timeout=30_000)
    _settle(page)
    word = page.locator("[data-testid=stFileUploaderDropzone] button p").first.evaluate(
        "e => getComputedStyle(e, '::after').content")
    assert word == '"Chọn tệp"'                                          # not Streamlit's English "Upload"
    cookie = [c for c in page.context.cookies() if c["name"] == "papi_analyst"]
    assert cookie and cookie[0]["sameSite"] == "Strict"
    page.reload()
    page.locator("h1").first.wait_for(timeout=60_000)
    page.locator('input[type="file"]').wait_for(state="attached", timeout=30_000)     # still an analyst
    assert page.get_by_text("Chuyên viên Sở Nội vụ").count() >= 1
    screenshot(page, "import_signed_in_after_reload_vi")
    page.get_by_role("button", name="Đăng xuất").click()
    page.get_by_label("Mật khẩu chuyên viên").wait_for(timeout=30_000)
    _settle(page)
    page.reload()
    page.get_by_label("Mật khẩu chuyên viên").wait_for(timeout=60_000)                # and stays signed out
    assert page.locator('input[type="file"]').count() == 0
    # a forged cookie opens nothing
    page.context.add_cookies([{"name": "papi_analyst", "value": "QWRtaW4.9999999999.00", "url": url}])
    page.reload()
    page.get_by_label("Mật khẩu chuyên viên").wait_for(timeout=60_000)
    assert page.locator('input[type="file"]').count() == 0
