"""The command line against a store an attacker or a slip could leave: the
shipped history rolled back only with --force, an empty store answered
clearly, data with terminal escape sequences printed escaped."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from papi_data.db.scores import Store
from papi_data.text import printable
from tests.conftest import ROOT


def run(url, *args):
    return subprocess.run([sys.executable, "-m", "papi_data", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PAPI_DATABASE_URL": url}, timeout=120)


@pytest.fixture
def url(tmp_path):
    u = f"sqlite:///{tmp_path / 'cli.db'}"
    Store(u).dispose()
    return u


def test_shipped_batch_needs_force_then_empty_store_answers_clearly(url):
    before = Store(url).checksum()
    r = run(url, "rollback", "1")
    assert r.returncode == 2 and "--force" in r.stderr and "Traceback" not in r.stderr
    assert Store(url).checksum() == before                       # nothing rolled back
    r = run(url, "rollback", "1", "--force")
    assert r.returncode == 0, r.stderr
    r = run(url, "check")
    assert r.returncode == 1 and "no current scores" in r.stderr and "0 problem" not in r.stdout
    for args in (["scores", "--year", "2019"], ["stats", "--year", "2019"],
                 ["gaps", "--province", "Lao Cai", "--year", "2019"]):
        r = run(url, *args)
        assert r.returncode == 2 and "no current scores" in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)


def test_data_with_escape_sequences_is_printed_escaped(url):
    s = Store(url)
    f = s.scores().query("year == 2019 and province_code == 10 and indicator == 'TOTAL'").copy()
    f["value"] += 1
    evil = "bảng\x1b]0;owned\x07\x1b[2J\x9b31m\u202egpj.exe\r.csv"
    s.add_batch(f, file_name=evil, raw=b"x", user="\x1b[31mred", note="ghi chú\x1b[0m")
    s.dispose()
    for fmt in ("csv", "json"):
        r = run(url, "history", "--format", fmt)
        assert r.returncode == 0, r.stderr
        out = r.stdout
        assert not any(c in out for c in "\x1b\x07\x9b\u202e\r"), repr(out[-300:])
        assert "bảng" in out and ("\\x1b" in out or "\\u001b" in out)   # the text is there, its controls escaped
    assert "\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202egpj.exe\\x0d.csv" in run(url, "history").stdout


def test_printable_keeps_text_and_escapes_controls():
    assert printable("Lào Cai\t44,37\n") == "Lào Cai\t44,37\n"
    assert printable("\x1b[31m\x00\x7f\u2066") == "\\x1b[31m\\x00\\x7f\\u2066"
