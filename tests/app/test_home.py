from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def app(**params):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.switch_page("pages/home.py").run()


def test_home_shows_coverage_in_vietnamese():
    at = app()
    assert not at.exception
    assert "Chỉ số PAPI" in at.title[0].value
    df = at.dataframe[0].value
    assert len(df) == 14 and df.iloc[0, 0] == 2011
    assert any("28.854" in m.value for m in at.markdown)


def test_home_in_english():
    at = app(lang="en")
    assert not at.exception
    assert at.title[0].value == "PAPI dashboard"
    assert any("28,854" in m.value for m in at.markdown)


def _table(at, column):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_about_lists_each_period_s_indicators_and_what_changed():
    at = app()
    assert [o for o in at.selectbox(key="about_period").options] == \
        ["2021–2024", "2019–2020", "2018–2018", "2016–2017", "2011–2015"]
    now = _table(at, "Thay đổi từ đầu giai đoạn")
    assert "D8.3" in set(now["Mã"]) and "D5.2" not in set(now["Mã"])
    assert "Bỏ nội dung Giấy phép xây dựng" in " ".join(now["Thay đổi từ đầu giai đoạn"])
    at.selectbox(key="about_period").set_value((2011, 2015)).run()
    old = _table(at, "Thay đổi từ đầu giai đoạn")
    assert "D7" not in set(old["Mã"]) and "D3.5" in set(old["Mã"])
    assert "60,00" in set(old["Điểm tối đa"])


def test_about_names_unranked_provinces_with_reasons_and_links_reports():
    for lang, reason, col in (("vi", "kết quả khảo sát vượt giá trị sai số", "Lý do"),
                              ("en", "survey results exceeded", "Reason")):
        at = app(lang=lang)
        assert not at.exception
        missing = _table(at, col)
        assert reason in " ".join(missing[col])
        assert len(missing) >= 10
        reports = _table(at, "Báo cáo" if lang == "vi" else "Report")
        assert len(reports) == 14
        assert all(u.startswith("https://papi.org.vn/") for u in reports.iloc[:, 2])
        assert ("Cách xếp nhóm" if lang == "vi" else "How tiers are set") in [h.value for h in at.subheader]
