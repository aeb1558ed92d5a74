"""Switching language redraws the page in the new language on the same run:
the router's menu is drawn above the language widget, so it must not read
the previous language from the address."""
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def _menu(at):
    return [e.proto.label for e in at.get("page_link")]


@pytest.mark.parametrize("page", ["home", "profile"])
def test_switching_language_changes_the_menu_at_once(page):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.switch_page(f"pages/{page}.py").run()
    assert "Tổng quan" in _menu(at)
    at.sidebar.selectbox(key="lang").set_value("en").run()
    assert not at.exception
    assert _menu(at)[0] == "Overview" and "Tổng quan" not in _menu(at)
    assert at.sidebar.selectbox(key="lang").label == "Language"
    at.sidebar.selectbox(key="lang").set_value("vi").run()
    assert _menu(at)[0] == "Tổng quan"
    assert at.sidebar.selectbox(key="lang").label == "Ngôn ngữ"
