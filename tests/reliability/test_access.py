"""Access and output safety: no writes without analyst rights (page, crafted
URL, another OS user on the command line); no data text renders as HTML."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from papi_data.db.scores import Store
from tests.conftest import ROOT

CRAFTED = {"analyst": "1", "admin": "true", "_analyst_hash": "x", "auth": "ok", "commit": "1", "rollback": "1",
           "role": "analyst"}


@pytest.fixture
def db(tmp_path, monkeypatch):
    import ui.data
    url = f"sqlite:///{tmp_path / 'acc.db'}"
    monkeypatch.setenv("PAPI_DATABASE_URL", url)
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", "scrypt$16384$8$1$AAAA$BBBB")   # configured, not signed in
    ui.data.store.clear()
    ui.data.clear()
    yield Store(url)
    ui.data.store.clear()
    ui.data.clear()


@pytest.mark.parametrize("page", ["data", "targets"])
def test_crafted_url_grants_nothing(db, page):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for k, v in CRAFTED.items():
        at.query_params[k] = v
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception
    # No upload into the store (a deck template upload only shapes a download).
    assert [u.key for u in at.get("file_uploader") if u.key != "deck_template"] == []
    assert len(at.get("data_editor") or []) == 0                  # no target editor
    keys = {b.key for b in at.button}
    assert not keys & {"rb_button", "save_targets", "tgt_import"}


def test_other_os_user_cannot_write_the_store(tmp_path):
    if os.geteuid() != 0 or not shutil.which("runuser") or not os.path.exists("/usr/bin/python3"):
        pytest.skip("needs root and runuser to act as another user (CI runs as root)")
    home = tmp_path / "shared"
    home.mkdir()
    os.chmod(tmp_path, 0o755)
    os.chmod(home, 0o755)
    url = f"sqlite:///{home / 'papi.db'}"
    s = Store(url)
    before = s.checksum()
    s.dispose()
    assert stat.S_IMODE(os.stat(home / "papi.db").st_mode) == 0o600
    # Another account cannot run this project's Python (it lives in root's
    # home), so it is given the system's own: any client must fail to write.
    probe = ("import sqlite3, sys\n"
             "try:\n"
             "    c = sqlite3.connect(sys.argv[1])\n"
             "    c.execute(\"UPDATE schema_meta SET value='0' WHERE key='data_version'\")\n"
             "    c.commit()\n"
             "except sqlite3.Error as e:\n"
             "    print('refused:', e); sys.exit(3)\n")
    r = subprocess.run(["runuser", "-u", "nobody", "--", "/usr/bin/python3", "-c", probe, str(home / "papi.db")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 3 and "refused" in r.stdout, (r.stdout, r.stderr)
    assert Store(url).checksum() == before


PAGES = ["overview", "profile", "compare", "targets", "home", "data"]


# What the plain tables (ui.tables.html_table) may contain: their own markup,
# every text in it escaped.
TABLE_TAGS = {"style", "div", "table", "thead", "tbody", "tr", "th", "td", "span"}


def _only_table_markup(body: str) -> bool:
    from html.parser import HTMLParser

    seen = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            seen.append((tag, [a for a, _ in attrs]))

    Tags().feed(body)
    return bool(seen) and all(tag in TABLE_TAGS and not any(a.startswith("on") for a in attrs) for tag, attrs in seen)


def test_table_text_cannot_become_markup():
    import pandas as pd

    from ui.tables import html_table
    evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    body = html_table(pd.DataFrame({evil: [evil, "1,5"], "x": ["javascript:alert(3)", "2"]}), "vi", label=evil)
    assert _only_table_markup(body) and "<script" not in body and "<img" not in body


@pytest.mark.parametrize("page", PAGES)
def test_no_page_renders_raw_html(db, page):
    """Text reaches the page through markdown without HTML, and tables as the
    data grid or as plain HTML tables whose every text is escaped, so a name
    or title in a data file cannot become markup or script."""
    for lang in ("vi", "en"):
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        at.query_params["lang"] = lang
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception
        for kind in ("markdown", "caption", "title", "subheader", "info", "warning", "error", "success"):
            for el in getattr(at, kind):
                assert not getattr(el.proto, "allow_html", False), (page, kind, el.value)
        for el in at.get("html"):
            assert not el.proto.unsafe_allow_javascript and _only_table_markup(el.value), (page, el.value[:200])


def test_cli_without_a_usable_database_says_so():
    r = subprocess.run([sys.executable, "-m", "papi_data", "history"], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, "PAPI_DATABASE_URL": "sqlite:////proc/no-such-dir/papi.db"}, timeout=120)
    assert r.returncode == 1 and "cannot use the database" in r.stderr and "Traceback" not in r.stderr


def test_wrong_passwords_from_four_sessions_do_not_lock_out_the_analyst(db, monkeypatch):
    """The attack: four sessions × five wrong passwords (each session then
    refused on its own), then the analyst, in a fifth session from the same
    client, signs in with the right password: it waits, and it opens."""
    from papi_data import passwords
    from ui import auth
    right = "mật khẩu đúng 2026"
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", passwords.hash_password(right))
    for name in ("SESSION_LIMIT", "CLIENT_LIMIT", "SERVER_LIMIT"):
        monkeypatch.setattr(auth, name, passwords.AttemptLimiter(
            max_failures=getattr(auth, name).max_failures, window=900))
    waits = []
    monkeypatch.setattr(auth, "sleep", waits.append)     # recorded instead of slept (up to 30 s each)

    def session():
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        at.switch_page("pages/data.py").run()
        return at

    def sign_in(at, pw):
        at.text_input(key="auth_password").input(pw)
        next(b for b in at.button if b.label == "Đăng nhập").click()
        return at.run()

    for _ in range(4):
        at = session()
        for _ in range(5):
            assert "Mật khẩu không đúng." in [e.value for e in sign_in(at, "đoán thử").error]
        assert "Phiên này đã nhập sai 5 lần" in sign_in(at, right).error[0].value    # this session only
    assert waits and waits[-1] == auth.CLIENT_CAP            # the attacker was slowed down
    at = sign_in(session(), right)
    assert not at.exception and not at.error
    assert [u.key for u in at.get("file_uploader")][:1] == ["imp_file_0"]   # signed in: the uploader is there
    assert waits[-1] <= auth.CLIENT_CAP                       # it waited, then opened
