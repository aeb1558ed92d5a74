"""Provinces identified by code and era across 1 July 2025: with a 2025
release imported (tests/unit/release_2025.py) on SQLite and PostgreSQL, no
new unit is compared with a different old province, unchanged units are
compared with themselves, and no rank is compared across the boundary."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from papi_data import analytics, eras, provinces
from papi_data.db.scores import Store
from tests.conftest import ROOT
from tests.unit import release_2025 as R


@pytest.fixture
def released(any_url):
    store = Store(any_url)
    R.import_into(store)
    yield any_url, analytics.enrich(store.scores())
    store.dispose()


def _total(e, code, year):
    m = e[(e.year == year) & (e.province_code == code) & (e.indicator == "TOTAL")]
    assert len(m) == 1, (code, year)
    return m.iloc[0]


def test_the_seven_reused_codes_and_the_eleven_unchanged_units():
    assert eras.reused_codes() == tuple(sorted(R.REUSED))
    for new, (namesake, new_name, old_name) in R.REUSED.items():
        assert provinces.name(new, 2025) == new_name and provinces.name(new, 2024) == old_name
        assert eras.namesake(new) == namesake and provinces.name(namesake, 2024) == new_name
    assert [c for c in provinces.in_year(2025).gso_code if eras.same_territory(c)] == R.UNCHANGED


def test_reused_code_is_never_compared_with_the_old_province_of_that_code(released):
    _, e = released
    for new, (_, new_name, old_name) in R.REUSED.items():
        row = _total(e, new, 2025)
        # the old province that had the code (Yên Bái for 15) was scored in 2024, except
        # Tiền Giang (82), which PAPI 2024 left out
        old = e[(e.year == 2024) & (e.province_code == new) & (e.indicator == "TOTAL")]
        assert provinces.name(new, 2024) == old_name and len(old) == (0 if new == 82 else 1)
        assert pd.isna(row["prev_value"]) and pd.isna(row["change"]) and pd.isna(row["rank_change"]), new_name
    # every merged unit, reused code or not, has no previous self at all
    merged = e[(e.year == 2025) & ~e.province_code.isin(R.UNCHANGED)]
    assert merged["prev_value"].isna().all() and merged["change"].isna().all()
    assert merged.province_code.nunique() == 34 - len(R.UNCHANGED)


def test_unchanged_unit_is_compared_with_its_own_2024_score_but_not_its_rank(released):
    _, e = released
    for code in R.UNCHANGED:
        for ind in ("TOTAL", "D1", "D8.2"):
            now, before = e[(e.province_code == code) & (e.indicator == ind) & e.year.isin([2024, 2025])] \
                .set_index("year").reindex([2025, 2024]).itertuples()
            if pd.isna(before.value):
                continue
            assert now.prev_value == before.value and abs(now.change - (now.value - before.value)) < 1e-9
        row = _total(e, code, 2025)
        assert row["change"] > 0 and row["n_ranked"] == 34 and row["prev_n_ranked"] == 61
        assert pd.isna(row["rank_change"])               # 18/34 is not "+11" against 29/61
        assert row["prev_rank"] == _total(e, code, 2024)["rank"]


def test_within_one_map_changes_are_as_before(released):
    _, e = released
    row = _total(e, 10, 2019)                            # Lào Cai 2019 against 2018
    assert round(row["change"], 6) == 0.681937 and row["rank_change"] == 15


@pytest.mark.parametrize("code,kind,shown,parts", [
    (15, "merged", 10, (10, 15)),       # new Lào Cai -> old Lào Cai shown, with Yên Bái beside it
    (91, "merged", 89, (89, 91)),       # new An Giang is not Kiên Giang (old 91)
    (1, "same", 1, (1,)),
    (46, "same", 46, (46,)),            # Huế = Thừa Thiên Huế
])
def test_carry_a_new_unit_back_before_2025(code, kind, shown, parts):
    m = eras.carry(code, 34, 2024)
    assert (m.kind, m.code, m.parts, m.unit) == (kind, shown, parts, code)


def test_carry_an_old_province_into_2025_and_say_how():
    m = eras.carry(15, 63, 2025)                        # old Yên Bái -> new Lào Cai
    assert (m.kind, m.unit, m.code) == ("part_of", 15, 15)
    assert eras.notice(m, 63, "vi") == ("Yên Bái (cũ) nay thuộc Lào Cai (mới, từ 1/7/2025) = Lào Cai + Yên Bái: "
                                       "đang hiển thị Lào Cai (mới)")
    back = eras.carry(15, 34, 2024)
    assert eras.notice(back, 34, "vi") == "Lào Cai (mới, từ 1/7/2025) = Lào Cai + Yên Bái: đang hiển thị các tỉnh cũ"
    assert eras.notice(back, 34, "en") == ("Lao Cai (new, from 1 July 2025) = Lao Cai + Yen Bai: "
                                          "showing the former provinces")
    assert eras.carry(15, 34, 2025) is None and eras.carry(10, 63, 2019) is None


def _cli(url, *args):
    env = {**os.environ, "PAPI_DATABASE_URL": url}
    r = subprocess.run([sys.executable, "-m", "papi_data", *args], cwd=ROOT, capture_output=True, text=True,
                       env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_cli_scores_json_carries_change_and_rank_change(released):
    url, e = released
    rows = {d["province_code"]: d for d in _cli(url, "scores", "--year", "2025", "--indicator", "TOTAL",
                                                  "--format", "json")}
    assert len(rows) == 34
    for code in R.REUSED:
        assert rows[code]["change"] is None and rows[code]["rank_change"] is None
    for code in R.UNCHANGED:
        expect = _total(e, code, 2025)["value"] - _total(e, code, 2024)["value"]
        assert abs(rows[code]["change"] - expect) < 1e-6 and rows[code]["rank_change"] is None
    (lc,) = _cli(url, "scores", "--year", "2019", "--province", "Lao Cai", "--indicator", "TOTAL", "--format", "json")
    assert round(lc["change"], 6) == 0.681937 and lc["rank_change"] == 15
    (d1,) = _cli(url, "scores", "--year", "2018", "--province", "Lao Cai", "--indicator", "TOTAL", "--format", "json")
    assert d1["change"] is None                          # 60 -> 80 points: not comparable


def test_a_2025_target_is_not_judged_against_another_province_of_2024(released):
    from papi_data import gaps
    _, e = released
    base = {"id": 1, "year": 2025, "indicator": "TOTAL", "kind": "value", "value": 40.0, "tier": None,
            "rank_max": None, "rank_better_than_year": None, "baseline_value": None, "plan_number": "1/KH",
            "plan_date": None, "baseline_year": 2024}
    tg = pd.DataFrame([{**base, "province_code": 15},                               # new Lào Cai, 2024 = Yên Bái's code
                       {**base, "province_code": 1},                                # Hà Nội, the same place
                       {**base, "province_code": 91, "kind": "rank", "value": None, "rank_better_than_year": 2024}])
    ev = gaps.evaluate(tg, e)
    assert pd.isna(ev.loc[0, "change_since_baseline"]) and "other administrative map" in gaps.say(ev.loc[0, "warning"], "en")
    hn = _total(e, 1, 2025)["value"] - _total(e, 1, 2024)["value"]
    assert abs(ev.loc[1, "change_since_baseline"] - hn) < 1e-9 and pd.isna(ev.loc[1, "warning"])
    assert pd.isna(ev.loc[2, "met"]) and pd.isna(ev.loc[2, "target"])                  # x/34 is not compared with y/61
