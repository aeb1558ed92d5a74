"""The whatif command, run as a user runs it."""
import json

from tests.unit.test_cli import run


def test_whatif_lao_cai_2020_json():
    r = run("whatif", "--province", "Lao Cai", "--year", "2020", "--change", "D5=+0.2", "--change", "D7=+0.1",
            "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    # 2020 TOTAL 42.9506 (rank 28/63) + 0.2 + 0.1 = 43.2506
    assert round(d["values"]["TOTAL"], 4) == 43.2506 and d["result"]["n_ranked"] == 63
    assert d["result"]["rank"] < 28
    # earlier years in the same series only (2018 on: not across the 2017->2018 break)
    assert [h["year"] for h in d["history"]] == [2018, 2019]


def test_whatif_bad_change_is_a_user_error():
    r = run("whatif", "--province", "Lao Cai", "--year", "2020", "--change", "D5=x")
    assert r.returncode == 2 and "CODE=DELTA" in r.stderr


def test_trends_lao_cai_d4_json():
    r = run("trends", "--province", "Lao Cai", "--indicator", "D4", "--format", "json")
    assert r.returncode == 0, r.stderr
    [row] = json.loads(r.stdout)
    # docs/TRENDS.md: (6.601092 - 6.376172) / 6 and (6.601092 - 5.783103) / 2
    assert round(row["long_rate"], 5) == 0.03749 and round(row["recent_rate"], 5) == 0.40899
    assert row["indicator"] == "D4" and row["class"] == "increasing_improvement" and row["first_year"] == 2018
