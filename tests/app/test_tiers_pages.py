"""Published and computed tiers and explained ranks on the pages (AppTest)."""
import pytest

from tests.app.plotly_spec import captions, run, tables


def popover_text(at) -> str:
    return " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_profile_2023_published_group_and_unranked_provinces(lang):
    at = run("profile", lang=lang, year=2023, province=26)          # Vĩnh Phúc, 16th of 61
    assert at.metric[1].value == "16/61"
    # As published: the first of the 15 upper-medium provinces (the quartile rule says top group).
    assert at.metric[2].value == ("Trung bình cao" if lang == "vi" else "High-average")
    caps = " ".join(captions(at))
    assert ("Trung bình cao (theo công bố)" if lang == "vi" else "High-average (as published)") in caps
    assert ("Báo Hanoi Times, 2/4/2024" if lang == "vi" else "Hanoi Times, 2 April 2024") in caps   # cited in the language
    if lang == "vi":
        assert ("Xếp hạng 16/61 (63 tỉnh; 2 tỉnh không được xếp hạng năm nay: Quảng Ninh (kết quả khảo sát vượt "
                "giá trị sai số cho phép trong thống kê), Bình Dương (kết quả khảo sát") in caps
    else:
        assert "Rank 16/61 (63 provinces; 2 not ranked this year: Quang Ninh (survey results" in caps
    # The rule is a click away.
    assert ("phân vị 75" if lang == "vi" else "75th percentile") in popover_text(at)


def test_profile_2019_computed_and_every_province_ranked():
    at = run("profile", lang="en", year=2019, province=10)
    caps = " ".join(captions(at))
    # The trend says which release each run of years comes from.
    assert ("Source of each year: 2011–2016: papi.org.vn data download (2011–2016), unweighted index; "
            "2017–2024: sum of the sub-dimensions") in caps
    assert "(computed)" in caps and "no published groups are on record" in caps
    assert "not ranked" not in caps


def test_overview_2023_cut_points_are_the_published_groups():
    at = run("overview", lang="en", year=2023, indicator="TOTAL")
    assert at.metric[0].value == "61/63"
    assert at.metric[3].value == "43.96"                               # Hà Nội, the last of the top 15
    caps = " ".join(captions(at))
    assert "Groups as published by PAPI" in caps
    ranking = tables(at)[0]
    assert set(ranking["Tier basis"]) == {"as published"}
    assert "63 provinces; 2 not ranked this year: Quang Ninh" in caps and "Binh Duong" in caps


def test_targets_page_tier_column_names_its_basis():
    at = run("targets", lang="en", year=2019, province=10)            # Lào Cai plan 170/KH-UBND
    caps = " ".join(captions(at))
    assert "'Actual tier' column gives PAPI's published group" in caps
    tab = next(x for x in tables(at) if "Actual tier" in x.columns)
    assert set(tab["Actual tier"]) == {"High (computed)", "High-average (computed)", "Low-average (computed)"}


def test_about_page_lists_vintages():
    at = run("home", lang="en")
    tab = next(d.value for d in at.dataframe if "Release / source" in d.value.columns)
    assert len(tab) == 14 and "unweighted" in tab.iloc[0]["Release / source"]
    assert any("2011–2016 totals are the unweighted index" in i.value for i in at.info)


def test_overview_2019_marks_computed_tiers_near_the_cut():
    at = run("overview", lang="vi", year=2019, indicator="TOTAL")
    ranking = tables(at)[0]
    near = ranking[ranking["Cách xếp nhóm"] == "tính theo tứ phân vị, sát ngưỡng"]
    assert 0 < len(near) < len(ranking) and set(ranking["Cách xếp nhóm"]) <= {
        "tính theo tứ phân vị", "tính theo tứ phân vị, sát ngưỡng"}


def test_presentation_headline_says_published_and_unranked():
    at = run("present", lang="en", year=2023, province=26)
    caps = " ".join(captions(at))
    assert "Tier: High-average (as published)." in caps and "Rank 16/61 (63 provinces; 2 not ranked" in caps


def test_data_page_lists_groups_and_an_analyst_imports_a_file(db, monkeypatch):
    """The published groups in use are listed; a bad group file is refused
    with file, line and reason and writes nothing; a good one is imported."""
    from tests.app.test_data_page import HASH, page, sign_in
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", HASH)
    at = sign_in(page(lang="en"))
    shown = tables(at)
    records = next(x for x in shown if "Provinces" in x.columns)
    assert len(records) == 16
    cited = " ".join(records["Source"])
    assert "Lào Cai People's Committee, plan 170/KH-UBND" in cited and "Hanoi Times, 2 April 2024" in cited
    assert "laocai-170-2019" not in cited                                # a citation, not the record's id
    head = "year,indicator,tier,count,score_min,score_max,source,citation\n"
    bad = head + "".join(f"2019,TOTAL,{k},{n},,,r,c\n" for k, n in zip(range(1, 5), [16, 16, 15, 15]))
    before = db.data_version()
    at.toggle(key="grp_open").set_value(True)
    at.run()
    at.file_uploader[1].set_value(("nhom.csv", bad.encode(), "text/csv"))
    at.run()
    assert any("File refused: 1 problem(s)" in e.value for e in at.error)
    assert any("nhom.csv, row 2: 2019 TOTAL: the groups add up to 62 provinces, but 63 are ranked" in m.value
               for m in at.markdown)
    assert db.data_version() == before
    good = bad.replace("2019,TOTAL,4,15", "2019,TOTAL,4,16")
    at.file_uploader[1].set_value(("nhom.csv", good.encode(), "text/csv"))
    at.run()
    next(b for b in at.button if b.label == "Import the published groups").click()
    at.run()
    assert not at.exception
    assert any("Imported 1 group record(s) from nhom.csv" in s.value for s in at.success)
    from papi_data import analytics
    from papi_data.db import groups as groups_store
    e = analytics.enrich(db.scores(), groups_store.load(db))
    assert (analytics.ranking(e, 2019, "TOTAL").tier_basis == "published").all()


def test_data_page_group_table_headers_in_vietnamese():
    """The published groups table names its columns in the interface's language."""
    from tests.app.test_data_page import page
    at = page(lang="vi")
    records = next(x for x in tables(at) if "Số tỉnh" in x.columns)
    assert {"Số tỉnh công bố", "Điểm từ", "Điểm đến", "Điểm thấp nhất", "Điểm cao nhất", "Nguồn"} <= set(records.columns)
    assert not {"count", "score_min", "score_max", "lowest", "highest", "source"} & set(records.columns)
    cited = " ".join(records["Nguồn"])
    assert "UBND tỉnh Lào Cai, Kế hoạch số 170/KH-UBND" in cited and "People's Committee" not in cited
    assert set(records["Nhóm"]) >= {"Cao nhất", "Thấp nhất"}


def test_group_counts_are_numbers_aligned_as_numbers(store):
    from papi_data.db import groups as groups_store
    from ui.groups_import import shown_records
    from ui.tables import html_table
    shown = shown_records(groups_store.summary(store), "vi")
    assert shown["Số tỉnh công bố"].dropna().tolist()[:4] == [16, 16, 15, 14]
    from papi_data import display
    text = display.for_screen(shown, "vi")
    assert "7,8579" in text["Điểm từ"].tolist()                             # the published bound, every decimal
    assert "2018" in text["Năm"].tolist() and "Cao nhất" in text["Nhóm"].tolist()
    html = html_table(shown, "vi")
    assert '<th scope="col" class=num>Số tỉnh công bố</th>' in html and '<th scope="col" class=num>Điểm từ</th>' in html


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_data_page_previews_and_commits_groups_a_score_file_carries(db, monkeypatch, lang):
    """A template with a group column: the preview says which published
    groups it gives; committed with the scores, the profile shows them as
    published with the file as the source."""
    from tests.app.test_data_page import HASH, page, sign_in
    from tests.unit import workbooks as W
    from tests.unit.test_ingest_groups import EN, VI, labels_by_code, ranked
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", HASH)
    at = sign_in(page(lang=lang))
    sc = ranked(2019).assign(value=lambda d: d.value + 0.001)
    lab = labels_by_code(2019, [16, 16, 15, 16], VI if lang == "vi" else EN)
    header = "Xếp nhóm" if lang == "vi" else "Performance group"
    raw = W.template_csv(W.template_frame(sc).assign(**{header: [lab[c] for c in sc.province_code]}))
    at.file_uploader[0].set_value(("papi_2019_nhom.csv", raw, "text/csv"))
    at.run()
    assert not at.exception and not at.error
    infos = [i.value for i in at.info]
    assert ("Tệp có nhóm theo công bố cho TOTAL 2019: 16/16/15/16 — sẽ được lưu làm nhóm công bố." if lang == "vi"
            else "The file gives published groups for TOTAL 2019: 16/16/15/16 — they will be stored as the "
                 "published groups.") in infos
    at.button(key="imp_commit").click()
    at.run()
    assert not at.exception
    from papi_data.db import groups as groups_store
    assert groups_store.imported(db)[["year", "count"]].values.tolist() == [["2019", "16"], ["2019", "16"],
                                                                           ["2019", "15"], ["2019", "16"]]
    first = int(ranked(2019).province_code.iloc[0])
    prof = run("profile", lang=lang, year=2019, province=first)
    caps = " ".join(captions(prof))
    assert ("Cao nhất (theo công bố)" if lang == "vi" else "High (as published)") in caps
    assert "papi_2019_nhom.csv" in caps
