"""Real browser: an analyst uploads a workbook whose Hồ Chí Minh column has
a name no rule knows and no code; the page lists it once with the closest
provinces; the analyst picks the province, previews again, commits; the
same file then goes straight in. Screenshots in artifacts/screenshots/map_*.png."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from papi_data import passwords
from papi_data.db import aliases as alias_store
from papi_data.db.scores import Store
from tests.app.test_province_map import NICK, nickname_file
from tests.e2e.browser import assert_no_exception, open_page, screenshot, serve
from tests.e2e.test_import_browser import PASSWORD, _settle, _sign_in


@pytest.fixture(scope="module")
def analyst_server():
    db = f"sqlite:///{Path(tempfile.mkdtemp(prefix='papi-e2e-map-')) / 'e2e.db'}"
    with serve(env={"PAPI_ANALYST_PASSWORD_HASH": passwords.hash_password(PASSWORD)}, db_url=db) as url:
        yield url, db


def test_map_an_unknown_province_name_in_the_page(analyst_server, page, tmp_path):
    url, db = analyst_server
    store = Store(db)
    f = tmp_path / "2023PAPI_ProvincialIndicators.xlsx"
    f.write_bytes(nickname_file())
    open_page(page, url + "/data", wait_for="h1")
    _sign_in(page, PASSWORD)
    page.locator('input[type="file"]').wait_for(state="attached", timeout=30_000)
    page.locator('input[type="file"]').set_input_files(str(f))
    page.get_by_text("Tên tỉnh chưa nhận ra và chỉ số lạ").wait_for(timeout=60_000)
    _settle(page)
    assert_no_exception(page)
    assert page.get_by_text("Tệp có 1 lỗi").count() == 1            # one column, one message
    select = page.locator('[class*="st-key-map_"] [data-testid="stSelectbox"]')
    assert select.count() == 1 and NICK in page.locator('[class*="st-key-map_"]').first.inner_text()
    screenshot(page, "map_unresolved_vi")
    select.first.locator("input").click()
    page.keyboard.type("Hồ Chí Minh")
    page.get_by_role("option", name="TP. Hồ Chí Minh (79)").click()
    _settle(page)
    apply = page.get_by_role("button", name="Áp dụng và xem trước lại")
    page.wait_for_function("() => { const b = [...document.querySelectorAll('.st-key-map_apply button')];"
                           " return b.length === 1 && !b[0].disabled; }", timeout=30_000)
    apply.click()
    page.get_by_text("Tệp có 1 lỗi").wait_for(state="detached", timeout=60_000)
    page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
    _settle(page)
    assert_no_exception(page)
    screenshot(page, "map_applied_vi")
    assert page.get_by_text("Đang áp dụng:").count() == 1
    page.get_by_role("button", name="Ghi vào cơ sở dữ liệu").click()
    page.get_by_text("Đã nhập đợt 2").wait_for(timeout=60_000)
    assert list(alias_store.table(store).alias) == [NICK]
    assert 79 in set(store.scores().query("year == 2023").province_code)
    # the same spelling again: straight to the preview, nothing to map
    f2 = tmp_path / "2023PAPI_lan2.xlsx"
    f2.write_bytes(nickname_file())
    page.locator('input[type="file"]').set_input_files(str(f2))
    page.get_by_text("Xem trước thay đổi").wait_for(timeout=60_000)
    _settle(page)
    assert page.locator('[class*="st-key-map_"]').count() == 0
    screenshot(page, "map_next_file_vi")
