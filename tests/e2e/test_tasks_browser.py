"""Real browser: the Tasks page of the Thái Nguyên 2024 plan, with its
tasks stored, in Vietnamese and English: the table with overdue tasks
first, the coverage section, the XLSX download. Screenshots in
artifacts/screenshots/tasks-*.png."""
from __future__ import annotations

import io
import tempfile
from pathlib import Path

import openpyxl
import pytest

from papi_data.db import tasks as task_store
from papi_data.db.scores import Store
from papi_data.tasks.readers import read_tasks
from tests.e2e.browser import assert_no_exception, open_page, screenshot, serve
from tests.unit.task_files import plan_docx


@pytest.fixture(scope="module")
def tasks_server():
    db = f"sqlite:///{Path(tempfile.mkdtemp(prefix='papi-e2e-tasks-')) / 'e2e.db'}"
    s = Store(db)
    task_store.save_import(s, 19, 2024, read_tasks(plan_docx(), "99.docx", 2024), "99/KH-UBND", "e2e")
    task_store.update(s, 19, 2024, "3", "done", "Đã tập huấn", "", "e2e")
    s.dispose()
    with serve(db_url=db) as url:
        yield url


@pytest.mark.parametrize("lang,title,overdue", [("vi", "Nhiệm vụ kế hoạch PAPI: Thái Nguyên, năm 2024", "Quá hạn"),
                                                ("en", "PAPI plan tasks: Thai Nguyen, 2024", "Overdue")])
def test_tasks_page_in_browser(tasks_server, browser, lang, title, overdue):
    page = browser.new_context(viewport={"width": 1440, "height": 900}, locale="vi-VN", accept_downloads=True).new_page()
    open_page(page, f"{tasks_server}/tasks?lang={lang}&year=2023&province=19&plan_year=2024", wait_for="h1")
    assert_no_exception(page)
    page.get_by_text(title).first.wait_for(timeout=60_000)
    body = page.locator("section.main, [data-testid=stMain]").first.inner_text()
    assert overdue in body
    screenshot(page, f"tasks-{lang}")
    from tests.e2e.test_export_browser import _download
    name, raw = _download(page, "Excel", menu="task_table")
    assert name.endswith(".xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    assert sum(1 for r in rows if r and any(c is not None for c in r)) >= 17
    page.context.close()
