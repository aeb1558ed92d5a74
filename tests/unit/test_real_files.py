"""Files as they come from outside, each variant a test, on SQLite and
PostgreSQL: the papi.org.vn download, province names as real files spell
them, codes that identify provinces, names an analyst maps, text tables as
Excel writes them (UTF-8 ±BOM, UTF-16, legacy encodings refused) and
indicators a new release adds. Whatever is refused leaves the store as it was."""
from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest

from papi_data import cli, ingest, provinces
from papi_data.db import aliases as alias_store
from papi_data.db.scores import Store
from tests.unit import papi_org_workbook as O
from tests.unit import workbooks as W

TODAY = dt.date(2026, 11, 22)
NICK = "Thành phố mang tên Bác"


@pytest.fixture
def db(any_url):
    s = Store(any_url)
    yield s
    s.dispose()


def prepare(db, raw, name, **kw):
    return ingest.prepare(raw, name, db, today=TODAY, **kw)


def refused_unchanged(db, raw, name, code, **kw):
    """The file is refused with `code` and nothing is written."""
    before, version = db.checksum(), db.data_version()
    plan = prepare(db, raw, name, **kw)
    assert not plan.ok and code in {i.code for i in plan.errors}, [(i.code, i.message("en")) for i in plan.errors]
    with pytest.raises(ValueError):
        ingest.commit(plan, db, user="test")
    assert db.checksum() == before and db.data_version() == version
    return plan


def _codes_row(ws):
    return next(r for r in range(1, 15) if ws.cell(r, 2).value == "Mã tỉnh")


def _without_code(code, year):
    def edit(sheets):
        ws = sheets[year]
        r = _codes_row(ws)
        for c in range(1, ws.max_column + 1):
            if ws.cell(r, c).value == code:
                ws.cell(r, c).value = None
    return edit


def names_2018(year, override=None):
    t = provinces.in_year(year)
    return {**dict(zip(t.gso_code, t.name_vi)), **(override or {})}


# ---- the papi.org.vn download ----------------------------------------------------------------------
def test_papi_org_download_reports_every_value_unchanged(db):
    plan = prepare(db, O.workbook(), "PAPI_2011-2016.xlsx")
    assert plan.ok, [(i.code, i.where("en"), i.message("en")) for i in plan.errors]
    assert plan.parsed.layout == "papi_org"
    assert plan.parsed.years_found == O.YEARS and plan.years == O.YEARS        # every year offered
    assert plan.preview.counts() == {"added": 0, "changed": 0, "ci": 0, "ci_removed": 0, "unchanged": len(O.values())}
    assert len(plan.parsed.frame) == len(O.values()) == 10_904
    by_year = plan.preview.by_year.set_index("year")                             # the preview is per year
    assert list(by_year.index) == O.YEARS and (by_year.changed == 0).all() and (by_year.added == 0).all()
    # the code-999 rows of PERCENTILE formulas are skipped and named, not errors
    skipped = [i for i in plan.warnings if i.code == "summary_row_skipped"]
    assert len(skipped) == 6 and {i.sheet for i in skipped} == {f"{y}_PAPI" for y in O.YEARS}
    assert all("Điểm cao nhất" in i.message("vi") and "999" in i.message("en") for i in skipped)
    assert not [i for i in plan.issues if i.code == "formula_no_value"]


def test_papi_org_download_one_year_on_request(db):
    plan = prepare(db, O.workbook(), "PAPI_2011-2016.xlsx", years=[2014])
    assert plan.ok and plan.years == [2014]
    assert plan.preview.counts()["unchanged"] == len(O.values([2014])) and set(plan.parsed.frame.year) == {2014}


def test_papi_org_download_changed_value_is_shown_old_to_new(db):
    def edit(sheets):
        ws = sheets[2016]
        ws.cell(3, 4).value = ws.cell(3, 4).value + 0.2           # Hà Nội D1 …
        ws.cell(3, 5).value = ws.cell(3, 5).value + 0.2           # … and its first sub-dimension, so sums hold
        ws.cell(3, ws.max_column).value = ws.cell(3, ws.max_column).value + 0.2   # and the total
    plan = prepare(db, O.workbook(edit=edit), "PAPI_2011-2016.xlsx")
    assert plan.ok, [i.message("en") for i in plan.errors]
    assert plan.preview.counts()["changed"] == 3


def test_papi_org_unknown_column_is_one_error_then_left_out_on_request(db):
    def edit(sheets):
        ws = sheets[2015]
        c = ws.max_column + 1
        ws.cell(1, c).value = "Digital Access (pilot)"
        ws.cell(2, c).value = "Tiếp cận số (thí điểm)"
        for r in range(3, 66):
            ws.cell(r, c).value = 1.5
    raw = O.workbook(edit=edit)
    plan = refused_unchanged(db, raw, "PAPI_2011-2016.xlsx", "unknown_indicator")
    (err,) = plan.errors
    assert err.sheet == "2015_PAPI" and err.cell.endswith("1") and "63 values" in err.message("en")
    plan = prepare(db, raw, "PAPI_2011-2016.xlsx", leave_out_unknown=True)
    assert plan.ok and [i.code for i in plan.warnings if i.code == "indicator_left_out"] == ["indicator_left_out"]
    assert plan.preview.counts()["unchanged"] == len(O.values())


# ---- 2018-on workbooks: names as real files spell them ------------------------------------------------
SPELLINGS = {
    "TP.Hồ Chí Minh (no space after the dot)": {79: "TP.Hồ Chí Minh"},
    "Thành phố / Tỉnh prefixes": {1: "Thành phố Hà Nội", 56: "tỉnh Khánh Hoà", 31: "Tp Hải Phòng", 10: "Tỉnh Lào Cai"},
    "abbreviations": {79: "TP.HCM", 46: "TT-Huế", 77: "BR-VT"},
    "English names": {79: "Ho Chi Minh City", 48: "Da Nang", 1: "Hanoi", 46: "Thua Thien Hue Province"},
    "decomposed Unicode (NFD)": {c: unicodedata.normalize("NFD", n) for c, n in names_2018(2023).items()},
    "non-breaking and double spaces": {48: "Đà\u00a0Nẵng", 1: "Hà  Nội ", 92: "TP.\u00a0Cần Thơ"},
    "upper case and dots": {79: "T.P. HỒ CHÍ MINH", 26: "VĨNH PHÚC", 77: "Bà Rịa - Vũng Tàu"},
    "hyphens and dashes": {46: "Thừa Thiên – Huế", 77: "Bà Rịa–Vũng Tàu", 40: "Nghệ-An"},
}


@pytest.mark.parametrize("names", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_2018_on_province_spellings_import(db, names):
    raw = W.indicator_rows(2023, names=names_2018(2023, names))
    plan = prepare(db, raw, "2023PAPI_ProvincialIndicators.xlsx")
    assert plan.ok, [(i.code, i.message("en")) for i in plan.errors]
    assert plan.preview.counts()["added"] + plan.preview.counts()["changed"] == 0
    assert plan.parsed.frame.province_code.nunique() == 61


def test_ho_chi_minh_without_space_and_without_its_code(db):
    """The spelling alone identifies it (no code row to fall back on)."""
    raw = W.indicator_rows(2023, names=names_2018(2023, {79: "TP.Hồ Chí Minh"}), edit=_without_code(79, 2023))
    plan = prepare(db, raw, "2023PAPI.xlsx")
    assert plan.ok and 79 in set(plan.parsed.frame.province_code)


def test_2025_file_with_the_34_new_units_names_and_prefixes(db):
    t = provinces.in_year(2025)
    names = {**dict(zip(t.gso_code, t.name_vi)), 46: "Thành phố Huế", 79: "TP.Hồ Chí Minh", 15: "tỉnh Lào Cai",
             1: "Thủ đô Hà Nội", 66: "Đắc Lắc"}
    plan = prepare(db, W.indicator_rows(2025, names=names), "2025PAPI.xlsx")
    assert plan.ok, [(i.code, i.message("en")) for i in plan.errors]
    assert plan.parsed.frame.province_code.nunique() == 34


def test_code_identifies_a_column_whose_name_no_rule_knows(db):
    raw = W.indicator_rows(2023, names=names_2018(2023, {79: NICK}))
    plan = prepare(db, raw, "2023PAPI.xlsx")
    assert plan.ok
    (note,) = [i for i in plan.warnings if i.code == "name_by_code"]
    assert NICK in note.message("en") and "79" in note.message("en") and "Hồ Chí Minh" in note.message("vi")


def test_name_contradicting_its_code_is_one_error_naming_both(db):
    raw = W.indicator_rows(2023, names=names_2018(2023, {79: "Hà Nội", 1: "Hồ Chí Minh"}))
    plan = refused_unchanged(db, raw, "2023PAPI.xlsx", "code_mismatch")
    errs = [i for i in plan.errors if i.code == "code_mismatch"]
    assert len(errs) == 2                                        # one per column, not one per cell
    msg = errs[0].message("en")
    assert "Hà Nội" in msg and "Hồ Chí Minh" in msg and errs[0].sheet == "2023_VIE_ENG"
    assert not [i for i in plan.errors if i.code == "column_without_province"]


def test_unresolved_name_is_one_error_at_its_header_with_the_count(db):
    raw = W.indicator_rows(2023, names=names_2018(2023, {79: NICK}), edit=_without_code(79, 2023))
    plan = refused_unchanged(db, raw, "2023PAPI.xlsx", "unknown_province")
    (err,) = plan.errors                                         # was 1 + 148 errors, one per cell
    assert err.cell and err.cell.endswith("3") and "148" in err.message("en") and "148" in err.message("vi")
    (u,) = ingest._mapping.unresolved(plan.errors)
    assert u.name == NICK and u.values == 148 and len(u.closest) >= 3


def test_mapping_imports_saves_the_alias_and_the_next_file_goes_straight_in(db):
    raw = W.indicator_rows(2023, names=names_2018(2023, {79: NICK}), edit=_without_code(79, 2023))
    plan = prepare(db, raw, "2023PAPI.xlsx", mapping={NICK: 79})
    assert plan.ok and 79 in set(plan.parsed.frame.province_code)
    ingest.commit(plan, db, user="Chuyên viên B")
    saved = alias_store.table(db)
    assert list(zip(saved.era, saved.alias, saved.gso_code)) == [(63, NICK, 79)]
    assert saved.created_by.iloc[0] == "Chuyên viên B" and saved.file_name.iloc[0] == "2023PAPI.xlsx"
    again = prepare(db, raw, "2023PAPI_v2.xlsx")
    assert again.ok and again.preview.counts()["unchanged"] == 2257


def test_skip_this_column_leaves_its_values_out_and_says_so(db):
    raw = W.indicator_rows(2023, names=names_2018(2023, {79: NICK}), edit=_without_code(79, 2023))
    plan = prepare(db, raw, "2023PAPI.xlsx", mapping={NICK: ingest._mapping.SKIP})
    assert plan.ok and 79 not in set(plan.parsed.frame.province_code)
    (note,) = [i for i in plan.warnings if i.code == "province_skipped"]
    assert "148" in note.message("en")
    ingest.commit(plan, db, user="t")
    assert alias_store.table(db).empty                           # a skip is for this file only


def test_cli_map_and_province_spelling(db, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("PAPI_DATABASE_URL", db.url)
    f = tmp_path / "2023PAPI.xlsx"
    f.write_bytes(W.indicator_rows(2023, names=names_2018(2023, {79: NICK}), edit=_without_code(79, 2023)))
    before = db.checksum()
    assert cli.main(["import", str(f), "--format", "json"]) == 2
    rep = json.loads(capsys.readouterr().out)
    assert [u["name"] for u in rep["unresolved"]] == [NICK] and rep["unresolved"][0]["values"] == 148
    assert db.checksum() == before
    assert cli.main(["import", str(f), "--map", f"{NICK}=79", "--user", "cli"]) == 0
    capsys.readouterr()
    assert list(alias_store.table(db).alias) == [NICK]
    assert cli.main(["scores", "--year", "2023", "--province", "TP.Hồ Chí Minh", "--indicator", "TOTAL"]) == 0
    assert "79,TP. Hồ Chí Minh,TOTAL" in capsys.readouterr().out
    assert cli.main(["scores", "--year", "2023", "--province", NICK, "--indicator", "TOTAL"]) == 0   # mapped name
    assert cli.main(["import", str(f), "--map", "no-equals-sign"]) == 2


def _extra_dimension_row(sheets):
    ws = sheets[2023]
    r = ws.max_row + 1
    ws.cell(r, 1).value = "Dimension 9: Digital Economy"
    ws.cell(r, 2).value = "Chỉ số nội dung 9: Kinh tế số"
    ws.cell(r, 3).value = "1-10 điểm/points"
    for c in range(4, ws.max_column + 1):
        if ws.cell(_codes_row(ws), c).value:
            ws.cell(r, c).value = 5.0


def test_unknown_indicator_row_is_one_error_then_left_out_explicitly(db):
    raw = W.indicator_rows(2023, edit=_extra_dimension_row)
    plan = refused_unchanged(db, raw, "2023PAPI.xlsx", "unknown_indicator")
    (err,) = plan.errors
    assert "63 values" in err.message("en") and "Dimension 9" in err.message("en")
    plan = prepare(db, raw, "2023PAPI.xlsx", leave_out_unknown=True)
    assert plan.ok
    (note,) = [i for i in plan.warnings if i.code == "indicator_left_out"]
    assert "Dimension 9" in note.message("vi") and "63" in note.message("vi")
    assert plan.preview.counts()["added"] == 0


# ---- text tables as Excel writes them ---------------------------------------------------------------
def _table_text(sep="\t"):
    return W.template_frame(W.year_frame(2023)).to_csv(index=False, sep=sep, lineterminator="\r\n")


TEXTS = {
    "utf-16 unicode text (.txt)": ("papi.txt", lambda: b"\xff\xfe" + _table_text().encode("utf-16-le")),
    "utf-16 big-endian with BOM": ("papi.txt", lambda: b"\xfe\xff" + _table_text().encode("utf-16-be")),
    "utf-16 without BOM": ("papi.txt", lambda: _table_text().encode("utf-16-le")),
    "utf-8 with BOM, semicolons": ("papi.csv", lambda: b"\xef\xbb\xbf" + _table_text(";").encode("utf-8")),
    "utf-8 without BOM, tabs": ("papi.txt", lambda: _table_text("\t").encode("utf-8")),
    "utf-8 comma, NFD names": ("papi.csv", lambda: unicodedata.normalize("NFD", _table_text(",")).encode("utf-8")),
}


@pytest.mark.parametrize("name,build", TEXTS.values(), ids=TEXTS.keys())
def test_text_exports_import(db, name, build):
    plan = prepare(db, build(), name)
    assert plan.ok, [(i.code, i.message("en")) for i in plan.errors]
    assert plan.preview.counts() == {"added": 0, "changed": 0, "ci": 0, "ci_removed": 0, "unchanged": 2257}


# Legacy encodings, written with their own tables for the letters used here
TCVN3 = dict(zip("àáảãạăâđêếềểễệôơưứừửữựỉịíìĩóòỏõọốồổỗộớờởỡợúùủũụýỳỷỹỵéèẻẽẹấầẩẫậắằẳẵặĐ",
                 bytes([0xB5, 0xB8, 0xB6, 0xB7, 0xB9, 0xA8, 0xA9, 0xAE, 0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6,
                        0xAB, 0xAC, 0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9, 0xD8, 0xDE, 0xDD, 0xD7, 0xDC, 0xE3,
                        0xDF, 0xE1, 0xE2, 0xE4, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9, 0xED, 0xEA, 0xEB, 0xEC, 0xEE,
                        0xF3, 0xEF, 0xF1, 0xF2, 0xF4, 0xFD, 0xFA, 0xFB, 0xFC, 0xFE, 0xD0, 0xCC, 0xCE, 0xCF,
                        0xD1, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6, 0xA7])))
VNI_TONES = {"\u0301": b"\xf9", "\u0300": b"\xf8", "\u0309": b"\xfb", "\u0303": b"\xf5", "\u0323": b"\xef"}
VNI_SHAPES = {"â": b"a\xe2", "ê": b"e\xe2", "ô": b"o\xe2", "ă": b"a\xea", "ơ": b"\xf4", "ư": b"\xf6", "đ": b"\xf1",
              "Đ": b"\xd1"}


def tcvn3(s: str) -> bytes:
    return b"".join(bytes([TCVN3[ch]]) if ch in TCVN3 else ch.encode("ascii") for ch in unicodedata.normalize("NFC", s))


def vni(s: str) -> bytes:
    out = b""
    for ch in unicodedata.normalize("NFC", s):
        d = unicodedata.normalize("NFD", ch)
        tone = next((m for m in d if m in VNI_TONES), "")
        base = unicodedata.normalize("NFC", d.replace(tone, "")) if tone else ch
        out += (VNI_SHAPES[base] if base in VNI_SHAPES else base.encode("ascii")) + VNI_TONES.get(tone, b"")
    return out


def cp1258(s: str) -> bytes:
    """Windows-1258 as Excel writes it: base letters with their shape, tone marks as combining bytes."""
    out = b""
    for ch in unicodedata.normalize("NFC", s):
        d = unicodedata.normalize("NFD", ch)
        tone = next((m for m in d if m in VNI_TONES), "")
        base = unicodedata.normalize("NFC", d.replace(tone, "")) if tone else ch
        out += base.encode("cp1258") + (tone.encode("cp1258") if tone else b"")
    return out


LEGACY_TEXT = "Năm;Tỉnh;Chỉ số;Điểm\n2023;Thừa Thiên Huế;D1;5,1\n2023;Hà Nội;D1;5,2\n2023;Lào Cai;D1;4,9\n"
LEGACY = {"TCVN3 (ABC)": tcvn3, "VNI": vni, "Windows-1258": cp1258}


@pytest.mark.parametrize("encoding", LEGACY, ids=LEGACY.keys())
def test_legacy_vietnamese_encoding_is_refused_with_advice(db, encoding):
    raw = LEGACY[encoding](LEGACY_TEXT)
    plan = refused_unchanged(db, raw, "diem_papi.csv", "encoding_legacy")
    (err,) = plan.errors
    assert encoding in err.message("en") and "UTF-8" in err.message("en") and "UTF-8" in err.message("vi")
    assert err.file == "diem_papi.csv"


@pytest.mark.parametrize("encode", [tcvn3, vni, cp1258], ids=["tcvn3", "vni", "cp1258"])
def test_a_single_legacy_row_is_recognised_whatever_the_province(encode):
    """A file whose only Vietnamese is one province's name: "Nam Định" in
    TCVN3 has no plain letter beside its 0xA7, "Hòa Bình" only ò and ì."""
    from papi_data.ingest import text_files
    names = sorted({n for n in W.template_frame(W.year_frame(2023)).province if not n.isascii()})
    missed = [n for n in names if text_files.legacy_encoding(encode(f"2023,{n},D7.2,1.952344656\n")) is None]
    assert len(names) > 50 and missed == []


# ---- 2011–2017 workbooks: the tinhid column identifies the province ---------------------------------
def test_2011_2017_tinhid_reads_a_row_whose_name_no_rule_knows(db):
    def edit(sheets):
        for ws in sheets.values():
            ws.cell(5 if ws is sheets["main"] else 4, 3).value = "Tỉnh vùng cao"   # the row of code 2, Hà Giang
            ws.cell(5 if ws is sheets["main"] else 4, 2).value = "Highland province"
    plan = prepare(db, W.province_rows(2016, edit=edit), "PAPI-2016.xlsx")
    assert plan.ok, [(i.code, i.message("en")) for i in plan.errors]
    assert {i.code for i in plan.warnings} >= {"name_by_code"} and 2 in set(plan.parsed.frame.province_code)


def test_2011_2017_tinhid_contradicting_the_name_is_one_error_naming_both(db):
    def edit(sheets):
        sheets["main"].cell(5, 1).value = 1                          # Hà Giang's row says Hà Nội's code
    plan = refused_unchanged(db, W.province_rows(2016, edit=edit), "PAPI-2016.xlsx", "code_mismatch")
    (err,) = [i for i in plan.errors if i.code == "code_mismatch"]
    assert err.cell == "A5" and "Hà Giang" in err.message("vi") and "Hà Nội" in err.message("vi")
