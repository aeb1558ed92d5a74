"""AppTest for the overview, profile and compare pages: no exception in
either language, the right widgets, and the figure specs carry real values."""
import base64
import json

import numpy as np

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def run(page: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for k, v in params.items():
        at.query_params[k] = str(v)
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def arr(v) -> list:
    """Plotly 7 writes numeric arrays as typed base64 ('bdata')."""
    if isinstance(v, dict) and "bdata" in v:
        out = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"])).tolist()
        return [None if isinstance(x, float) and np.isnan(x) else x for x in out]
    return list(v)


def trace(spec, name):
    d = next(d for d in spec["data"] if d.get("name") == name)
    return {**d, **{k: arr(d[k]) for k in ("x", "y", "r") if k in d}}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview(lang):
    at = run("overview", lang=lang, year=2020)
    figs = specs(at)
    assert len(figs) == 3
    bars = figs[0]
    top = trace(bars, "Cao nhất" if lang == "vi" else "High")
    assert top["y"][0] == "1. Quảng Ninh" if lang == "vi" else "1. Quang Ninh"
    assert round(top["x"][0], 3) == 48.811
    assert "2020" in bars["layout"]["title"]["text"]
    assert len(figs[1]["layout"]["shapes"]) == 63                       # the tile map
    assert any("Nguồn: PAPI 2020" in c.value or "Source: PAPI 2020" in c.value for c in at.caption)
    assert at.metric[0].value == "63/63"


def test_overview_sub_dimension_and_highlight():
    at = run("overview", year=2023, indicator="D4.1", province=10)
    assert at.selectbox(key="indicator").value == "D4.1"
    bars = specs(at)[0]
    assert sum(len(arr(d["x"])) for d in bars["data"]) == 61
    spread = specs(at)[2]
    assert spread["data"][-1]["name"] == "Lào Cai"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_profile(lang):
    at = run("profile", lang=lang, year=2018, province=10)
    assert at.title[0].value.startswith("Lào Cai" if lang == "vi" else "Lao Cai")
    assert at.metric[0].value == ("44,37" if lang == "vi" else "44.37")
    assert at.metric[1].value == "28/61"
    assert at.metric[2].value == ("Trung bình cao" if lang == "vi" else "High-average")
    trend, radar, dims = specs(at)
    line = trace(trend, "Lào Cai" if lang == "vi" else "Lao Cai")
    assert round(line["y"][line["x"].index(2018)], 2) == 44.37
    assert len(radar["data"]) == 3
    assert len(dims["data"]) == 16                                      # 8 panels x (mean + province)
    assert len(at.dataframe[0].value) == 8 + 28                         # 2018: 8 dimensions, 28 sub-dimensions


def test_profile_province_with_gaps():
    at = run("profile", year=2014, province=87)                          # Đồng Tháp, unscored in 2014
    assert any("không công bố" in w.value for w in at.warning)
    line = trace(specs(at)[0], "Đồng Tháp")
    assert line["y"][line["x"].index(2014)] is None
    assert any("2014" in c.value for c in at.caption)


def test_deep_link_opens_the_view():
    at = run("profile", lang="en", year=2020, province=22, indicator="D1")
    assert at.selectbox(key="province").value == 22 and at.selectbox(key="indicator").value == "D1"
    assert at.selectbox(key="year").value == 2020 and at.selectbox(key="lang").value == "en"
    line = trace(specs(at)[0], "Quang Ninh")
    assert round(line["y"][line["x"].index(2020)], 3) == 5.805
    assert at.query_params["province"] in ("22", ["22"])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_compare(lang):
    at = run("compare", lang=lang, year=2019, provinces="10,15,87")
    assert at.multiselect(key="provinces").value == [10, 15, 87]
    trend, radar = specs(at)
    names = {d.get("name") for d in trend["data"]}
    assert {"Lào Cai", "Yên Bái", "Đồng Tháp"} <= names or {"Lao Cai", "Yen Bai", "Dong Thap"} <= names
    assert len(radar["data"]) == 3
    assert len(at.dataframe[0].value) == 3


def test_compare_region_preset():
    at = run("compare", year=2023, province=10)
    at.button(key="region_preset").click().run()
    assert not at.exception
    picked = at.multiselect(key="provinces").value
    assert len(picked) == 6 and 10 in picked or len(picked) == 6  # first six of the region
    from papi_data import provinces
    assert {provinces.region_of(c, 2023) for c in picked} == {"NMM"}


def test_compare_needs_two():
    at = run("compare", year=2023, provinces="10")
    assert any("ít nhất 2" in i.value for i in at.info)
