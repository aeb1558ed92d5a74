"""Group labels a score file carries beside its scores ("Nhóm", "Group",
"Tier", ...): read as the published groups of that year and indicator,
checked with the group-file rules, shown in the preview and committed with
the scores (SQLite and PostgreSQL through any_url)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from papi_data import analytics, codebook, ingest, official_tiers
from papi_data.db import groups as groups_store
from papi_data.db.scores import Store
from papi_data.ingest import groups, present
from tests.unit import workbooks as W

TODAY = dt.date(2026, 11, 22)
VI = ["Cao nhất", "Trung bình cao", "Trung bình thấp", "Thấp nhất"]
EN = ["Best performers", "High average", "Low average", "Poor performers"]


def ranked(year: int, indicator: str = "TOTAL") -> pd.DataFrame:
    """The shipped scores of one year and indicator, best first."""
    sc = W.year_frame(year)
    return sc[sc.indicator == indicator].sort_values(["value", "province_code"], ascending=[False, True])


def labels_by_code(year: int, sizes, names, indicator: str = "TOTAL") -> dict[int, str]:
    """Province code -> group label, the groups `sizes` long in rank order."""
    order = ranked(year, indicator).province_code.tolist()
    out, at = {}, 0
    for name, n in zip(names, sizes):
        for code in order[at:at + n]:
            out[code] = name
        at += n
    return out


def province_rows_with_groups(year: int, header: str, labels: dict[int, str], after: str = "TOTAL",
                              more: dict[str, tuple[str, dict[int, str]]] | None = None) -> bytes:
    """The 2011–2017 workbook with a group column after the `after` column of
    the summary sheet (and more group columns after other indicators)."""
    cols = codebook.indicators(year, "dimension") + ["TOTAL"]
    heads = {after: (header, labels), **(more or {})}

    def edit(sheets):
        ws = sheets["main"]
        # from the right, so the columns to the left keep their place
        for ind in sorted(heads, key=lambda i: -cols.index(i)):
            h, lab = heads[ind]
            c = 4 + cols.index(ind) + 1
            ws.insert_cols(c)
            ws.cell(3, c, h)
            for r in range(4, ws.max_row + 1):
                code = ws.cell(r, 1).value
                if isinstance(code, int) and code in lab:
                    ws.cell(r, c, lab[code])
    return W.province_rows(year, edit=edit)


def test_vietnamese_group_column_is_read_as_published_groups():
    lab = labels_by_code(2016, [16, 16, 15, 16], [f"Nhóm {n.lower()}" for n in VI])
    raw = province_rows_with_groups(2016, "Nhóm", lab)
    p = ingest.parse(raw, "2016PAPI.xlsx")
    assert not [i for i in p.issues if i.blocking], [i.message("en") for i in p.issues]
    g = groups.table(p)
    assert g[["year", "indicator", "tier", "count"]].values.tolist() == [
        ["2016", "TOTAL", str(k), str(n)] for k, n in zip(range(1, 5), [16, 16, 15, 16])]
    assert set(g.source) == {"2016PAPI.xlsx [2016PAPI- Bảng tổng hợp kết quả]"}
    assert p.group_columns[(2016, "TOTAL")] == ("2016PAPI- Bảng tổng hợp kết quả", "K3")
    assert groups.check(p) == [] and not [i for i in ingest.validate(p, TODAY) if i.blocking]


def test_english_labels_a_typo_header_and_a_group_column_per_indicator():
    tot = labels_by_code(2016, [16, 16, 15, 16], EN)
    d1 = labels_by_code(2016, [15, 17, 15, 16], ["High", "high-average", "LOW AVERAGE", "Low"], "D1")
    raw = province_rows_with_groups(2016, "Performance gruop", tot, more={"D1": ("Xếp nhóom", d1)})
    p = ingest.parse(raw, "2016PAPI.xlsx")
    assert not [i for i in p.issues if i.blocking]
    counts = groups.counts(groups.table(p))
    assert counts == [(2016, "D1", "15/17/15/16"), (2016, "TOTAL", "16/16/15/16")]
    assert groups.check(p) == []


def test_template_excel_export_with_a_group_column():
    """A template saved by Excel as "CSV UTF-8" with semicolons and decimal
    commas (BOM), the groups as numbers 1–4."""
    lab = labels_by_code(2023, [15, 15, 15, 16], ["1", "2", "3", "4"])
    sc = ranked(2023)
    frame = W.template_frame(sc).assign(**{"Phân nhóm": [lab[c] for c in sc.province_code]})
    raw = W.template_csv(frame, sep=";", decimal=",", bom=True)
    p = ingest.parse(raw, "papi_2023.csv")
    assert p.layout == "template" and not [i for i in p.issues if i.blocking]
    assert groups.counts(groups.table(p)) == [(2023, "TOTAL", "15/15/15/16")]
    assert p.group_columns[(2023, "TOTAL")] == (None, "E1")


@pytest.mark.parametrize("header", ["Nhóm", "Nhóm điểm", "Xếp nhóm", "Phân nhóm", "Group", "Tier",
                                    "Performance group", "Quartile", "Nhom  diem", "Nhóm / Group", "GROUP"])
def test_group_headers(header):
    assert groups.is_group_header(header)


@pytest.mark.parametrize("header", ["tinhid", "tentinh_vie", "Chỉ số PAPI (không có trọng số) / Unweighted PAPI Index",
                                    "province", "value", "Số thứ tự", "Ghi chú"])
def test_not_group_headers(header):
    assert not groups.is_group_header(header)


@pytest.mark.parametrize("label,tier", [("Cao nhất", 1), ("Nhóm cao nhất", 1), ("Trung bình cao", 2),
                                        ("nhóm trung bình thấp", 3), ("Thấp nhất", 4), ("Best performers", 1),
                                        ("High", 1), ("High average", 2), ("Low-average", 3),
                                        ("Poor performers", 4), ("Low", 4), (1, 1), (4.0, 4), ("3", 3),
                                        ("Nhóm 2", 2), ("", None), (None, None), ("–", None)])
def test_labels(label, tier):
    assert groups.tier_of(label) == tier


def test_a_bad_label_is_an_error_naming_file_sheet_and_cell_and_nothing_is_written(tmp_path):
    lab = labels_by_code(2016, [16, 16, 15, 16], VI)
    first = ranked(2016).province_code.iloc[0]
    lab[first] = "Khá"
    raw = province_rows_with_groups(2016, "Nhóm", lab)
    store = Store(f"sqlite:///{tmp_path / 'g.db'}")
    before = store.checksum()
    plan = ingest.prepare(raw, "2016PAPI.xlsx", store, today=TODAY)
    bad = [i for i in plan.errors if i.code == "group_label"]
    assert len(bad) == 1 and not plan.ok
    row = 4 + W.provinces.in_year(2016).sort_values("gso_code").gso_code.tolist().index(first)
    assert (bad[0].file, bad[0].sheet, bad[0].cell) == ("2016PAPI.xlsx", "2016PAPI- Bảng tổng hợp kết quả", f"K{row}")
    assert bad[0].message("vi") == ("Ô nhóm chứa “Khá”, không phải tên nhóm PAPI (Cao nhất, Trung bình cao, "
                                    "Trung bình thấp, Thấp nhất hoặc 1–4).")
    assert "“Khá”, which is not a PAPI group" in bad[0].message("en")
    assert f"cell K{row}" in bad[0].where("en") and "2016PAPI- Bảng tổng hợp kết quả" in bad[0].where("vi")
    with pytest.raises(ValueError):
        ingest.commit(plan, store, user="analyst")
    assert store.checksum() == before and groups_store.imported(store).empty


def test_counts_not_adding_up_and_groups_out_of_order_are_errors():
    lab = labels_by_code(2016, [16, 16, 15, 16], VI)
    del lab[ranked(2016).province_code.iloc[-1]]            # a ranked province without a group
    p = ingest.parse(province_rows_with_groups(2016, "Nhóm", lab), "2016PAPI.xlsx")
    found = [i for i in ingest.validate(p, TODAY) if i.code == "group_record"]
    assert len(found) == 1 and (found[0].sheet, found[0].cell) == ("2016PAPI- Bảng tổng hợp kết quả", "K3")
    assert found[0].message("en") == ("The file's published groups of TOTAL 2016 cannot be used: 2016 TOTAL: "
                                      "the groups add up to 62 provinces, but 63 are ranked.")
    assert "các nhóm cộng lại 62 tỉnh, nhưng 63 tỉnh được xếp hạng" in found[0].message("vi")
    # the 17th province put in group 1: group 2's range overlaps group 1's
    lab = labels_by_code(2016, [16, 16, 15, 16], VI)
    lab[ranked(2016).province_code.iloc[16]] = VI[0]
    lab[ranked(2016).province_code.iloc[0]] = VI[1]
    p = ingest.parse(province_rows_with_groups(2016, "Nhóm", lab), "2016PAPI.xlsx")
    found = [i for i in ingest.validate(p, TODAY) if i.code == "group_record"]
    assert found and "overlaps group 1" in " ".join(i.message("en") for i in found)


def test_a_file_without_a_group_column_is_read_as_before():
    p = ingest.parse(W.province_rows(2016), "2016PAPI.xlsx")
    assert p.frame["tier"].isna().all() and p.group_columns == {} and groups.table(p).empty


def _shifted_2023() -> bytes:
    """2023 totals a little higher than stored, in the template, with the
    published 15/15/15/16 as Vietnamese labels."""
    sc = ranked(2023).assign(value=lambda d: d.value + 0.001)
    lab = labels_by_code(2023, [15, 15, 15, 16], VI)
    frame = W.template_frame(sc).assign(**{"Nhóm": [lab[c] for c in sc.province_code]})
    return W.template_csv(frame)


def test_commit_writes_scores_and_groups_in_one_transaction(any_url):
    store = Store(any_url)
    raw = _shifted_2023()
    plan = ingest.prepare(raw, "papi_2023_nhom.csv", store, today=TODAY)
    assert plan.ok, [i.message("en") for i in plan.errors]
    assert present.group_notes(plan.groups, "vi") == [
        "Tệp có nhóm theo công bố cho TOTAL 2023: 15/15/15/16 — sẽ được lưu làm nhóm công bố."]
    assert present.group_notes(plan.groups, "en") == [
        "The file gives published groups for TOTAL 2023: 15/15/15/16 — they will be stored as the published groups."]
    assert plan.report()["groups"] == [{"year": 2023, "indicator": "TOTAL", "counts": "15/15/15/16"}]
    ingest.commit(plan, store, user="analyst")
    imp = groups_store.imported(store)
    assert imp[["year", "indicator", "tier", "count"]].values.tolist() == [
        ["2023", "TOTAL", str(k), str(n)] for k, n in zip(range(1, 5), [15, 15, 15, 16])]
    assert set(imp.source) == {"papi_2023_nhom.csv"}
    assert imp.citation.str.startswith("PAPI 2023 TOTAL: file papi_2023_nhom.csv").all()
    e = analytics.enrich(store.scores(), groups_store.load(store))
    r = analytics.ranking(e, 2023, "TOTAL")
    assert (r.tier_basis == "published").all() and set(r.tier_source) == {"papi_2023_nhom.csv"}
    assert r.groupby("tier").size().tolist() == [15, 15, 15, 16]
    note = official_tiers.basis_note(e, 2023, "TOTAL", "en")
    assert "papi_2023_nhom.csv" in groups_store.summary(store, 2023).citation.iloc[0] and note


def test_a_failing_group_write_writes_no_scores_either(any_url, monkeypatch):
    store = Store(any_url)
    plan = ingest.prepare(_shifted_2023(), "papi_2023_nhom.csv", store, today=TODAY)
    assert plan.ok
    before = store.checksum()

    def broken(groups, file_name, user=None):
        def write(c, stamp=None):
            raise RuntimeError("disk full")
        return write
    monkeypatch.setattr(groups_store, "writer", broken)
    with pytest.raises(RuntimeError):
        ingest.commit(plan, store, user="analyst")
    assert store.checksum() == before and groups_store.imported(store).empty


def test_rolling_back_the_batch_withdraws_its_groups_and_puts_back_the_ones_replaced(any_url):
    """The groups a score file brought go with its batch: a rollback
    withdraws them, and the record they replaced is in use again."""
    store = Store(any_url)
    first = ingest.commit(ingest.prepare(_shifted_2023(), "papi_2023_nhom.csv", store, today=TODAY), store, user="a")
    first_rows = groups_store.imported(store)
    again = ingest.prepare(_shifted_2023(), "papi_2023_nhom_v2.csv", store, today=TODAY)   # the same groups, re-sent
    second = ingest.commit(again, store, user="b")
    assert set(groups_store.imported(store).citation) != set(first_rows.citation)
    store.rollback(second)
    assert groups_store.imported(store).citation.tolist() == first_rows.citation.tolist()
    store.rollback(first)
    assert groups_store.imported(store).empty
    r = analytics.ranking(analytics.enrich(store.scores(), groups_store.load(store)), 2023, "TOTAL")
    assert "papi_2023_nhom.csv" not in set(r.tier_source)     # the shipped record (Hanoi Times) again


def test_a_group_column_after_the_weighted_total_gives_the_weighted_totals_groups():
    from papi_data.ingest.province_rows import group_of
    cols = {1: "TOTAL", 2: "TOTAL_W"}
    assert group_of([3], cols) == {3: "TOTAL_W"}            # right after the weighted total
    assert group_of([2], {1: "TOTAL", 3: "TOTAL_W"}) == {2: "TOTAL"}
    assert group_of([3], {1: "D1", 2: "TOTAL"}) == {3: "TOTAL"}


def test_an_excel_workbook_cell_with_a_number_label():
    """Group cells written as numbers by Excel (1.0 … 4.0) in an .xlsx template."""
    sc = ranked(2023)
    lab = labels_by_code(2023, [15, 15, 15, 16], [1.0, 2.0, 3.0, 4.0])
    frame = W.template_frame(sc).assign(Tier=[lab[c] for c in sc.province_code])
    p = ingest.parse(W.template_xlsx(frame, title_rows=1), "papi_2023.xlsx")
    assert groups.counts(groups.table(p)) == [(2023, "TOTAL", "15/15/15/16")]


def test_papi_org_download_with_a_group_column_after_the_total():
    """The papi.org.vn download's two header rows: "Group" over "Nhóm"."""
    from tests.unit import papi_org_workbook as P
    n = len(ranked(2015))
    sizes = [n - 3 * (n // 4)] + [n // 4] * 3
    lab = labels_by_code(2015, sizes, VI)

    def edit(sheets):
        ws = sheets[2015]
        c = ws.max_column + 1
        ws.cell(1, c, "Group")
        ws.cell(2, c, "Nhóm")
        for r in range(3, ws.max_row + 1):
            code = ws.cell(r, 1).value
            if code in lab:
                ws.cell(r, c, lab[code])
    p = ingest.parse(P.workbook([2015], edit=edit), "PAPI_2011-2016.xlsx")
    assert p.layout == "papi_org" and not [i for i in p.issues if i.blocking and i.code != "formula_no_value"]
    assert groups.counts(groups.table(p)) == [(2015, "TOTAL", "/".join(map(str, sizes)))]
    assert groups.check(p) == []


def test_2018_on_workbook_with_a_group_row_under_the_total():
    """The 2018-on layout has provinces as columns: the groups are a row
    ("Performance group" / "Nhóm") under the indicator's statistic rows."""
    lab = labels_by_code(2023, [15, 15, 15, 16], EN)

    def edit(sheets):
        ws = sheets[2023]
        ws.insert_rows(9)                        # after TOTAL's value, weighted, CI and SE rows (4–8)
        ws.cell(9, 1, "Performance group")
        ws.cell(9, 2, "Nhóm")
        for c in range(4, ws.max_column + 1):
            code = ws.cell(2, c).value
            if code in lab:
                ws.cell(9, c, lab[code])
    # the total's five statistic rows, as the official files have them (its Weighted row included)
    p = ingest.parse(W.indicator_rows(2023, edit=edit, weighted_total=True), "2023PAPI.xlsx")
    assert p.layout == "indicator_rows" and not [i for i in p.issues if i.blocking]
    assert groups.counts(groups.table(p)) == [(2023, "TOTAL", "15/15/15/16")]
    assert p.group_columns[(2023, "TOTAL")] == ("2023_VIE_ENG", "A9")
    plain = ingest.parse(W.indicator_rows(2023, weighted_total=True), "2023PAPI.xlsx")
    assert len(p.frame) == len(plain.frame)   # no value lost
    assert groups.check(p) == []


def test_command_line_import_says_and_stores_the_groups(tmp_path, monkeypatch, capsys):
    """`python -m papi_data import` of a file with the same scores and a group
    column: the groups alone are worth a batch, and the output says so."""
    from papi_data import cli
    from papi_data.db.scores import get_store
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("PAPI_DATABASE_URL", url)
    sc = ranked(2019)
    lab = labels_by_code(2019, [16, 16, 15, 16], VI)
    f = tmp_path / "papi_2019.csv"
    f.write_bytes(W.template_csv(W.template_frame(sc).assign(Nhóm=[lab[c] for c in sc.province_code])))
    assert cli.main(["import", str(f), "--lang", "vi", "--user", "analyst"]) == 0
    out = capsys.readouterr().out
    assert "0 added, 0 changed" in out and "Imported as batch 2" in out
    assert "Tệp có nhóm theo công bố cho TOTAL 2019: 16/16/15/16 — sẽ được lưu làm nhóm công bố." in out
    assert groups_store.imported(get_store(url))["count"].tolist() == ["16", "16", "15", "16"]


def test_groups_of_a_file_with_some_provinces_are_checked_against_the_stored_others(tmp_path):
    """A file scoring 60 of 2019's 63 provinces, with groups adding up to 60:
    after the import 63 are ranked, so the counts do not add up."""
    store = Store(f"sqlite:///{tmp_path / 'g.db'}")
    sc = ranked(2019).iloc[:60]
    lab = labels_by_code(2019, [15, 15, 15, 15], VI)
    raw = W.template_csv(W.template_frame(sc).assign(Nhóm=[lab[c] for c in sc.province_code]))
    assert groups.check(ingest.parse(raw, "p.csv")) == []                       # the file alone adds up
    plan = ingest.prepare(raw, "p.csv", store, today=TODAY)
    assert [i.code for i in plan.errors] == ["group_record"]
    assert "the groups add up to 60 provinces, but 63 are ranked" in plan.errors[0].message("en")
