"""Weak indicators, which tasks address them, overdue tasks, and what the
linked indicators did after the plan: hand-computed on a small frame."""
import datetime as dt

import pandas as pd
import pytest

from papi_data.tasks import coverage as cov
from papi_data.tasks.model import Task

TN, HN = 19, 1          # Thái Nguyên (merged in 2025), Hà Nội (unchanged in 2025)


def enriched():
    """(year, province, indicator, value, tier) rows, as analytics.enrich leaves them."""
    rows = [
        (2023, TN, "TOTAL", 44.0, 2), (2024, TN, "TOTAL", 43.0, 3),     # the total is never a weak indicator
        (2023, TN, "D2", 5.0, 2), (2024, TN, "D2", 4.6, 3),             # bottom tiers and falling
        (2023, TN, "D2.2", 1.2, 4), (2024, TN, "D2.2", 1.35, 3),        # bottom tiers, rising
        (2023, TN, "D5", 7.0, 1), (2024, TN, "D5", 7.2, 1),             # fine
        (2023, TN, "D6.1", 2.0, 1), (2024, TN, "D6.1", 1.9, 1),         # top tier but falling
        (2022, TN, "D7", 3.0, 2), (2024, TN, "D7", 2.8, 2),             # no 2023 value: compared with 2022
        (2020, TN, "D3.2", 1.0, 2), (2021, TN, "D3.2", 0.5, 2),         # a definition break in 2021
        (2024, HN, "D2", 3.0, 4), (2025, HN, "D2", 3.5, 4),
        (2025, TN, "D2", 4.9, 3),
    ]
    df = pd.DataFrame(rows, columns=["year", "province_code", "indicator", "value", "tier"])
    df["rank"] = 1
    df["n_ranked"] = 63
    return df


def _task(no, *indicators, due=None, recurring=False, status="not_started"):
    return Task(no=no, task="…", lead="UBND cấp xã", partners="", due=due, recurring=recurring,
                due_text="", status=status, indicators=indicators)


def test_weak_indicators_are_bottom_tiers_or_falling_since_the_last_comparable_year():
    weak = cov.weak_indicators(enriched(), TN, 2024)
    assert [w.indicator for w in weak] == ["D2", "D2.2", "D6.1", "D7"]
    d2, d22, d61, d7 = weak
    assert (d2.low_tier, d2.falling, d2.prev_year, d2.tier) == (True, True, 2023, 3)
    assert d2.change == pytest.approx(-0.4)
    assert (d22.low_tier, d22.falling) == (True, False) and d22.change == pytest.approx(0.15)
    assert (d61.low_tier, d61.falling) == (False, True) and d61.change == pytest.approx(-0.1)
    assert (d7.prev_year, d7.falling) == (2022, True) and d7.change == pytest.approx(-0.2)


def test_a_fall_across_a_definition_break_is_not_a_fall():
    assert cov.weak_indicators(enriched(), TN, 2021) == []


def test_across_the_2025_merger_only_an_unchanged_unit_compares():
    assert cov.weak_indicators(enriched(), TN, 2025)[0].prev_year is None
    hn = cov.weak_indicators(enriched(), HN, 2025)[0]
    assert (hn.prev_year, hn.falling, hn.low_tier) == (2024, False, True)


def test_coverage_names_the_tasks_for_each_weak_indicator_and_the_gaps():
    t4, t13, t16 = _task("4", "D1", "D2", "D2.2"), _task("13", "D6.1"), _task("16", "D7.2")
    weak = cov.weak_indicators(enriched(), TN, 2024)
    c = cov.coverage([t4, t13, t16], weak)
    # A task linked to a sub-dimension addresses its dimension (D7.2 -> D7), not the reverse.
    assert c.addressed == {"D2": (t4,), "D2.2": (t4,), "D6.1": (t13,), "D7": (t16,)}
    assert c.unaddressed == ()
    c = cov.coverage([_task("1", "D2")], ["D2", "D2.2", "D8"])
    assert list(c.addressed) == ["D2"] and c.unaddressed == ("D2.2", "D8")


def test_overdue():
    t = _task("3", due=dt.date(2024, 9, 30))
    assert cov.overdue(t, dt.date(2024, 10, 1))
    assert not cov.overdue(t, dt.date(2024, 9, 30))
    assert not cov.overdue(_task("3", due=dt.date(2024, 9, 30), status="done"), dt.date(2025, 1, 1))
    assert not cov.overdue(_task("2", recurring=True), dt.date(2030, 1, 1))
    assert not cov.overdue(_task("9"), dt.date(2030, 1, 1))


def test_moved_from_the_plans_base_results_to_the_next():
    tasks = [_task("4", "D2", "D2.2"), _task("12", "D2")]
    m = cov.moved(tasks, enriched(), TN, 2024)
    assert [(x.indicator, x.tasks, x.base_year, x.next_year) for x in m] == [
        ("D2", ("4", "12"), 2023, 2024), ("D2.2", ("4",), 2023, 2024)]
    assert (m[0].before, m[0].after, m[0].tier_before, m[0].tier_after) == (5.0, 4.6, 2, 3)
    assert m[0].change == pytest.approx(-0.4) and m[1].change == pytest.approx(0.15)
    assert cov.sentence(m[0], "vi") == "D2 Công khai, minh bạch: 5,00 (2023) → 4,60 (2024), giảm 0,40 điểm."
    assert cov.sentence(m[0], "en") == ("D2 Transparency (in local decision-making): 5.00 (2023) → 4.60 (2024), "
                                        "down 0.40 points.")
    assert cov.sentence(m[1], "en").endswith("1.20 (2023) → 1.35 (2024), up 0.15 points.")
    assert "not proof" in cov.caveat("en") and "không phải bằng chứng" in cov.caveat("vi")


def test_moved_without_next_results_or_across_the_merger():
    m = cov.moved([_task("4", "D2", "D2.2")], enriched(), TN, 2025)
    d2, d22 = m
    assert (d2.base_year, d2.next_year, d2.before, d2.after, d2.comparable, d2.change) == (
        2024, 2025, 4.6, 4.9, False, None)
    assert "do not compare" in cov.sentence(d2, "en")
    assert (d22.next_year, d22.after, d22.change) == (None, None, None)
    assert cov.sentence(d22, "vi") == "D2.2 Danh sách hộ nghèo: chưa có kết quả sau năm 2024."
    hn = cov.moved([_task("1", "D2")], enriched(), HN, 2025)[0]
    assert hn.comparable and hn.change == pytest.approx(0.5)
    assert cov.sentence(cov.moved([_task("1", "D5")], enriched(), TN, 2023)[0], "en") == (
        "D5 Public Administrative Procedures: no results before the plan to compare with.")


def test_a_plan_is_filed_on_its_base_results_map():
    from papi_data.tasks.table import filing_code, filing_year
    assert filing_year(2025, 2024) == 2024 and filing_year(2024, 2024) == 2023
    assert filing_code(10, 2024, 2025, 2024) == 10            # Lào Cai, plan on the 2024 results: the 63 map
    assert filing_code(10, 2024, 2027, 2026) == 15            # after a 2025 release: the new Lào Cai
    assert filing_code(15, 2025, 2025, 2024) is None          # a new unit for a plan on the old map: ambiguous
