"""Indicators suggested from a task's text: keyword table and codebook names."""
import csv

import pytest

from papi_data import codebook
from papi_data.tasks import links
from tests.unit import task_files as tf

TASK = {no: text for no, text, *_ in tf.TASKS}


def test_every_keyword_names_a_known_indicator():
    with open(links.KEYWORDS_FILE, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and set(rows[0]) == {"keyword", "indicator", "note"}
    assert {r["indicator"] for r in rows} <= set(codebook.known_codes()) - {"TOTAL"}
    assert all(r["keyword"].strip() for r in rows)


@pytest.mark.parametrize("text, year, codes", [
    ("Công khai danh sách hộ nghèo", 2024, ("D2", "D2.2")),
    ("hộ nghèo", 2015, ("D2.2",)),
    ("Bộ phận Một cửa", 2024, ("D5",)),
    ("giải quyết thủ tục hành chính", 2012, ("D5",)),
    ("y tế", 2024, ("D6.1",)),
    ("BỆNH VIỆN huyện", 2024, ("D6.1",)),
    ("bảo vệ môi trường", 2024, ("D7.1",)),                 # the longer keyword wins
    ("môi trường", 2017, ()),                                   # no D7 before 2018
    ("Trang thông tin điện tử", 2024, ("D8",)),
    ("Cổng dịch vụ công quốc gia", 2018, ("D8",)),              # D8, not public services (D6)
    ("Cổng dịch vụ công quốc gia", 2017, ()),
    ("dịch vụ công theo thời gian thực trên môi trường điện tử", 2024, ("D6", "D8")),
    ("tieu chi danh gia", 2024, ()),
    ("Chất lượng không khí", 2024, ("D7.2",)),                # the codebook's own name
    ("Equity in State Employment", 2020, ("D4.3",)),            # English codebook name
])
def test_suggestions(text, year, codes):
    assert links.suggest(text, year) == codes


def test_a_sub_dimension_the_year_lacks_falls_back_to_its_dimension():
    text = "Nâng cao hiệu quả hoạt động của Ban Thanh tra Nhân dân"
    assert links.suggest(text, 2016) == ("D3", "D3.4")
    assert links.suggest(text, 2024) == ("D3",)
    assert links.suggest("Cấp giấy phép xây dựng", 2019) == ("D5.2",)
    assert links.suggest("Cấp giấy phép xây dựng", 2021) == ("D5",)


def test_the_thai_nguyen_2024_tasks():
    s = {no: links.suggest(text, 2024) for no, text in TASK.items()}
    assert s["4"] == ("D1", "D2", "D2.1", "D2.2", "D2.3")    # grassroots democracy; budget, poverty lists
    assert s["5"] == ("D2", "D2.4", "D8")                    # land-use plans on the web portal
    assert s["6"] == ("D1", "D1.2", "D1.4")
    assert s["7"] == ("D3",)                                 # inspection boards: no "nhân dân bàn" across words
    assert s["8"] == ("D3.1", "D3.2")
    assert s["10"] == ("D3.3",)
    assert s["12"] == ("D2", "D4.2", "D5")
    assert s["13"] == ("D4.2", "D6.1")
    assert s["15"] == ("D6", "D6.3", "D6.4")
    assert s["16"] == ("D7", "D7.2", "D7.3")
    assert s["17"] == ("D2", "D3.2", "D5", "D8")
    assert s["3"] == ()                                      # training on PAPI in general
    # Before 2018 the environment and e-governance do not exist.
    assert links.suggest(TASK["16"], 2016) == ()
    assert links.suggest(TASK["17"], 2016) == ("D2", "D3.2", "D5")


def test_link_fills_only_tasks_without_indicators():
    from papi_data.tasks.model import Task
    a = Task("1", "Công khai danh sách hộ nghèo", "UBND cấp xã", "", None, True, "Thường xuyên")
    b = Task("2", "Khám, chữa bệnh", "Sở Y tế", "", None, True, "Thường xuyên", indicators=("D6",))
    assert [t.indicators for t in links.link([a, b], 2024)] == [("D2", "D2.2"), ("D6",)]
