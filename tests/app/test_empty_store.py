"""Every page on a store with no scores left (the shipped history rolled
back with --force): a clear message, no exception; the data page stays
usable so an analyst can import again."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

MESSAGE = {"vi": "Kho dữ liệu không còn điểm số nào", "en": "The store holds no scores"}


@pytest.mark.parametrize("lang,page", [("vi", p) for p in ("overview", "profile", "compare", "targets", "home")]
                         + [("en", "overview"), ("vi", "data"), ("en", "data")])
def test_pages_on_an_empty_store(db, lang, page):
    db.rollback(1, user="test", force=True)
    import ui.data
    ui.data.clear()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    assert any(MESSAGE[lang] in e.value for e in at.error)
    if page == "data":
        assert at.tabs                      # the data page's tabs are still there
