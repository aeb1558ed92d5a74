"""The product has one version, papi_data.__version__: the package metadata
reads it, backups record it, the command line prints it."""
from __future__ import annotations

import json
import re
import tomllib
import warnings
import zipfile

import pytest

import papi_data
from papi_data.db import backup as B
from papi_data.db.scores import Store
from tests.conftest import ROOT


def test_the_version_is_written_once():
    assert re.fullmatch(r"\d+\.\d+\.\d+", papi_data.__version__)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "papi_data.__version__"}
    # setuptools, building the package, finds the same version.
    config = pytest.importorskip("setuptools.config.pyprojecttoml")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert config.read_configuration(ROOT / "pyproject.toml")["project"]["version"] == papi_data.__version__
    # No other file of the product spells a version of its own.
    for path in [*(ROOT / "papi_data").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), ROOT / "dashboard.py"]:
        if path.name != "__init__.py" or path.parent.name != "papi_data":
            assert f'"{papi_data.__version__}"' not in path.read_text(encoding="utf-8"), path


def test_a_backup_records_the_version(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    m = B.backup(store, tmp_path / "a.zip")
    store.dispose()
    with zipfile.ZipFile(tmp_path / "a.zip") as z:
        assert json.loads(z.read("manifest.json"))["app_version"] == papi_data.__version__ == m["app_version"]


def test_the_command_line_prints_the_version(capsys):
    from papi_data.cli import main
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert capsys.readouterr().out.strip() == f"python -m papi_data {papi_data.__version__}"
