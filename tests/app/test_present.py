"""Presentation mode through the router: ?present=1 on any page path shows
one screen at a time with no sidebar or controls, the buttons move between
screens, and leaving returns to the page; the sidebar switch enters it.
Also: the deck and download buttons on the pages."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.plotly_spec import specs, tables
from tests.conftest import ROOT


def app(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    for k, v in params.items():
        at.query_params[k] = str(v)
    return at


def labels(at) -> list[str]:
    return [b.label for b in at.button]


def test_first_screen_is_the_headline_without_sidebar():
    at = app(present=1, province=10, year=2018).run()
    assert not at.exception
    assert len(at.sidebar.children) == 0                     # no sidebar, no menu, no selectors
    assert len(at.selectbox) == 0 and len(at.toggle) == 0
    (spec,) = specs(at)                                      # the headline as large text
    assert spec["layout"]["title"]["text"] == "Lào Cai — PAPI 2018"
    texts = [a["text"] for a in spec["layout"]["annotations"]]
    assert texts == ["Điểm tổng hợp", "<b>44,37</b>", "Xếp hạng", "<b>28/61</b>", "Nhóm", "<b>Trung bình cao</b>",
                     "So với năm trước", "<b>–</b>", "Không so sánh được với 2017: thang điểm đã đổi"]
    assert spec["layout"]["annotations"][1]["font"]["size"] >= 60
    assert labels(at) == ["◀ Trước", "Sau ▶", "Thoát trình chiếu"]
    assert at.button(key="present_prev").disabled and not at.button(key="present_next").disabled
    assert at.caption[-1].value.startswith("1/")


def test_next_shows_one_large_chart_per_screen():
    at = app(present=1, province=10, year=2019).run()
    n = int(at.caption[-1].value.split("/")[1].split()[0])
    assert n == 7 and len(specs(at)) == 1                     # headline, trend, radar, map, targets, where to focus, dimensions
    seen = []
    for i in range(2, n + 1):
        at.button(key="present_next").click().run()
        assert not at.exception
        assert at.query_params["slide"] == str(i)
        (spec,) = specs(at)
        assert spec["layout"]["font"]["size"] == 20 and spec["layout"]["height"] == 540   # fits 1024×768
        seen.append(spec["layout"]["title"]["text"])
        if i == 2:   # the trend's screen is named for the years it draws
            assert at.caption[-1].value.endswith("Diễn biến 2011–2024")
        if i == 4:   # where the province stands, instead of a tile map too small to read on a projector
            texts = [a["text"] for a in spec["layout"]["annotations"]]
            assert "<b>Lào Cai</b><br><b>45,06</b> · 13/63" in texts and "Cao nhất" in texts
            assert "42,30" in texts and "44,76" in texts                      # the cut points, written
        assert len(at.get("download_button")) == 0           # no controls on a projected screen
    assert at.button(key="present_next").disabled
    assert any("Lào Cai" in s for s in seen)


def test_a_deep_link_opens_a_given_screen_in_english():
    at = app(present=1, province=10, year=2019, lang="en", slide=3).run()
    assert not at.exception
    assert at.caption[-1].value.startswith("3/7")
    assert labels(at) == ["◀ Previous", "Next ▶", "Leave presentation"]
    assert len(at.get("plotly_chart")) == 1


@pytest.mark.parametrize("params", [{"province": 87, "year": 2014},          # Đồng Tháp 2014: not scored
                                    {"province": 999, "year": "abc", "slide": "x"},   # a mangled link
                                    {"province": 1, "year": 2011, "slide": 99}])
def test_odd_links_still_present_something(params):
    at = app(present=1, **params).run()
    assert not at.exception
    assert "/" in at.caption[-1].value and len(at.get("html")) == 0
    if params["province"] == 87:
        assert "Đồng Tháp" in at.header[0].value


def test_leaving_returns_to_the_page_with_its_sidebar():
    at = app(present=1, province=10, year=2019, slide=2).run()
    at.button(key="present_exit").click().run()
    assert not at.exception
    assert "present" not in at.query_params and "slide" not in at.query_params
    assert len(at.sidebar.children) > 0 and at.toggle(key="present_toggle").value is False


def test_the_sidebar_switch_enters_presentation_mode():
    at = app(province=10, year=2019).run()
    assert not at.exception
    at.toggle(key="present_toggle").set_value(True).run()
    assert not at.exception
    assert at.query_params["present"] == "1"
    texts = [a["text"] for a in specs(at)[0]["layout"]["annotations"]]
    assert "<b>45,06</b>" in texts and "<b>13/63</b>" in texts and "<b>Cao nhất</b>" in texts


@pytest.mark.parametrize("page", ["profile", "targets"])
def test_pages_offer_the_deck_and_downloads(page):
    at = app(province=10, year=2019)
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception
    buttons = [d.proto.label for d in at.get("download_button")]
    assert buttons[0] == "Tạo bài trình chiếu"
    charts, n_tables = len(at.get("plotly_chart")), len(at.dataframe) + len(tables(at))
    assert buttons.count("Ảnh PNG") == buttons.count("Ảnh SVG") == charts > 0
    assert buttons.count("CSV") == buttons.count("Excel") >= 1 and buttons.count("CSV") <= n_tables
