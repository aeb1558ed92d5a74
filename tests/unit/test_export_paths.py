"""Every CSV/XLSX the product writes, walked with formula-like text in every
free-text field (target notes, plan numbers and titles, sources, imported
file names, batch notes): no path may write a cell a spreadsheet would run.

The paths: the pages' table downloads (ui/exports -> export.table_csv/xlsx,
fed with the targets page's and the import history's tables), the data
page's current-data and template downloads, the analysts' targets
template, the command line's `scores`, `gaps` and `history` CSV, and the
workbooks embedded in a deck's charts."""
from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook

from papi_data import analytics, deck, export, gaps, targets
from papi_data.db import targets as target_store
from papi_data.ingest import present, template
from papi_data.db.scores import Store
from tests.conftest import ROOT

HOSTILE = ["=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2+3+cmd|' /C calc'!A0",
           "\t=1+1", "\r=1+1", '=HYPERLINK("http://x.example","y")']


_NUMBER = re.compile(r"^[+-]?\d[\d.,]*$")


def formula_like(cell) -> bool:
    """What a spreadsheet runs as a formula (defined here, not taken from
    the code under test)."""
    return isinstance(cell, str) and cell.startswith(("=", "+", "-", "@", "\t", "\r")) and not _NUMBER.match(cell)


def formula_cells_csv(raw: bytes | str, sep: str = ",") -> list[str]:
    text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    return [c for row in csv.reader(io.StringIO(text, newline=""), delimiter=sep) for c in row if formula_like(c)]


def formula_cells_xlsx(raw: bytes) -> list[str]:
    """Cells that are formulas, or formula-like text not marked as text
    (neither quote prefix nor a leading apostrophe)."""
    bad = []
    wb = load_workbook(io.BytesIO(raw))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f" or (isinstance(c.value, str) and formula_like(c.value)
                                          and not c.quotePrefix):
                    bad.append(f"{ws.title}!{c.coordinate}={c.value!r}")
    return bad


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    """A store with hostile text in every free-text field: targets for Lào
    Cai 2019 (plan number, title, note, source) and an imported batch whose
    file name and note are formulas."""
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'h.db'}"
    s = Store(url)
    rows = [{"province_code": 10, "year": 2019, "indicator": ind, "kind": "value", "value": 40.0 if ind == "TOTAL"
             else 5.0, "plan_number": h[:64], "plan_date": "2019-04-25", "plan_title": h, "note": h, "source": h}
            for ind, h in zip(["TOTAL", "D1", "D2", "D3", "D4", "D5", "D6"], HOSTILE)]
    target_store.import_rows(s, pd.DataFrame(rows), user=HOSTILE[0][:40], lang="en")
    frame = s.scores().query("year == 2019 and province_code == 10 and indicator == 'TOTAL'").copy()
    frame["value"] = frame["value"] + 0.5
    frame["source"] = "PAPI2019"
    s.add_batch(frame, file_name=HOSTILE[0] + ".csv", raw=b"x", user=HOSTILE[2], note=HOSTILE[1])
    yield url, s
    s.dispose()


def test_checkers_catch_what_the_old_writers_wrote():
    """The checks themselves can fail: plain pandas/openpyxl output of the
    hostile text is caught."""
    df = pd.DataFrame({"note": HOSTILE})
    assert len(formula_cells_csv(df.to_csv(index=False))) >= len(HOSTILE) - 1
    buf = io.BytesIO()
    df.to_excel(buf, index=False)
    assert formula_cells_xlsx(buf.getvalue())


def test_targets_template_download(hostile_db):
    _url, s = hostile_db
    raw = targets.template_xlsx(target_store.load(s))
    assert formula_cells_xlsx(raw) == []
    # and the file reads back as it was written: no apostrophe added to the notes
    back, errs = targets.read_xlsx(raw, "t.xlsx", "en")
    assert errs == [] and {h.strip() for h in HOSTILE} <= set(back["note"].dropna())   # notes are stored stripped


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_table_downloads(hostile_db, lang):
    _url, s = hostile_db
    e = analytics.enrich(s.scores())
    tg = target_store.load(s, 10, 2019)
    shown = gaps.table(gaps.evaluate(tg, e), tg, lang)
    history = present.history_table(s.history(), lang)
    for df in (shown, history):
        assert any(formula_like(str(v)) for v in df.astype(str).values.ravel()), "no hostile text reached it"
        assert formula_cells_csv(export.table_csv(df)) == []
        assert formula_cells_xlsx(export.table_xlsx(df, sources=[HOSTILE[0]], notes=[HOSTILE[1]], lang=lang)) == []


def test_data_page_downloads(hostile_db):
    _url, s = hostile_db
    cur = present.current_data(s.scores().assign(source=lambda d: d["source"].where(d.index % 2 == 0, HOSTILE[3])))
    assert formula_cells_csv(present.to_csv(cur)) == []
    assert formula_cells_xlsx(present.to_xlsx(cur)) == []
    frame = template.example().assign(province=HOSTILE[0])
    assert formula_cells_csv(template.template_csv(frame)) == []
    assert formula_cells_xlsx(template.template_xlsx(frame)) == []


def _cli(url, *args):
    r = subprocess.run([sys.executable, "-m", "papi_data", *args], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, "PAPI_DATABASE_URL": url}, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_command_line_csv(hostile_db):
    url, _s = hostile_db
    for args in (["gaps", "--province", "Lao Cai", "--year", "2019"], ["history"],
                 ["scores", "--year", "2019", "--province", "Lao Cai"]):
        out = _cli(url, *args)
        assert formula_cells_csv(out) == [], args
    out = _cli(url, "history")
    assert "'" + HOSTILE[0] + ".csv" in out        # the file name is there, neutralised
    gaps_out = list(csv.DictReader(io.StringIO(_cli(url, "gaps", "--province", "Lao Cai", "--year", "2019"))))
    mine = [r for r in gaps_out if r["plan"].startswith("'=cmd")]
    assert mine and mine[0]["target"] == "40.0"            # the hostile plan neutralised, numbers stay numbers


def test_deck_chart_workbooks(hostile_db, monkeypatch):
    """A deck's native charts embed a workbook PowerPoint opens on "Edit
    data"; hostile labels must be text there too."""
    _url, s = hostile_db
    from papi_data import provinces
    real = provinces.name
    monkeypatch.setattr(provinces, "name", lambda code, year, lang="vi": HOSTILE[0] if code == 10 else
                        real(code, year, lang))
    from papi_data.db import deck_inputs
    raw = deck.build(10, 2019, "vi", **deck_inputs.load(s, 10, 2019))
    z = zipfile.ZipFile(io.BytesIO(raw))
    embedded = [n for n in z.namelist() if n.startswith("ppt/embeddings/") and n.endswith(".xlsx")]
    assert embedded
    seen = []
    for n in embedded:
        blob = z.read(n)
        assert formula_cells_xlsx(blob) == [], n
        wb = load_workbook(io.BytesIO(blob))
        seen += [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert HOSTILE[0] in seen                       # the hostile label is in the workbooks, as text
