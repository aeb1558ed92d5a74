"""The profile's decision aids (AppTest): trend classes and what-if."""
import pytest

from tests.app.plotly_spec import run


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_profile_trends_and_whatif(lang):
    at = run("profile", lang=lang, year=2024, province=10)
    assert not at.exception
    trend = at.dataframe[-1].value
    # each row names its indicator in full, not by a bare code a reader must look up
    col = "Chỉ số" if lang == "vi" else "Indicator"
    d4 = trend[trend[col].str.startswith("D4 ")].iloc[0]
    assert d4[col] == ("D4 Kiểm soát tham nhũng trong khu vực công" if lang == "vi"
                       else "D4 Control of Corruption in the Public Sector")
    # docs/TRENDS.md worked example: Lào Cai D4, 2018-2024, the series shown
    assert d4["Chuỗi so sánh được" if lang == "vi" else "Comparable series"] == "2018–2024"
    assert d4["Xu hướng" if lang == "vi" else "Trend"] == ("Cải thiện tăng tốc" if lang == "vi"
                                                            else "Increasing improvement")
    # the rule's popover says what each class means
    said = " ".join(m.value for m in at.markdown)
    assert ("**Dấu hiệu cảnh báo**: tăng dài hạn nhưng gần đây giảm." if lang == "vi"
            else "**Warning signs**: up over the long run but down recently.") in said
    # a page at 2020 warns as it could have in 2020: the series stops there
    at = run("profile", lang=lang, year=2020, province=10)
    trend = at.dataframe[-1].value
    series = trend[trend[col].str.startswith("D4 ")].iloc[0]["Chuỗi so sánh được" if lang == "vi" else "Comparable series"]
    assert series == "2018–2020"
    at.multiselect(key="whatif_pick").set_value(["D5", "D7"]).run()
    at.number_input(key="whatif_amt_D5").set_value(0.2).run()
    at.number_input(key="whatif_amt_D7").set_value(0.1).run()
    said = " ".join(m.value for m in at.markdown)
    value = "43,25" if lang == "vi" else "43.25"   # 42.9506 + 0.3
    stay = "giữ nguyên như năm 2020" if lang == "vi" else "stay as in 2020"
    assert value in said and stay in said


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview_warning_signs_filter(lang):
    at = run("overview", lang=lang, year=2024, indicator="D4")
    assert not at.exception
    at.selectbox(key="trend_filter").set_value("warning_signs").run()
    said = " ".join(m.value for m in at.markdown)
    # Hà Nội (code 1): D4 up 2018-2024 on the whole, down over 2022-2024
    assert ("Hà Nội" if lang == "vi" else "Ha Noi") in said


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_compare_says_no_interval_known(lang):
    # The shipped scores carry no standard errors or intervals.
    at = run("compare", lang=lang, year=2019, provinces="10,15,87")
    said = " ".join(c.value for c in at.caption)
    assert ("Không có sai số" if lang == "vi" else "No standard error or interval is known") in said
