"""The deck's slide content as plain records: the weakest sub-dimensions
rule, the trend's first year from the codebook, table colours by tier index
and column role; and the task-status slide in both languages."""
from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from pptx import Presentation

from papi_data import analytics, codebook, deck
from papi_data.deck import content
from papi_data.tasks import coverage
from papi_data.tasks.model import Task
from tests.unit.test_deck import LAO_CAI, build, find, tables, texts, title

TODAY = dt.date(2026, 12, 3)


def _task(no, status="not_started", due=None, text="Nhiệm vụ", lead="Sở Nội vụ", due_text="", recurring=False):
    return Task(no=no, task=text, lead=lead, partners="", due=due, recurring=recurring, due_text=due_text,
                status=status)


TASKS = [
    _task("1", "done", dt.date(2026, 6, 30), due_text="Quý II/2026"),
    _task("2", "in_progress", dt.date(2027, 3, 31), due_text="Quý I/2027"),
    _task("3", "in_progress", dt.date(2026, 9, 30), due_text="Tháng 9/2026",
          text="Công khai, minh bạch danh sách hộ nghèo và kết quả bình xét hộ nghèo tại tất cả các xã, phường, "
               "thị trấn trên địa bàn tỉnh, niêm yết tại nhà văn hoá thôn"),
    _task("4", "not_started", dt.date(2026, 3, 31), due_text="Quý I/2026", lead="Sở Tài chính"),
    _task("5", "not_started", None, due_text="Thường xuyên", recurring=True),
    _task("6", "not_started", None, due_text=""),
]


@pytest.fixture(scope="module")
def e(store):
    return analytics.enrich(store.scores())


# ---- pure rules -------------------------------------------------------------------

def test_weakest_subdimensions_lowest_relative_rank_then_lowest_score():
    e = pd.DataFrame({
        "year": 2019, "province_code": 1,
        "indicator": ["D1.1", "D1.2", "D1.3", "D1.4", "D2.1", "TOTAL"],
        "rank": [10, 50, 50, 60, 5, 63], "n_ranked": [63, 63, 63, 63, 63, 63],
        "value": [2.0, 1.5, 1.2, 1.9, 2.2, 40.0]})
    weak = content.weakest_subdimensions(e, 1, 2019, n=3)
    assert list(weak["indicator"]) == ["D1.4", "D1.3", "D1.2"]     # 60/63, then the 50/63 tie by lower score
    assert "TOTAL" not in set(content.weakest_subdimensions(e, 1, 2019)["indicator"])   # sub-dimensions only
    assert content.weakest_subdimensions(e, 2, 2019).empty
    assert list(weak.columns) == list(e.columns)                   # no helper column leaks out


def test_weakest_compares_ranks_out_of_different_maps():
    e = pd.DataFrame({"year": 2019, "province_code": 1, "indicator": ["D1.1", "D1.2"],
                      "rank": [30, 40], "n_ranked": [34, 63], "value": [2.0, 1.0]})
    assert list(content.weakest_subdimensions(e, 1, 2019)["indicator"]) == ["D1.1", "D1.2"]   # 30/34 > 40/63


def test_trend_starts_where_the_codebook_says_the_series_starts():
    breaks = codebook.breaks()
    cut = int(breaks[breaks["code"] == "TOTAL"]["year"].max())
    assert content.series_start("TOTAL", cut) == cut
    assert content.series_start("TOTAL", cut + 5) == cut
    first = int(codebook.table().query("code == 'TOTAL'")["first_year"].min())
    assert content.series_start("TOTAL", cut - 1) == first


def test_tables_carry_tier_indices_and_status_by_role(store, e):
    from papi_data.db import deck_inputs
    inp = deck_inputs.load(store, LAO_CAI, 2019)
    c = content.context(LAO_CAI, 2019, "en")
    dims = content.dimensions(e, c)
    assert all(k in (1, 2, 3, 4) for k in dims.tiers) and len(dims.tiers) == len(dims.table)
    tg = content.targets(inp["enriched"], inp["targets"], c)
    page = tg.pages[0]
    assert page.table.columns[page.status_column] == "Status"
    assert all(m in (True, False, None) for m in page.met)


# ---- tasks ----------------------------------------------------------------------------

def test_task_counts_are_disjoint_and_overdue_wins():
    counts = content.task_counts(TASKS, TODAY)
    assert counts == {"done": 1, "in_progress": 1, "not_started": 2, "overdue": 2}
    assert sum(counts.values()) == len(TASKS)
    assert not coverage.overdue(TASKS[0], dt.date(2030, 1, 1))             # done is never overdue
    assert not coverage.overdue(TASKS[4], TODAY)                          # recurring: no deadline
    assert not coverage.overdue(TASKS[3], dt.date(2026, 3, 31))           # due today: not yet late


def test_shorten_cuts_at_a_word():
    assert content.shorten("ngắn") == "ngắn"
    s = content.shorten("một hai ba bốn năm sáu bảy", 12)
    assert len(s) <= 12 and s.endswith("…") and s == "một hai ba…"


@pytest.mark.parametrize("lang, head, states, late", [
    ("vi", "Tiến độ thực hiện nhiệm vụ", ["Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Quá hạn"],
     "Nhiệm vụ quá hạn (đến ngày 03/12/2026)"),
    ("en", "Progress of the plan's tasks", ["Done", "In progress", "Not started", "Overdue"],
     "Overdue tasks (as of 03/12/2026)"),
])
def test_task_slide_in_the_deck(store, lang, head, states, late):
    prs = Presentation(io.BytesIO(build(store, LAO_CAI, 2019, lang, tasks=TASKS, today=TODAY)))
    titles = [title(s) for s in prs.slides]
    (slide,) = find(prs, head)
    assert titles.index(head) == max(i for i, x in enumerate(titles) if "PAPI 2019" in x and
                                     ("Mục tiêu" in x or "Target" in x)) + 1      # right after the targets
    body = texts(slide)
    for label, n in zip(states, (1, 1, 2, 2)):
        assert f"{n}\n{label}" in body
    assert late in body
    (tbl,) = tables(slide)
    rows = [[c.text for c in r.cells] for r in tbl.rows]
    assert [r[0] for r in rows[1:]] == ["4", "3"]                              # the longest overdue first
    assert rows[1][2:] == ["Sở Tài chính", "Quý I/2026"]
    assert rows[2][1].endswith("…") and len(rows[2][1]) <= 90
    assert len(prs.slides) == 12


def test_no_tasks_no_slide_and_nothing_overdue_says_so(store):
    titles = [title(s) for s in Presentation(io.BytesIO(build(store, LAO_CAI, 2019, "en", tasks=[]))).slides]
    assert "Progress of the plan's tasks" not in titles and len(titles) == 11
    prs = Presentation(io.BytesIO(build(store, LAO_CAI, 2019, "en", tasks=TASKS[:2], today=TODAY)))
    (slide,) = find(prs, "Progress of the plan's tasks")
    assert "No task is overdue." in texts(slide) and not tables(slide)


def test_the_deck_reads_no_store():
    """build takes frames only: a store passed as before is refused loudly."""
    with pytest.raises(TypeError):
        deck.build(object(), LAO_CAI, 2019, "vi")


def test_a_long_overdue_list_says_how_many_are_left_out():
    late = [_task(str(i), due=dt.date(2025, 1, i + 1), due_text=f"{i + 1}/1/2025") for i in range(11)]
    c = content.task_status(late, TODAY, content.context(LAO_CAI, 2019, "vi"))
    assert len(c.overdue) == content.OVERDUE_SHOWN and list(c.overdue.iloc[:, 0])[:2] == ["0", "1"]
    assert c.more == "… và 3 nhiệm vụ quá hạn khác"
    assert content.task_status(late[:2], TODAY, content.context(LAO_CAI, 2019, "en")).more == ""
