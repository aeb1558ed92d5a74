"""The targets page in Chromium: evaluation table, target-versus-actual and
where-to-focus charts, the no-data case; screenshots saved for people to
look at (artifacts/screenshots/targets-*.png)."""
import pytest
from playwright.sync_api import expect

from tests.e2e.browser import assert_no_exception, open_page, screenshot

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("name,path,texts,charts", [
    # Lào Cai 2019: value and tier targets (9 met, 9 not), D6 baseline warning; target chart + focus chart.
    ("targets-vi", "targets?lang=vi&year=2019&province=10", ["Chưa đạt", "Đạt", "6,72", "7,17"], 2),
    # Thái Nguyên 2024: top group reached (4/61); tier marker at the cut point; focus chart.
    ("targets-tier-en", "targets?lang=en&year=2024&province=19", ["Met", "4/61", "Where to focus"], 2),
    # Đồng Tháp 2014: not scored by PAPI, so no verdict and nothing to draw.
    ("targets-en", "targets?lang=en&year=2014&province=87", ["No data", "did not score"], 0),
])
def test_targets_page_in_browser(server, page, name, path, texts, charts):
    open_page(page, f"{server}/{path}", wait_for=".st-key-tbl_targets_table .papi-table")
    assert_no_exception(page)
    if charts:
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    assert page.locator(".js-plotly-plot").count() == charts
    main = page.locator('[data-testid="stMain"]').inner_text()
    for text in texts:
        assert text in main or text in page.content(), text
    screenshot(page, name)


def test_targets_page_opens_on_a_plan(server, page):
    open_page(page, f"{server}/targets", wait_for=".st-key-tbl_targets_table .papi-table")
    assert_no_exception(page)
    assert "Lào Cai, PAPI 2019" in page.locator("h1").first.inner_text()
    assert "year=2019" in page.url and "province=10" in page.url


PASSWORD = "targets-e2e-password"


@pytest.fixture(scope="module")
def analyst_server():
    """A dashboard with an analyst password configured, on its own database."""
    import tempfile
    from pathlib import Path

    from papi_data import passwords
    from tests.e2e.browser import serve
    db = f"sqlite:///{Path(tempfile.mkdtemp(prefix='papi-e2e-targets-')) / 'e2e.db'}"
    with serve(env={"PAPI_ANALYST_PASSWORD_HASH": passwords.hash_password(PASSWORD)}, db_url=db) as url:
        yield url, db


def _workbook(path, rows):
    import openpyxl

    from papi_data import targets
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "targets"
    ws.append(targets.COLUMNS_XLSX)
    for r in rows:
        ws.append([r.get(c) for c in targets.COLUMNS_XLSX])
    wb.save(path)
    return str(path)


def uploaded(page, name):
    """Wait until the uploader holds `name` and the run it started is over, so
    the import button is pressed for this file and not the previous one."""
    page.locator('[data-testid="stFileChip"]', has_text=name).wait_for()
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stFileChipIconSpinner\"]')"
                           " && !document.querySelector('[data-testid=\"stStatusWidget\"]')")


def test_analyst_uploads_targets(analyst_server, page, tmp_path):
    from papi_data.db import targets as target_store
    from papi_data.db.scores import Store
    url, db = analyst_server
    page.set_default_timeout(90_000)          # clicks and waits; the machine may be busy with other tests
    open_page(page, url + "/data?year=2024&province=33", wait_for="h1")
    page.get_by_label("Tên của bạn (ghi vào lịch sử nhập)").fill("Chuyên viên Sở Nội vụ")
    page.get_by_label("Mật khẩu chuyên viên").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.locator('input[type="file"]').wait_for(state="attached")
    page.get_by_role("link", name="Mục tiêu").click()                 # same session: still signed in
    page.get_by_text("Sửa mục tiêu (cán bộ phân tích)").wait_for()
    page.locator('input[type="file"]').wait_for(state="attached")
    assert "Hưng Yên, PAPI 2024" in page.locator("h1").first.inner_text()
    store = Store(db)
    before = target_store.load(store)
    bad = _workbook(tmp_path / "hy.xlsx", [
        {"province_code": 33, "year": 2024, "indicator": "D8", "kind": "value", "value": 45}])
    page.locator('input[type="file"]').set_input_files(bad)
    uploaded(page, "hy.xlsx")
    page.get_by_role("button", name="Nhập mục tiêu từ tệp này").click()
    page.get_by_text("Không lưu — mục tiêu giữ nguyên.").wait_for()
    assert "[hy.xlsx, targets, F2] 45 nằm ngoài thang điểm 0–10 của D8." in page.locator(
        '[data-testid="stAlert"]').all_inner_texts()[-1]
    assert target_store.load(store).equals(before)
    screenshot(page, "targets-upload-rejected-vi")
    good = _workbook(tmp_path / "hy2.xlsx", [
        {"province_code": 33, "year": 2024, "indicator": "D8", "kind": "value", "value": 4.5}])
    page.locator('input[type="file"]').set_input_files(good)
    uploaded(page, "hy2.xlsx")
    page.get_by_role("button", name="Nhập mục tiêu từ tệp này").click()
    page.get_by_text("Đã nhập từ hy2.xlsx: 1 thêm, 0 sửa, 0 giữ nguyên.").wait_for()
    assert_no_exception(page)
    assert len(target_store.load(store, 33, 2024)) == 2
    assert target_store.changes(store).iloc[-1].changed_by == "Chuyên viên Sở Nội vụ"
    store.dispose()
    screenshot(page, "targets-upload-vi")


def _type_into_minimum_score(page, text: str) -> None:
    """Open the first row's minimum-score cell (TOTAL, 46,96), clear it and
    type `text` key by key, as the analyst does.

    The cell is reached through the grid's accessibility table (one <td> per
    cell, id glide-cell-COL-ROW) rather than by clicking canvas pixels, which
    missed the cell on a busy machine."""
    grid = page.locator('[data-testid="stDataFrame"]').filter(has=page.get_by_role("button", name="Add row"))
    cell = grid.locator("#glide-cell-6-0")                      # row 0, the minimum-score column
    expect(cell).to_have_text("46,96")                          # shown with a decimal comma
    grid.scroll_into_view_if_needed()
    editor = page.locator("textarea.gdg-input")
    for _ in range(3):      # a rerun may redraw the grid between the focus and the key
        cell.focus()
        cell.press("Enter")                                     # open the cell's editor
        try:
            editor.wait_for(timeout=10_000)
            break
        except Exception:
            page.keyboard.press("Escape")
    assert editor.input_value() == "46,96"
    for _ in range(5):                                          # clear it key by key, then type
        editor.press("End")
        editor.press("Backspace")
    editor.press_sequentially(text)
    assert editor.input_value() == text
    editor.press("Enter")
    expect(cell).to_have_text(text)                             # the grid holds the edit
    screenshot(page, "targets-editor-decimal-comma-vi")


def test_analyst_types_a_decimal_comma_in_the_editor(analyst_server, browser):
    """In the Vietnamese interface, "47,5" typed into a score cell is stored
    as 47.5 whatever the computer's own locale (the grid's number cells
    followed the browser's locale and dropped the comma: 475, then refused)."""
    from papi_data.db import targets as target_store
    from papi_data.db.scores import Store
    url, db = analyst_server
    page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US").new_page()
    page.set_default_timeout(90_000)
    open_page(page, url + "/data?year=2019&province=10", wait_for="h1")
    page.get_by_label("Tên của bạn (ghi vào lịch sử nhập)").fill("Chuyên viên Sở Nội vụ")
    page.get_by_label("Mật khẩu chuyên viên").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.locator('input[type="file"]').wait_for(state="attached")
    page.get_by_role("link", name="Mục tiêu").click()
    page.get_by_text("Sửa mục tiêu (cán bộ phân tích)").wait_for()
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    done = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
    for _ in range(3):   # a rerun that redraws the grid mid-edit loses it: the page then has nothing to save
        _type_into_minimum_score(page, "47,5")
        page.wait_for_function(done)                             # the run the edit started has ended
        page.get_by_role("button", name="Lưu thay đổi").click()
        saved, nothing = page.get_by_text("1 sửa"), page.get_by_text("Không có thay đổi nào để lưu.")
        saved.or_(nothing).first.wait_for()
        page.wait_for_timeout(1000)
        page.wait_for_function(done)                             # the run the click started has ended
        if saved.count():
            break
    page.get_by_text("1 sửa").wait_for()
    assert_no_exception(page)
    store = Store(db)
    row = target_store.load(store, 10, 2019).query("indicator == 'TOTAL' and kind == 'value'")
    assert row["value"].tolist() == [47.5]
    store.dispose()
    page.context.close()
