"""In Chromium, with a 2025 release imported (tests/unit/release_2025.py;
on PostgreSQL when PAPI_TEST_POSTGRES_URL is set, else SQLite): the year
switch across 1 July 2025 keeps Lào Cai and says how, and a 2025 link
still opens Lào Cai, never Yên Bái (old code 15), after a rollback."""
import os
import tempfile
import uuid
from pathlib import Path

import pytest

from papi_data.db.scores import Store
from tests.e2e.browser import assert_no_exception, open_page, screenshot, serve
from tests.unit import release_2025 as R

pytestmark = pytest.mark.e2e
PLOT = ".js-plotly-plot .main-svg"


@pytest.fixture(scope="module")
def released():
    base = os.environ.get("PAPI_TEST_POSTGRES_URL")
    admin = None
    if base:
        import sqlalchemy as sa
        name = f"papi_test_{uuid.uuid4().hex[:10]}"
        admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = base.rsplit("/", 1)[0] + f"/{name}"
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='papi-e2e-')) / 'eras.db'}"
    store = Store(url)
    batch = R.import_into(store)
    with serve(db_url=url) as server:
        yield server, store, batch
    store.dispose()
    if admin is not None:
        from tests.conftest import drop_database
        drop_database(admin, name)
        admin.dispose()


def _pick_year(page, year: int) -> None:
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(1).click()
    page.get_by_role("option", name=str(year), exact=True).click()
    page.wait_for_function(f"() => (document.querySelector('h1') || {{}}).innerText?.includes('PAPI {year}')",
                           timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(300)
    page.wait_for_selector(PLOT, timeout=60_000)


def test_year_switch_both_ways_and_a_link_after_rollback(released, page):
    server, store, batch = released
    open_page(page, f"{server}/profile?lang=vi&year=2025&province=15", wait_for=PLOT)
    assert_no_exception(page)
    assert page.locator("h1").first.inner_text().startswith("Lào Cai — PAPI 2025")
    assert "/34" in page.locator('[data-testid="stMetric"]').nth(1).inner_text()
    screenshot(page, "eras-lao-cai-2025")
    link = page.url
    assert "era=34" in link

    _pick_year(page, 2024)
    assert_no_exception(page)
    assert page.locator("h1").first.inner_text().startswith("Lào Cai — PAPI 2024")
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "Lào Cai (mới, từ 1/7/2025) = Lào Cai + Yên Bái: đang hiển thị các tỉnh cũ" in body
    assert "Yên Bái (cũ)" in body and "units=34" in page.url and "unit=15" in page.url
    screenshot(page, "eras-lao-cai-2024-former-provinces")

    _pick_year(page, 2025)
    assert page.locator("h1").first.inner_text().startswith("Lào Cai — PAPI 2025")
    assert "province=15" in page.url and "era=34" in page.url

    open_page(page, f"{server}/profile?lang=en&year=2024&province=15", wait_for=PLOT)   # old Yên Bái
    assert page.locator("h1").first.inner_text().startswith("Yen Bai — PAPI 2024")
    _pick_year(page, 2025)
    assert page.locator("h1").first.inner_text().startswith("Lao Cai — PAPI 2025")
    assert "Yen Bai (former) is now part of Lao Cai" in page.locator('[data-testid="stMain"]').inner_text()

    store.rollback(batch, user="analyst")
    try:
        open_page(page, link, wait_for=PLOT)                    # the saved 2025 link, PAPI 2025 withdrawn
        assert_no_exception(page)
        assert page.locator("h1").first.inner_text().startswith("Lào Cai — PAPI 2024")
        assert "Yên Bái (cũ)" in page.locator('[data-testid="stMain"]').inner_text()
        screenshot(page, "eras-link-after-rollback")
    finally:
        R.import_into(store)
