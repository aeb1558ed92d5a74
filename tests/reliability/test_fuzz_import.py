"""Fuzzing the import path with mutated real-layout files.

Every outcome must be a clean import or a validation report: never an
unhandled exception, a hang, or a partial write. Inputs that once broke the
import are kept in tests/reliability/corpus/ and replayed on every run.

PAPI_FUZZ_EXAMPLES sets the examples per strategy (CI: the default; the long
run in `make reliability` uses more).
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import os
import re
import signal
import time
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from papi_data import consistency, ingest
from papi_data.db.scores import Store
from tests.unit import hostile_files as H, workbooks as W

EXAMPLES = int(os.environ.get("PAPI_FUZZ_EXAMPLES", "25"))
CORPUS = Path(__file__).parent / "corpus"
FAILURES = Path(__file__).resolve().parents[2] / "artifacts" / "fuzz-failures"
TODAY = dt.date(2026, 11, 22)
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=False, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    s = Store(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}")
    yield s
    s.dispose()


@functools.lru_cache(maxsize=1)
def _bases():
    """Real-layout files for a new year (2025, 34 provinces) and an old one.
    (A function, not a fixture, so Hypothesis does not print them.)"""
    return {
        "2025PAPI_ProvincialIndicators.xlsx": W.indicator_rows(2025),
        "2016PAPI.xlsx": W.province_rows(2016),
        "papi_template.csv": W.template_csv(W.template_frame(W.merged_2025())),
    }


class ReaderHang(BaseException):
    """Not an Exception: the import's own "file no reader foresaw" handler
    must not turn a hang into an ordinary report."""


@contextmanager
def time_limit(seconds: float):
    def hang(*_):
        raise ReaderHang(f"import did not finish in {seconds} s")
    old = signal.signal(signal.SIGALRM, hang)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run_import(store: Store, raw: bytes, name: str, limit: float = 60) -> str:
    """prepare -> commit (then roll back) or a report; checks no partial write."""
    before = store.checksum()
    try:
        with time_limit(limit):
            plan = ingest.prepare(raw, name, store, today=TODAY)
            if plan.ok and plan.preview is not None and plan.preview.has_changes:
                bid = ingest.commit(plan, store, user="fuzz")
                assert consistency.problems(store.scores(), tol=0.011) == []
                store.rollback(bid, user="fuzz")
                assert store.scores().equals(store.scores())
                return "imported"
            for i in plan.errors:   # every error names its file and has a message in both languages
                assert i.file == name and i.message("vi") and i.message("en")
                assert not i.message("en").startswith("imp_err_"), i.code
    except BaseException:
        FAILURES.mkdir(parents=True, exist_ok=True)
        (FAILURES / f"{hashlib.sha256(raw).hexdigest()[:16]}-{name}").write_bytes(raw)
        raise
    assert store.checksum() == before       # a refused file wrote nothing: no row, no batch
    return "report"


def test_a_partial_write_fails_the_run(fuzz_store, monkeypatch):
    """The check above must catch a refused file that wrote a batch anyway."""
    real = ingest.prepare

    def leaky(raw, name, store, **kw):
        plan = real(raw, name, store, **kw)
        ingest.commit(plan, store, user="leak")                   # writes, then says the file was bad
        plan.issues.append(ingest.issue("no_values", name))
        return plan
    monkeypatch.setattr(ingest, "prepare", leaky)
    with pytest.raises(AssertionError):
        run_import(fuzz_store, _bases()["papi_template.csv"], "papi_template.csv")
    s = fuzz_store
    s.rollback(int(s.history().id.max()), user="fuzz")


def test_a_reader_hang_fails_the_run(fuzz_store, monkeypatch):
    """A reader that hangs is a failure of the run, not a report."""
    import time as _time
    real = ingest.files.read_csv

    def slow(*a, **k):
        _time.sleep(5)
        return real(*a, **k)
    monkeypatch.setattr(ingest.files, "read_csv", slow)
    with pytest.raises(ReaderHang):
        run_import(fuzz_store, _bases()["papi_template.csv"], "papi_template.csv", limit=0.5)


CELL_VALUES = st.one_of(
    st.none(), st.text(max_size=40), st.integers(-10**6, 10**6),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([
        "=SUM(D5:D9)", "=1/0", "Lào Cai", "Mã tỉnh", "Dimension 1: Participation", "N/A", "—", "1,5",
        "99999", "-0", "0", "Tổng", "Highest", " ", "\u200b", "<script>alert(1)</script>", "2025",
        "Chỉ số nội dung 9: X", "95% CI Low", "Unweighted", dt.datetime(2020, 1, 1)]))


@SETTINGS
@given(data=st.data())
def test_mutated_cells(fuzz_store, data):
    bases = _bases()
    name = data.draw(st.sampled_from(sorted(n for n in bases if n.endswith(".xlsx"))))
    wb = openpyxl.load_workbook(io.BytesIO(bases[name]))
    for _ in range(data.draw(st.integers(1, 6))):
        ws = wb[data.draw(st.sampled_from(wb.sheetnames))]
        r = data.draw(st.integers(1, max(ws.max_row, 1) + 2))
        c = data.draw(st.integers(1, max(ws.max_column, 1) + 2))
        v = data.draw(CELL_VALUES)
        if isinstance(v, str):
            v = "".join(ch for ch in v if ch >= " " or ch in "\t\n")  # openpyxl refuses control chars
        op = data.draw(st.sampled_from(["set", "delete_row", "delete_col", "insert_row", "rename"]))
        if op == "set":
            ws.cell(r, c).value = v
        elif op == "delete_row":
            ws.delete_rows(r)
        elif op == "delete_col":
            ws.delete_cols(c)
        elif op == "insert_row":
            ws.insert_rows(r)
        else:
            ws.title = data.draw(st.sampled_from(["Sheet1", "2024_VIE_ENG", "2030_VIE_ENG", "Điểm thành phần 9"]))
    buf = io.BytesIO()
    wb.save(buf)
    run_import(fuzz_store, buf.getvalue(), name)


@SETTINGS
@given(data=st.data())
def test_mutated_bytes(fuzz_store, data):
    bases = _bases()
    name = data.draw(st.sampled_from(sorted(bases)))
    raw = bytearray(bases[name])
    op = data.draw(st.sampled_from(["flip", "truncate", "insert", "zero"]))
    pos = data.draw(st.integers(0, len(raw) - 1))
    if op == "flip":
        for k in range(data.draw(st.integers(1, 16))):
            raw[(pos + k * 97) % len(raw)] ^= data.draw(st.integers(1, 255))
    elif op == "truncate":
        raw = raw[:pos]
    elif op == "insert":
        raw[pos:pos] = data.draw(st.binary(min_size=1, max_size=64))
    else:
        raw[pos:pos + 512] = bytes(min(512, len(raw) - pos))
    run_import(fuzz_store, bytes(raw), name)


@SETTINGS
@given(data=st.data())
def test_mutated_csv_text(fuzz_store, data):
    bases = _bases()
    lines = bases["papi_template.csv"].decode("utf-8-sig").splitlines()
    for _ in range(data.draw(st.integers(1, 5))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["drop", "dup", "edit", "sep", "blank"]))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "edit":
            cells = lines[i].split(",")
            j = data.draw(st.integers(0, len(cells) - 1))
            cells[j] = data.draw(st.text(max_size=12).map(lambda s: s.replace("\n", " ").replace("\r", " ")))
            lines[i] = ",".join(cells)
        elif op == "sep":
            lines[i] = lines[i].replace(",", ";")
        else:
            lines[i] = ""
        if not lines:
            break
    enc = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258"]))
    raw = "\n".join(lines).encode(enc, errors="replace")
    run_import(fuzz_store, raw, "papi_template.csv")


def _inflated(raw: bytes, mb: int) -> bytes:
    """The sheet padded with `mb` MB of blanks (compresses ~1000:1)."""
    return H.rewrite(raw, {"xl/worksheets/sheet1.xml": lambda x: x.replace(
        b"<sheetData>", b"<sheetData>" + b" " * (mb << 20), 1)})


def _dimension(raw: bytes, ref: str) -> bytes:
    return H.rewrite(raw, {"xl/worksheets/sheet1.xml": lambda x: re.sub(
        rb'<dimension ref="[^"]*"', b'<dimension ref="%s"' % ref.encode(), x, count=1)})


def _hidden(raw: bytes, state: str, layout: str) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    ws = wb.create_sheet("hidden", 0)
    if layout == "template":
        ws.append(["year", "province", "indicator", "value"])
        ws.append([2025, 1, "TOTAL", 10.0])
    else:
        for row in wb.worksheets[1].iter_rows(values_only=True):
            ws.append(row)
    ws.sheet_state = state
    wb.active = 1
    return W.save(wb)


HOSTILE = st.one_of(
    st.tuples(st.just("inflated"), st.integers(20, 60)),
    st.tuples(st.just("dimension"), st.sampled_from(["A1", "A1:B2", "A1:D40", "B3:C9", "A1:XFD1048576",
                                                     "A1:ALM100001", "A1:AAA5"])),
    st.tuples(st.just("hidden"), st.tuples(st.sampled_from(["hidden", "veryHidden"]),
                                           st.sampled_from(["template", "copy"]))),
    st.tuples(st.just("wide"), st.tuples(st.integers(1, 3000), st.integers(1001, 16384))),
    st.tuples(st.just("long_line"), st.integers(10_001, 2_000_000)),
    st.tuples(st.just("far_cell"), st.tuples(st.integers(1, 16384), st.integers(100_001, 1_048_576))),
)


@SETTINGS
@given(kind=HOSTILE)
def test_hostile_generators(fuzz_store, kind):
    """Inflated parts, huge or stale dimension tags, hidden sheets, wide rows,
    long lines and far cells: each refused naming its bound (in well under
    the time limit), or read in full exactly as the visible sheets show."""
    what, arg = kind
    base = _bases()["2025PAPI_ProvincialIndicators.xlsx"]
    name, expect = "2025PAPI_ProvincialIndicators.xlsx", None
    if what == "inflated":
        raw, expect = _inflated(base, arg), "zip_ratio"
    elif what == "dimension":
        raw = _dimension(base, arg)
        expect = {"A1:XFD1048576": "too_many_rows", "A1:ALM100001": "too_many_rows"}.get(arg)
    elif what == "hidden":
        raw = _hidden(base, *arg)
    elif what == "wide":
        raw, expect = H.wide_rows(*arg), "too_many_columns"
    elif what == "long_line":
        raw, name, expect = b"year,province,indicator,value\n2025,1,TOTAL," + b"9" * arg + b"\n", "mau.csv", \
            "line_too_long"
    else:
        col = openpyxl.utils.get_column_letter(arg[0])
        raw, expect = H.far_cell(f"{col}{arg[1]}"), "too_many_rows"
    t = time.perf_counter()
    outcome = run_import(fuzz_store, raw, name)
    took = time.perf_counter() - t
    if expect:
        plan = ingest.prepare(raw, name, fuzz_store, today=TODAY)
        assert outcome == "report" and expect in [i.code for i in plan.errors], [i.code for i in plan.errors]
        assert took < 10, took
    else:                              # a stale tag or a hidden sheet changes nothing that is read
        plan = ingest.prepare(raw, name, fuzz_store, today=TODAY)
        ref = ingest.parse(base, name)
        assert plan.parsed.frame.drop(columns="sheet").equals(ref.frame.drop(columns="sheet"))
        assert outcome == "imported"


def _respell(name: str, how: str) -> str:
    """One of the ways real files write a province name."""
    import unicodedata
    if how == "nfd":
        return unicodedata.normalize("NFD", name)
    if how == "nbsp":
        return name.replace(" ", "\u00a0")
    if how == "prefix":
        return "Tỉnh " + name
    if how == "tp_nospace":
        return "TP." + name
    if how == "upper":
        return name.upper()
    if how == "hyphen":
        return name.replace(" ", "-", 1)
    if how == "double_space":
        return "  " + name.replace(" ", "  ") + " "
    if how == "typo":
        return name[:-1] if len(name) > 3 else name + "x"
    return name


SPELLINGS = ["nfd", "nbsp", "prefix", "tp_nospace", "upper", "hyphen", "double_space", "typo"]


@SETTINGS
@given(data=st.data())
def test_province_name_variants(fuzz_store, data):
    """Province names respelt in a 2018-on workbook: every variant the rules
    know imports; a typo is one message per column (or read by its code)."""
    from papi_data import provinces
    t = provinces.in_year(2023)
    names = dict(zip(t.gso_code, t.name_vi))
    picks = data.draw(st.lists(st.sampled_from(sorted(names)), min_size=1, max_size=6, unique=True))
    for code in picks:
        names[code] = _respell(names[code], data.draw(st.sampled_from(SPELLINGS)))
    drop_codes = data.draw(st.booleans())

    def edit(sheets):
        if drop_codes:
            ws = sheets[2023]
            r = next(r for r in range(1, 15) if ws.cell(r, 2).value == "Mã tỉnh")
            for c in range(4, ws.max_column + 1):
                if ws.cell(r, c).value in picks:
                    ws.cell(r, c).value = None
    raw = W.indicator_rows(2023, names=names, edit=edit)
    outcome = run_import(fuzz_store, raw, "2023PAPI.xlsx")
    plan = ingest.prepare(raw, "2023PAPI.xlsx", fuzz_store, today=TODAY)
    unknown = [i for i in plan.errors if i.code == "unknown_province"]
    assert len(unknown) <= len(picks)                  # one per column at most, never one per cell
    assert not [i for i in plan.errors if i.code == "column_without_province"]
    assert outcome in ("imported", "report")


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258", "tcvn3", "vni"]


@SETTINGS
@given(data=st.data())
def test_text_encoding_variants(fuzz_store, data):
    """The template as text in every encoding Excel or older software
    writes, with any separator: Unicode imports, legacy ones are refused
    with one message naming an encoding."""
    from tests.unit.test_real_files import cp1258, tcvn3, vni
    frame = W.template_frame(W.year_frame(2023)).sample(n=data.draw(st.integers(1, 80)),
                                                       random_state=data.draw(st.integers(0, 10**6)))
    sep = data.draw(st.sampled_from([",", ";", "\t"]))
    text = frame.to_csv(index=False, sep=sep, lineterminator=data.draw(st.sampled_from(["\n", "\r\n"])))
    enc = data.draw(st.sampled_from(ENCODINGS))
    raw = {"tcvn3": tcvn3, "vni": vni, "cp1258": cp1258}[enc](text) if enc in ("tcvn3", "vni", "cp1258") \
        else text.encode(enc)
    name = data.draw(st.sampled_from(["papi.csv", "papi.txt"]))
    run_import(fuzz_store, raw, name)
    plan = ingest.prepare(raw, name, fuzz_store, today=TODAY)
    if enc in ("tcvn3", "vni", "cp1258") and any(ord(ch) > 127 for ch in text):
        assert [i.code for i in plan.errors] == ["encoding_legacy"]
    elif enc not in ("tcvn3", "vni", "cp1258"):
        assert not [i for i in plan.errors if i.code in ("encoding", "encoding_legacy", "wrong_type")]


@pytest.mark.parametrize("path", sorted(p for p in CORPUS.iterdir() if p.is_file() and p.name != "README.md"),
                         ids=lambda p: p.name)
def test_corpus_of_once_failing_inputs(fuzz_store, path):
    name = path.name.split("-", 1)[-1]
    run_import(fuzz_store, path.read_bytes(), name)
