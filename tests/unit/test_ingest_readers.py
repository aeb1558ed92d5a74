"""Every published layout, built with openpyxl from the shipped scores, read
back value for value."""
from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from papi_data import codebook, ingest, provinces
from papi_data.ingest import files
from papi_data.frame import KEY
from tests.unit import workbooks as W


def _same(parsed: pd.DataFrame, expected: pd.DataFrame, ci: bool = False):
    weighted = parsed[parsed["indicator"] == "TOTAL_W"]
    if len(weighted):   # the builders' weighted total row: TOTAL x 1.01, its own indicator
        _weighted_as_built(weighted, expected)
    parsed = parsed[parsed["indicator"] != "TOTAL_W"]
    got = parsed.set_index(KEY).sort_index()
    exp = expected.set_index(KEY).sort_index()
    assert list(got.index) == list(exp.index)
    # every value, to the 15 significant digits an .xlsx cell keeps
    diff = (got["value"] - exp["value"]).abs()
    assert (diff <= 1e-13 * exp["value"].abs().clip(lower=1)).all(), diff.max()
    if ci:
        want = pd.DataFrame([W.ci_of(v, k[2]) for k, v in exp["value"].items()], index=exp.index,
                            columns=["ci_low", "ci_high", "se"])
        pd.testing.assert_frame_equal(got[["ci_low", "ci_high", "se"]], want, check_exact=True)
    else:
        assert got[["ci_low", "ci_high", "se"]].isna().all().all()


def _weighted_as_built(weighted: pd.DataFrame, expected: pd.DataFrame):
    tot = expected[expected["indicator"] == "TOTAL"].set_index(["year", "province_code"])["value"]
    got = weighted.set_index(["year", "province_code"])["value"].sort_index()
    assert list(got.index) == sorted(tot.index)
    assert (got - tot * 1.01).abs().max() <= 2e-6   # written rounded to 6 decimals
    assert weighted[["ci_low", "ci_high", "se"]].isna().all().all()


@pytest.mark.parametrize("year", [2018, 2021, 2023])
def test_2018_layout_every_value_with_ci(year):
    p = ingest.parse(W.indicator_rows(year), f"{year}PAPI_ProvincialIndicators.xlsx")
    assert p.layout == "indicator_rows" and p.years_found == [year]
    assert not [i for i in p.issues if i.blocking]
    _same(p.frame, W.year_frame(year), ci=True)
    # cells point at the value rows of the sheet
    assert set(p.frame.sheet) == {f"{year}_VIE_ENG"}


def test_2018_layout_real_figures():
    p = ingest.parse(W.indicator_rows(2018), "PAPI2018.xlsx")
    v = p.frame.set_index(KEY).value
    assert round(v[(2018, 10, "TOTAL")], 2) == 44.37           # Lào Cai, seed plan baseline
    # Quảng Ninh and Đồng Tháp have no 2018 TOTAL: blank cells stay missing
    assert (2018, 22, "TOTAL") not in v.index and (2018, 87, "TOTAL") not in v.index
    # percent rows under sub-dimensions are not scores
    assert p.frame.value.max() <= 80


def test_2020_quang_ninh_and_no_weighted_values():
    p = ingest.parse(W.indicator_rows(2020, ci=False), "2020.xlsx")
    v = p.frame.set_index(KEY).value
    assert round(v[(2020, 22, "TOTAL")], 3) == 48.811
    _same(p.frame, W.year_frame(2020), ci=False)


def test_2024_file_with_mapping_rows_and_separator_columns():
    raw = W.indicator_rows(2024, weighted_total=True)
    wb = openpyxl.load_workbook(__import__("io").BytesIO(raw))
    ws = wb["2024_VIE_ENG"]
    assert ws.cell(2, 2).value.startswith("Mã tỉnh mới")              # four mapping rows on top
    blank_cols = [c for c in range(4, ws.max_column + 1) if ws.cell(7, c).value is None]
    assert len(blank_cols) == 33                                          # a separator between groups
    p = ingest.parse(raw, "2024PAPI_ProvincialIndicators_BangChiTieuCapTinh_34_TinhThanh.xlsx")
    assert not [i for i in p.issues if i.blocking]
    assert p.frame.province_code.nunique() == 61                          # old provinces, 2 unscored
    _same(p.frame, W.year_frame(2024), ci=True)
    v = p.frame.set_index(KEY).value
    assert round(v[(2024, 22, "TOTAL")], 4) == 47.8212                   # Quảng Ninh #1 in 2024


def test_future_file_scores_the_34_new_provinces():
    p = ingest.parse(W.indicator_rows(2025, weighted_total=True), "2025PAPI.xlsx")
    assert not [i for i in p.issues if i.blocking]
    assert set(p.frame.province_code) == set(provinces.in_year(2025).gso_code)
    _same(p.frame, W.merged_2025(), ci=True)
    # code 15 is the new Lào Cai in 2025 (Yên Bái's old code)
    assert provinces.name(15, 2025) == "Lào Cai"


def test_file_repeating_earlier_years_analyst_picks():
    raw = W.indicator_rows([2021, 2022, 2023])
    p = ingest.parse(raw, "2023PAPI.xlsx")
    assert p.years_found == [2021, 2022, 2023] and p.default_years == [2023]
    assert set(p.frame.year) == {2023}
    p = ingest.parse(raw, "2023PAPI.xlsx", years=[2021, 2022])
    assert set(p.frame.year) == {2021, 2022}
    _same(p.frame, pd.concat([W.year_frame(2021), W.year_frame(2022)]), ci=True)


def test_sheet_names_from_older_files():
    raw = W.indicator_rows(2019, sheet_name=lambda y: f"{y}PAPI_Indicators_VIE")
    p = ingest.parse(raw, "2019_PAPI_Provincial_indicators2019_VIE_ENG.xlsx")
    _same(p.frame, W.year_frame(2019), ci=True)


def test_sub_dimension_numbering_follows_names_not_position():
    # In 2021 D5 has 3 sub-dimensions, published as 5.1/5.2/5.3 but coded D5.1/D5.3/D5.4
    p = ingest.parse(W.indicator_rows(2021), "2021.xlsx")
    assert set(p.frame[p.frame.indicator.str.startswith("D5.")].indicator) == {"D5.1", "D5.3", "D5.4"}


@pytest.mark.parametrize("year", [2011, 2014, 2016, 2017])
def test_2011_2017_layout_every_value(year):
    p = ingest.parse(W.province_rows(year), f"PAPI-{year}-Dữ-liệu-1.xlsx")
    assert p.layout == "province_rows" and p.years_found == [year]
    assert not [i for i in p.issues if i.blocking], p.issues[:3]
    _same(p.frame, W.year_frame(year))


def test_2011_file_with_tab_named_2012_takes_the_file_year():
    p = ingest.parse(W.province_rows(2011, tab_year=2012), "PAPI-2011-Dữ-liệu-1.xlsx")
    assert p.years_found == [2011]
    _same(p.frame, W.year_frame(2011))


def test_2011_2017_old_transparency_sub_dimensions_by_name():
    p = ingest.parse(W.province_rows(2015), "PAPI-2015.xlsx")
    d2 = set(p.frame[p.frame.indicator.str.startswith("D2.")].indicator)
    assert d2 == {"D2.2", "D2.3", "D2.4"}                               # published as 2.1, 2.2, 2.3
    assert set(p.frame[p.frame.indicator.str.startswith("D3.")].indicator) == {"D3.1", "D3.4", "D3.5"}


@pytest.mark.parametrize("sep,decimal,bom", [(",", ".", False), (";", ",", False), (";", ".", True),
                                             (",", ".", True)])
def test_template_csv_variants(sep, decimal, bom):
    exp = pd.concat([W.year_frame(2019), W.year_frame(2020)])
    raw = W.template_csv(W.template_frame(exp), sep=sep, decimal=decimal, bom=bom)
    p = ingest.parse(raw, "papi_template.csv")
    assert p.layout == "template" and p.years_found == [2019, 2020] and p.default_years == [2019, 2020]
    assert not p.issues
    _same(p.frame, exp)


def test_template_xlsx_header_found_by_content_any_column_order():
    exp = W.year_frame(2022)
    frame = W.template_frame(exp, lang="en")[["value", "indicator", "province", "year"]]
    p = ingest.parse(W.template_xlsx(frame, title_rows=2), "mau.xlsx")
    assert p.layout == "template" and not p.issues
    _same(p.frame, exp)


def test_template_with_ci_and_codes_and_vietnamese_headers():
    exp = W.year_frame(2023).head(40)
    f = pd.DataFrame({"Năm": exp.year, "Tỉnh": exp.province_code, "Chỉ số": exp.indicator.str.lower(),
                      "Giá trị": exp.value})
    ci = [W.ci_of(v, c) for v, c in zip(exp.value, exp.indicator)]
    f["ci_low"], f["ci_high"], f["se"] = zip(*ci)
    p = ingest.parse(W.template_csv(f, sep=";", decimal=","), "mau.csv")
    assert not p.issues
    _same(p.frame, exp, ci=True)


def test_template_download_reads_back():
    p = ingest.parse(ingest.template.template_csv(), "papi_template.csv")
    assert not p.issues and set(p.frame.indicator) == {"TOTAL", "D1", "D1.1"}
    assert round(p.frame.set_index("indicator").value["TOTAL"], 2) == 44.37
    p = ingest.parse(ingest.template.template_xlsx(), "papi_template.xlsx")
    assert not p.issues and len(p.frame) == 3


def test_zero_cells_are_read_as_not_scored_and_said_so():
    p = ingest.parse(W.indicator_rows(2018, zero_missing=True), "2018.xlsx")
    z = [i for i in p.issues if i.code == "zero_as_missing"]
    assert len(z) == 1 and not z[0].blocking and dict(z[0].params)["n"] > 0
    _same(p.frame, W.year_frame(2018), ci=True)


def test_number_parsing():
    assert files.number("46,96") == 46.96 and files.number(" 46.96 ") == 46.96
    assert files.number("1.234,5") == 1234.5 and files.number("–") is None and files.number(None) is None
    with pytest.raises(files.NotANumber):
        files.number("abc")


def test_codebook_coverage_of_the_fixture():
    # the fixture publishes every indicator of the year: the reader found them all
    p = ingest.parse(W.indicator_rows(2020), "2020.xlsx")
    assert set(p.frame.indicator) == set(codebook.indicators(2020))
    p = ingest.parse(W.indicator_rows(2020, weighted_total=True), "2020.xlsx")
    assert set(p.frame.indicator) == set(codebook.stored(2020)) == set(codebook.indicators(2020)) | {"TOTAL_W"}


def test_an_unforeseen_reader_failure_is_an_issue_not_a_crash(monkeypatch):
    def boom(*a, **k):
        raise IndexError("list index out of range")
    monkeypatch.setattr(ingest.indicator_rows, "read", boom)
    p = ingest.parse(W.indicator_rows(2023), "2023.xlsx")
    (i,) = p.issues
    assert i.code == "unreadable" and "IndexError" in i.message("en") and p.frame.empty


def test_2018_layout_weighted_total_is_its_own_indicator():
    # every indicator has a Weighted row; only the total's is kept, as TOTAL_W
    p = ingest.parse(W.indicator_rows(2021, weighted_total=True), "2021PAPI.xlsx")
    assert not [i for i in p.issues if i.blocking]
    _same(p.frame, W.year_frame(2021), ci=True)
    v = p.frame.set_index(KEY).value
    tot = v[(2021, 10, "TOTAL")]
    assert v[(2021, 10, "TOTAL_W")] == round(tot * 1.01, 6) and v[(2021, 10, "TOTAL_W")] != tot
    assert p.frame.loc[p.frame.indicator == "TOTAL_W", ["ci_low", "ci_high", "se"]].isna().all().all()
    # the TOTAL's CI rows after the weighted row still belong to TOTAL
    row = p.frame.set_index(KEY).loc[(2021, 10, "TOTAL")]
    assert (row.ci_low, row.ci_high, row.se) == W.ci_of(tot, "TOTAL")


def test_2018_layout_without_the_totals_weighted_row_has_no_weighted_total():
    # the other indicators' Weighted rows are there and are not kept
    raw = W.indicator_rows(2021)
    ws = openpyxl.load_workbook(__import__("io").BytesIO(raw))["2021_VIE_ENG"]
    assert sum("(weighted)" in str(ws.cell(r, 1).value or "") for r in range(1, ws.max_row + 1)) > 30
    p = ingest.parse(raw, "2021PAPI.xlsx")
    assert not [i for i in p.issues if i.blocking]
    assert "TOTAL_W" not in set(p.frame.indicator)
    _same(p.frame, W.year_frame(2021), ci=True)


def test_papi_org_weighted_total_column_is_its_own_indicator():
    from tests.unit import papi_org_workbook as O
    p = ingest.parse(O.workbook([2014, 2016], weighted_total=True), "PAPI_2011-2016.xlsx")
    assert p.layout == "papi_org" and not [i for i in p.issues if i.blocking]
    w = p.frame[p.frame.indicator == "TOTAL_W"].set_index(["year", "province_code"]).value.sort_index()
    tot = O.values([2014, 2016])
    tot = tot[tot.indicator == "TOTAL"].set_index(["year", "province_code"]).value.sort_index()
    assert list(w.index) == list(tot.index) and len(w) == 124       # 62 provinces scored each year
    assert (w - tot.map(O.weighted)).abs().max() <= 1e-12
    # TOTAL stays the unweighted column, value for value
    got = p.frame[p.frame.indicator == "TOTAL"].set_index(["year", "province_code"]).value.sort_index()
    assert (got - tot).abs().max() <= 1e-12
    rest = p.frame[p.frame.indicator != "TOTAL_W"]
    assert len(rest) == len(O.values([2014, 2016]))


def test_papi_org_without_weighted_column_has_no_weighted_total():
    from tests.unit import papi_org_workbook as O
    p = ingest.parse(O.workbook([2014]), "PAPI_2011-2016.xlsx")
    assert "TOTAL_W" not in set(p.frame.indicator) and len(p.frame) == len(O.values([2014]))


def test_2011_2017_summary_sheet_weighted_total_column():
    def edit(sheets):
        ws = sheets["main"]
        hdr = next(r for r in range(1, 10) if ws.cell(r, 1).value == "tinhid")
        c = ws.max_column + 1
        ws.cell(hdr, c).value = "Chỉ số PAPI (có trọng số) / Weighted PAPI Index"
        for r in range(hdr + 1, ws.max_row + 1):
            code = ws.cell(r, 1).value
            if isinstance(code, int):
                ws.cell(r, c).value = 40.0 + code / 100
    p = ingest.parse(W.province_rows(2015, edit=edit), "PAPI2015.xlsx")
    assert not [i for i in p.issues if i.blocking], [i.message("en") for i in p.issues if i.blocking]
    v = p.frame.set_index(KEY).value
    assert v[(2015, 10, "TOTAL_W")] == 40.1 and v[(2015, 10, "TOTAL")] != 40.1
    _same(p.frame[p.frame.indicator != "TOTAL_W"], W.year_frame(2015))
    assert "TOTAL_W" not in set(ingest.parse(W.province_rows(2015), "PAPI2015.xlsx").frame.indicator)
