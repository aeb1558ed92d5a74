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
    assert df.columns.tolist() == ["year", "province_code", "province", "indicator", "value", "rank", "n_ranked", "tier",
                                   "change", "rank_change"]   # the comparisons the pages draw
    row = df.iloc[0]
    assert row.province == "Lào Cai" and round(row.value, 2) == 44.37 and row.n_ranked == 61 and row.tier == 2


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
