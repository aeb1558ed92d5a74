"""So sánh / Compare page (AppTest): 2–6 provinces, region preset, the 34 new
units through their former provinces."""
import pytest

from papi_data import provinces
from tests.app.plotly_spec import arr, captions, names, run, specs, trace, tables


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_compare_three_provinces(lang):
    at = run("compare", lang=lang, year=2019, provinces="10,15,87")
    assert at.multiselect(key="provinces").value == [10, 15, 87]
    trend, radar, _ = specs(at)
    want = ["Lào Cai", "Yên Bái", "Đồng Tháp"] if lang == "vi" else ["Lao Cai", "Yen Bai", "Dong Thap"]
    assert set(want) <= set(names(trend))
    lc = trace(trend, want[0])
    assert round(lc["y"][lc["x"].index(2018)], 2) == 44.37
    assert lc["y"][lc["x"].index(2017.5)] is None                       # TOTAL scale break
    dt = trace(trend, want[2])
    assert dt["y"][dt["x"].index(2014)] is None                         # Đồng Tháp's gap
    assert names(radar) == want
    table = tables(at)[0]
    assert list(table.iloc[:, 0]) == want and len(table.columns) == 1 + 1 + 8
    assert table.columns[1] == ("Tổng" if lang == "vi" else "Total") and "TOTAL" not in table.columns
    assert sum(("Nguồn" if lang == "vi" else "Source") in c for c in captions(at)) == 4


def test_compare_region_preset():
    at = run("compare", year=2023, province=10)
    at.button(key="region_preset").click().run()
    assert not at.exception
    picked = at.multiselect(key="provinces").value
    assert len(picked) == 6 and picked[0] == 10
    assert {provinces.region_of(c, 2023) for c in picked} == {provinces.region_of(10, 2023)}
    assert len(names(specs(at)[1])) == 6


def test_compare_neighbours_preset_in_both_languages():
    at = run("compare", year=2023, province=10)
    at.button(key="neighbours_preset").click().run()
    assert not at.exception
    assert at.multiselect(key="provinces").value == [10, 2, 12, 15]     # Lào Cai and its three neighbours
    at = run("compare", lang="en", year=2023, province=1)
    assert at.button(key="neighbours_preset").label == "Provinces bordering Ha Noi"
    at.button(key="neighbours_preset").click().run()
    assert len(at.multiselect(key="provinces").value) == 6               # Hà Nội has eight neighbours
    assert any("left out" in c.value for c in at.caption)


def test_compare_needs_two():
    at = run("compare", year=2023, provinces="10")
    assert any("ít nhất 2" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_compare_new_units_shows_former_provinces(enriched):
    at = run("compare", lang="en", year=2023, units=34, units_picked="15,19")
    trend, radar, _ = specs(at)
    assert {"Lao Cai (former)", "Yen Bai (former)", "Bac Kan (former)", "Thai Nguyen (former)"} <= set(names(trend))
    assert names(radar) == ["Lao Cai (former)", "Yen Bai (former)", "Bac Kan (former)", "Thai Nguyen (former)"]
    table = tables(at)[0]
    assert len(table) == 4                                              # one row per former province, no sums
    lc = enriched[(enriched.year == 2023) & (enriched.province_code == 10) & (enriched.indicator == "TOTAL")]
    assert float(table.iloc[0]["Total"]) == round(float(lc["value"].iloc[0]), 2)   # named, not "TOTAL"
    d1 = enriched[(enriched.year == 2023) & (enriched.province_code == 10) & (enriched.indicator == "D1")]
    assert arr(radar["data"][0]["r"])[0] == pytest.approx(float(d1["value"].iloc[0]))
