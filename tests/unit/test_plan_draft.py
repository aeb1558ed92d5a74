"""The analyst's review of proposed targets (papi_data.plan.draft) and the
plan tasks listed in the draft's appendix."""
import datetime as dt
import io

import docx
import pytest

from papi_data import provinces, targets
from papi_data.plan import document, draft
from papi_data.tasks.model import Task

LAO_CAI = 10


def test_typed_values_read_with_either_decimal_mark():
    assert draft.number("47,5") == 47.5 and draft.number(" 47.5 ") == 47.5 and draft.number("") is None
    with pytest.raises(ValueError):
        draft.number("bốn mươi")


def test_only_changed_values_become_overrides(enriched):
    _, props = draft.propose_for(enriched, LAO_CAI, 2020)
    first = props["proposed_value"].iloc[0]
    values = dict(zip(props["indicator"], props["proposed_value"]))
    values["D1"] = 6.1
    assert draft.overrides(props, values) == {"D1": 6.1}
    assert first == draft.propose_for(enriched, LAO_CAI, 2020, overrides={"D1": 6.1})[1]["proposed_value"].iloc[0]


def test_accepted_rows_are_valid_targets_and_replace_same_indicator(enriched):
    year, props = draft.propose_for(enriched, LAO_CAI, 2020)
    rows = draft.target_rows(props, LAO_CAI, 2020, year, "Dự thảo", "Dự thảo Kế hoạch", "Dự thảo kế hoạch PAPI 2020",
                             today=dt.date(2026, 12, 4))
    assert targets.problems(rows.to_dict("records")) == []
    assert set(rows["plan_date"]) == {"2026-12-04"} and set(rows["baseline_year"]) == {2019}
    existing = rows.iloc[:2].copy()
    existing["id"] = [5, 6]
    existing.loc[existing.index[1], "kind"] = "tier"                      # a tier target stays apart
    after = draft.merged(existing, rows)
    assert len(after) == len(rows) + 1
    assert after.loc[0, "id"] == 5 and after.loc[1, "id"] == 6 and after.loc[1, "kind"] == "tier"


@pytest.mark.parametrize("lang,status", [("vi", "Đang thực hiện"), ("en", "In progress")])
def test_tasks_listed_in_the_appendix_when_given(enriched, lang, status):
    code = provinces.lookup("Lào Cai", 2019)
    tasks = [Task("1", "Niêm yết công khai thủ tục hành chính", "Sở Nội vụ", "", dt.date(2019, 6, 30), False, "",
                  status="in_progress"),
             Task("2", "Đối thoại với người dân", "UBND các huyện", "", None, True, "Hằng quý")]
    without = docx.Document(io.BytesIO(document.build(enriched, code, 2020, lang)))
    doc = docx.Document(io.BytesIO(document.build(enriched, code, 2020, lang, tasks=tasks)))
    assert len(doc.tables) == len(without.tables) + 1
    rows = [[c.text for c in r.cells] for r in doc.tables[-1].rows]
    assert rows[1] == ["1", "Niêm yết công khai thủ tục hành chính", "Sở Nội vụ", "30/06/2019", status]
    assert rows[2][3] == "Hằng quý" and len(rows) == 3
    assert rows[0][0] == ("Số TT" if lang == "vi" else "No.")
