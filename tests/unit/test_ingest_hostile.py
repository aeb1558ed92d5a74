"""Hostile and heavy files: each answered quickly, in little memory, with a
message naming the bound it crossed (file, sheet, cell, vi/en), and the
store unchanged, on SQLite and PostgreSQL; files read as Excel shows them
(every value behind a stale <dimension> tag, hidden sheets left out unless
chosen, macros and values from other workbooks refused)."""
from __future__ import annotations

import datetime as dt
import functools
import io
import re
import time
import tracemalloc

import openpyxl
import pytest

from papi_data import ingest
from papi_data.ingest import worker
from papi_data.db.scores import Store
from tests.unit import hostile_files as H, workbooks as W
from tests.unit.test_ingest_bad_files import db  # noqa: F401  (SQLite and PostgreSQL stores)

TODAY = dt.date(2026, 11, 22)


@functools.lru_cache(maxsize=None)
def _bomb():
    return H.bomb(1024)            # 1.1 MB on disk, 1 GB inflated


def _tpl_xlsx(rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["year", "province", "indicator", "value", "ci_low", "ci_high", "se"])
    for r in rows:
        ws.append(list(r))
    return W.save(wb)


def _zero_province():
    df = W.template_frame(W.merged_2025())
    first = df.iloc[:, 1] == df.iloc[0, 1]
    df.loc[first, df.columns[3]] = 0
    return W.template_csv(df)


# name, file name, bytes (or a builder), error code, cell (or None), env
CASES = [
    ("zip bomb, 1 GB from 1 MB", "2025PAPI.xlsx", _bomb, "zip_ratio", None, {}),
    ("inflated total over the limit", "2025PAPI.xlsx", _bomb, "zip_inflated", None,
     {"PAPI_IMPORT_MAX_RATIO": "100000"}),
    ("inflated bytes counted while reading", "2025PAPI.xlsx", H.official, "zip_inflated", None,
     {"PAPI_IMPORT_MAX_INFLATED_MB": "0.2"}),
    ("one cell at XFD1048576", "x.xlsx", H.far_cell, "too_many_rows", "XFD1048576", {}),
    ("one real cell at XFD1048576 behind a small tag", "x.xlsx",
     lambda: H.rewrite(H.far_cell(), {"xl/worksheets/sheet1.xml": lambda x: re.sub(
         rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', x)}), "too_many_rows", "XFD1048576", {}),
    ("declared extent to XFD1048576", "2025PAPI.xlsx", H.declared_huge, "too_many_rows", None, {}),
    ("3,000 rows reaching XFD", "x.xlsx", H.wide_rows, "too_many_columns", "XFD1", {}),
    ("cells over the cell bound", "x.xlsx", lambda: H.wide_rows(3000, 900), "too_many_cells", None, {}),
    ("a cell of 40,000 characters", "x.xlsx", H.over_long_cell, "cell_too_long", "A1", {}),
    ("100 MB of cell text", "x.xlsx", lambda: H.long_text(100), "zip_ratio", None, {}),
    ("XML entities (billion laughs)", "2025PAPI.xlsx", H.entities, "xml_dtd", None, {}),
    ("macro workbook", "2025PAPI.xlsm", H.macro, "macro", None, {}),
    ("value cached from another workbook", "2025PAPI.xlsx", H.external_values, "external_value", None, {}),
    ("CSV: 10 MB on one line", "mau.csv", lambda: H.one_line_csv(10), "line_too_long", "A1", {}),
    ("CSV: 20,000 extra columns", "mau.csv", H.wide_csv, "line_too_long", "A1", {}),
    ("CSV: 2,000 extra short columns", "mau.csv",
     lambda: b"year,province,indicator,value" + b",x" * 2000 + b"\n2025,1,TOTAL,40\n", "too_many_columns", None, {}),
    ("CSV: 900,000 duplicate rows", "mau.csv", lambda: H.template_csv_rows(900_000), "too_many_rows", None, {}),
    ("CSV: 600,000 rows of unknown provinces", "mau.csv",
     lambda: H.template_csv_rows(600_000, unknown=True), "too_many_rows", None, {}),
    ("CSV: total values over the bound", "mau.csv", lambda: H.template_csv_rows(60_000), "too_many_cells", None,
     {"PAPI_IMPORT_MAX_CELLS": "100000"}),
    ("every value of a province is 0", "mau.csv", _zero_province, "all_zero", None, {}),
    ("infinite CI", "mau.xlsx", lambda: H.rewrite(_tpl_xlsx([(2023, 1, "D1", 5.1, 4.9, 5.3, 0.1)]), {
        "xl/worksheets/sheet1.xml": lambda x: x.replace(b"<v>4.9</v>", b"<v>1e309</v>")}), "not_a_number", "E2", {}),
    ("CI of 1e308", "mau.xlsx", lambda: _tpl_xlsx([(2023, 1, "D1", 5.1, 5.0, 1e308, 0.1)]),
     "ci_out_of_scale", "D2", {}),
    ("SE of 1e308", "mau.xlsx", lambda: _tpl_xlsx([(2023, 1, "D1", 5.1, 5.0, 5.2, 1e308)]),
     "ci_out_of_scale", "D2", {}),
]


@pytest.mark.parametrize("name,file_name,make,code,cell,env", CASES, ids=[c[0] for c in CASES])
def test_hostile_file_refused_quickly_naming_the_bound(db, monkeypatch, name, file_name, make, code, cell, env):
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    raw = make()
    before, version = db.checksum(), db.data_version()
    t = time.perf_counter()
    plan = ingest.prepare(raw, file_name, db, today=TODAY)
    took = time.perf_counter() - t
    tracemalloc.start()                                         # (slows Python down: timed apart)
    ingest.parse(raw, file_name)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    hits = [i for i in plan.errors if i.code == code]
    assert hits, [(i.code, i.cell, i.message("en")) for i in plan.issues][:5]
    first = hits[0]
    assert first.file == file_name and (cell is None or first.cell == cell), (first.sheet, first.cell)
    for lang in ("vi", "en"):
        msg = first.message(lang)
        assert msg and "{" not in msg and not msg.startswith("imp_err_")
    assert took < 10 and peak < 400 * 2**20, (took, peak / 2**20)
    if code in ("zip_ratio", "zip_inflated", "xml_dtd", "macro", "too_many_rows") and not env and \
            file_name.endswith((".xlsx", ".xlsm")):
        assert took < 1.0, took                                 # refused before reading
    with pytest.raises(ValueError):
        ingest.commit(plan, db, user="test")
    assert db.checksum() == before and db.data_version() == version


def test_stale_dimension_tag_reads_every_value():
    raw = H.official()
    full = ingest.parse(raw, "2025PAPI.xlsx")
    stale = ingest.parse(H.stale_dimension(raw), "2025PAPI.xlsx")
    assert len(full.frame) == 1258 and not full.issues
    assert len(stale.frame) == 1258 and not stale.issues
    assert stale.frame.drop(columns=["sheet"]).equals(full.frame.drop(columns=["sheet"]))


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_hidden_sheet_is_not_read_unless_chosen(state):
    raw = H.hidden_template(state)
    p = ingest.parse(raw, "2025PAPI.xlsx")
    assert p.layout == "indicator_rows" and len(p.frame) == 1258       # the visible official sheet
    note = [i for i in p.issues if i.code == "hidden_sheets"]
    assert note and not note[0].blocking and "“data”" in note[0].message("en") and "“data”" in note[0].message("vi")
    chosen = ingest.parse(raw, "2025PAPI.xlsx", hidden=True)
    assert chosen.layout == "template" and len(chosen.frame) == 1      # the analyst asked for it


def test_dates_booleans_and_errors_read_as_excel_shows_them():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["a", dt.datetime(2020, 1, 2, 3, 4), True, 1.5, 7])
    ws["F1"] = "=1/0"
    raw = W.save(wb)
    raw = H.rewrite(raw, {"xl/worksheets/sheet1.xml": lambda x: x.replace(
        b"<f>1/0</f><v></v>", b"<f>1/0</f><v>#DIV/0!</v>").replace(b'<c r="F1"', b'<c r="F1" t="e"')})
    sheets, issues = ingest.files.read_xlsx(raw, "x.xlsx")
    ref = openpyxl.load_workbook(io.BytesIO(raw), data_only=True).active
    assert sheets[0].rows == [[c.value for c in ref[1]]]
    assert not issues


def test_out_of_memory_is_not_called_damaged(monkeypatch):
    def boom(*a, **k):
        raise MemoryError
    monkeypatch.setattr(ingest.files, "read_xlsx", boom)
    p = ingest.parse(H.official(), "2025PAPI.xlsx")
    assert [i.code for i in p.issues] == ["out_of_memory"]
    assert "damaged" not in p.issues[0].message("en") or "not damaged" in p.issues[0].message("en")


def test_removing_stored_ci_is_not_called_new(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'ci.db'}")
    with_ci = ingest.prepare(W.indicator_rows(2025), "2025PAPI.xlsx", s, today=TODAY)
    ingest.commit(with_ci, s, user="t")
    without = ingest.prepare(W.indicator_rows(2025, ci=False), "2025PAPI.xlsx", s, today=TODAY)
    c = without.preview.counts()
    assert c["ci_removed"] == 1258 and c["ci"] == 0, c
    s.dispose()


def test_page_reader_process_gives_the_same_answer():
    raw = H.official()
    seen = []
    p = worker.parse(raw, "2025PAPI.xlsx", on_progress=seen.append)
    assert p.frame.equals(ingest.parse(raw, "2025PAPI.xlsx").frame)
    assert seen and seen == sorted(seen) and seen[-1] > 0.9


def test_page_reader_process_time_and_memory_limits(monkeypatch):
    raw = W.indicator_rows([2023, 2024])
    monkeypatch.setenv("PAPI_IMPORT_TIMEOUT_S", "0.05")
    t = time.perf_counter()
    p = worker.parse(raw, "2024PAPI.xlsx")
    assert [i.code for i in p.issues] == ["timeout"] and time.perf_counter() - t < 5
    monkeypatch.setenv("PAPI_IMPORT_TIMEOUT_S", "60")
    monkeypatch.setenv("PAPI_IMPORT_WORKER_MB", "300")          # below what pandas alone needs
    p = worker.parse(raw, "2024PAPI.xlsx")
    assert [i.code for i in p.issues] == ["out_of_memory"], [i.message("en") for i in p.issues]
    assert "not damaged" in p.issues[0].message("en")
