"""The command line, run as a user runs it (a subprocess)."""
import io
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from tests.conftest import ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "papi_data", *args], cwd=ROOT, capture_output=True,
                          text=True, env=os.environ.copy(), timeout=120)


def test_scores_lao_cai_2018():
    r = run("scores", "--year", "2018", "--province", "Lao Cai", "--indicator", "TOTAL")
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(io.StringIO(r.stdout))
    # n_provinces, tier_basis, tier_source and near_cut say how the rank and the tier were arrived at;
    # change and rank_change are the comparisons the pages draw.
    assert df.columns.tolist() == ["year", "province_code", "province", "indicator", "value", "rank", "n_ranked",
                                   "n_provinces", "tier", "tier_basis", "tier_source", "near_cut", "change",
                                   "rank_change"]
    row = df.iloc[0]
    assert row.province == "Lào Cai" and round(row.value, 2) == 44.37 and row.n_ranked == 61 and row.tier == 2
    assert row.n_provinces == 63 and row.tier_basis == "published" and row.tier_source == "laocai-170-2019"


def test_scores_quang_ninh_2020_json():
    r = run("scores", "--year", "2020", "--province", "quang ninh", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = {d["indicator"]: d for d in json.loads(r.stdout)}
    assert round(rows["TOTAL"]["value"], 3) == 48.811 and rows["TOTAL"]["rank"] == 1
    assert [round(rows[f"D{i}"]["value"], 3) for i in range(1, 9)] == [5.805, 6.499, 4.793, 8.286, 7.611, 7.713, 4.964, 3.14]


def test_scores_2023_ranking():
    r = run("scores", "--year", "2023", "--indicator", "TOTAL")
    df = pd.read_csv(io.StringIO(r.stdout))
    top = df.head(3)
    assert top.province.tolist() == ["Thừa Thiên Huế", "Thái Nguyên", "Bắc Ninh"]
    assert [round(v, 2) for v in top.value] == [46.04, 45.79, 45.70]
    assert (top.n_ranked == 61).all() and len(df) == 61


def test_stats_2019_mean():
    r = run("stats", "--year", "2019", "--indicator", "TOTAL", "--format", "json")
    d = json.loads(r.stdout)[0]
    assert int(d["mean"] * 100) / 100 == 43.61 and d["n"] == 63   # published truncated
    assert d["cut_3"] < d["cut_2"] < d["cut_1"]


def test_check_passes_on_shipped_data():
    r = run("check")
    assert r.returncode == 0, r.stderr
    assert "0 problem" in r.stdout


@pytest.mark.parametrize("args,needle", [
    (["scores", "--year", "2023", "--province", "Lao Kai"], "Lào Cai"),
    (["scores", "--year", "2023", "--indicator", "D9"], "Unknown indicator"),
    (["scores", "--year", "2017", "--indicator", "D8"], "not part of PAPI 2017"),
    (["scores", "--year", "1999"], "No PAPI data for 1999"),
    (["scores", "--year", "2014", "--province", "Đồng Tháp"], "no published score"),
])
def test_user_errors_are_messages_not_tracebacks(args, needle):
    r = run(*args)
    assert r.returncode == 2
    assert needle in r.stderr and "Traceback" not in r.stderr


def test_scores_2023_published_groups():
    """Vĩnh Phúc 2023, 16th of 61: the first of the 15 upper-medium provinces
    as published (Hanoi Times, 2 April 2024), top by the quartile rule."""
    r = run("scores", "--year", "2023", "--province", "Vinh Phuc", "--indicator", "TOTAL", "--format", "json")
    assert r.returncode == 0, r.stderr
    (row,) = json.loads(r.stdout)
    assert (row["rank"], row["n_ranked"], row["n_provinces"], row["tier"], row["tier_basis"]) == (16, 61, 63, 2, "published")


def test_tiers_list_check_and_import(tmp_path):
    r = run("tiers", "--year", "2023", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [(d["tier"], d["n"]) for d in rows] == [(1, 15), (2, 15), (3, 15), (4, 16)]
    assert all(d["source"] == "hanoitimes-2024-04-02" for d in rows)
    bad = tmp_path / "nhom.csv"
    bad.write_text("year,indicator,tier,count,score_min,score_max,source,citation\n"
                   + "".join(f"2021,TOTAL,{k},15,,,s,c\n" for k in (1, 2, 3)) + "2021,TOTAL,4,16,,,s,c\n",
                   encoding="utf-8")
    r = run("tiers", "check", str(bad), "--lang", "vi")
    assert r.returncode == 1
    assert "nhom.csv, dòng 2: 2021 TOTAL: các nhóm cộng lại 61 tỉnh, nhưng 60 tỉnh được xếp hạng" in r.stderr
    r = run("tiers", "import", str(bad))
    assert r.returncode == 1 and "nothing was written" in r.stderr
    r = run("tiers", "check", str(ROOT / "data" / "official_tiers.csv"))
    assert r.returncode == 0 and "checked 4 record(s): 0 problem(s)" in r.stdout
