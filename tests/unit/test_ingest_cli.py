"""python -m papi_data import / history / rollback / hash-password."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from papi_data import cli, passwords
from papi_data.db.scores import get_store
from tests.conftest import ROOT
from tests.unit import workbooks as W


@pytest.fixture
def db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("PAPI_DATABASE_URL", url)
    yield get_store(url)


def test_import_dry_run_then_import_history_rollback(db, tmp_path, capsys):
    f = tmp_path / "2025PAPI_ProvincialIndicators.xlsx"
    f.write_bytes(W.indicator_rows(2025))
    before = db.checksum()
    assert cli.main(["import", str(f), "--dry-run", "--format", "json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["ok"] and rep["dry_run"] and rep["counts"]["added"] == 1258 and "batch" not in rep
    assert db.checksum() == before
    assert cli.main(["import", str(f), "--user", "analyst"]) == 0
    out = capsys.readouterr().out
    assert "1258 added" in out and "Imported as batch 2" in out
    assert db.scores().query("year == 2025").shape[0] == 1258
    assert cli.main(["history", "--format", "json"]) == 0
    h = json.loads(capsys.readouterr().out)
    assert [b["id"] for b in h] == [1, 2] and h[1]["created_by"] == "analyst" and h[1]["active"]
    assert cli.main(["rollback", "2"]) == 0
    assert db.scores().query("year == 2025").empty
    assert cli.main(["rollback", "2"]) == 2                      # already rolled back
    assert "already rolled back" in capsys.readouterr().err
    assert cli.main(["rollback", "99"]) == 2


def test_import_invalid_exits_2_and_writes_nothing(db, tmp_path, capsys):
    f = tmp_path / "mau.csv"
    f.write_text("year,province,indicator,value\n2023,Lao Kai,D1,5.1\n2023,Hà Nội,D9,4\n", encoding="utf-8")
    before = db.checksum()
    assert cli.main(["import", str(f), "--format", "json", "--lang", "vi"]) == 2
    rep = json.loads(capsys.readouterr().out)
    assert not rep["ok"] and {e["code"] for e in rep["errors"]} == {"unknown_province", "unknown_indicator"}
    assert rep["errors"][0]["cell"] == "B2" and "Lào Cai" in rep["errors"][0]["message"]
    assert cli.main(["import", str(f)]) == 2
    err = capsys.readouterr().err
    assert "mau.csv, cell B2" in err and "Did you mean" in err
    assert db.checksum() == before


def test_import_years_from_a_multi_year_file(db, tmp_path, capsys):
    f = tmp_path / "2024PAPI.xlsx"
    f.write_bytes(W.indicator_rows([2022, 2023, 2024], ci=True))
    assert cli.main(["import", str(f), "--years", "2022", "2023", "--dry-run", "--format", "json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["years_found"] == [2022, 2023, 2024] and rep["years"] == [2022, 2023]
    assert [y["year"] for y in rep["by_year"]] == [2022, 2023]
    assert cli.main(["import", str(f), "--years", "2019", "--dry-run"]) == 2


def test_missing_file_is_a_user_error(db, capsys):
    assert cli.main(["import", "/nonexistent/file.xlsx"]) == 2
    assert "No such file" in capsys.readouterr().err


def test_hash_password_command_round_trip():
    out = subprocess.run([sys.executable, "-m", "papi_data", "hash-password", "--stdin"], input="correct horse\n",
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    h = out.stdout.strip()
    assert h.startswith("scrypt$") and passwords.verify("correct horse", h)
    assert not passwords.verify("wrong horse", h)
    assert "password_hash" in out.stderr
    short = subprocess.run([sys.executable, "-m", "papi_data", "hash-password", "--stdin"], input="short\n",
                           capture_output=True, text=True, cwd=ROOT)
    assert short.returncode == 2 and "Traceback" not in short.stderr
