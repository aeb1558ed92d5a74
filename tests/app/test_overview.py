"""Tổng quan / Overview page (AppTest): ranking coloured by tier, the tile map
(or a user's GeoJSON), the dimension spread, national figures per language."""
import json

import pytest

from papi_data import figures
from tests.app.plotly_spec import arr, captions, names, run, specs, trace, tables

TIERS = {"vi": ["Cao nhất", "Trung bình cao", "Trung bình thấp", "Thấp nhất"],
         "en": ["High", "High-average", "Low-average", "Low"]}


def test_overview_is_the_landing_page():
    at = run(None)
    assert at.title[0].value == "Tổng quan — PAPI 2024"
    assert len(specs(at)) == 3


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview_2020_ranking_map_and_spread(lang):
    at = run("overview", lang=lang, year=2020)
    assert at.title[0].value == ("Tổng quan — PAPI 2020" if lang == "vi" else "Overview — PAPI 2020")
    bars, tiles, spread = specs(at)
    # Ranking: Quảng Ninh first with 48.811, four tiers of 16/16/15/16, the tier colours.
    top = trace(bars, TIERS[lang][0])
    assert top["y"][0] == ("1. Quảng Ninh" if lang == "vi" else "1. Quang Ninh")
    assert round(top["x"][0], 3) == 48.811
    assert [len(arr(trace(bars, n)["x"])) for n in TIERS[lang]] == [16, 16, 15, 16]
    assert [trace(bars, n)["marker"]["color"] for n in TIERS[lang]] == [figures.TIER_COLORS[k] for k in (1, 2, 3, 4)]
    assert "2020" in bars["layout"]["title"]["text"]
    assert bars["layout"]["separators"] == (",." if lang == "vi" else ".,")
    # Three dotted cut-point lines on the ranking.
    assert sum(s.get("type") == "line" for s in bars["layout"]["shapes"]) == 3
    # The map: 63 equal tiles, all coloured (every province scored in 2020).
    assert len(tiles["layout"]["shapes"]) == 63
    assert {s["fillcolor"] for s in tiles["layout"]["shapes"]} == set(figures.TIER_COLORS.values())
    # Spread: one box per dimension (8 from 2018).
    assert [d["name"] for d in spread["data"]] == [f"D{i}" for i in range(1, 9)]
    # Source under each chart, numbers per language.
    src = "Nguồn: PAPI 2020" if lang == "vi" else "Source: PAPI 2020"
    assert sum(src in c for c in captions(at)) >= 3
    assert at.metric[0].value == "63/63"
    mean = at.metric[1].value
    assert ("," in mean and "." not in mean) if lang == "vi" else ("." in mean and "," not in mean)


def test_overview_numbers_in_each_language():
    vi, en = run("overview", year=2023), run("overview", lang="en", year=2023)
    assert vi.metric[0].value == en.metric[0].value == "61/63"
    assert vi.metric[1].value.replace(",", ".") == en.metric[1].value
    assert vi.metric[1].value != en.metric[1].value
    # The ranking table too: decimal comma in Vietnamese, point in English;
    # the top tier has no "points to the next tier".
    tv, te = tables(vi)[0], tables(en)[0]
    assert tv.iloc[0, 2].replace(",", ".") == te.iloc[0, 2] and "," in tv.iloc[0, 2]
    assert tv.iloc[0, 5] == "–" and te.iloc[-1, 5] != "–"


def test_overview_year_with_gaps_greys_the_unscored():
    at = run("overview", lang="en", year=2014, province=87)           # Đồng Tháp: no PAPI 2014 score
    assert at.metric[0].value == "61/63"
    tiles = specs(at)[1]
    grey = trace(tiles, "No data")
    assert sorted(grey["hovertext"]) == ["Bac Giang: No data", "Dong Thap: No data"]
    bars = specs(at)[0]
    assert sum(len(arr(d["x"])) for d in bars["data"]) == 61
    assert all("Dong Thap" not in y for d in bars["data"] for y in d["y"])
    # 2011-2017: six dimensions.
    assert names(specs(at)[2])[:6] == [f"D{i}" for i in range(1, 7)]


def test_deep_link_sub_dimension_and_highlight():
    at = run("overview", lang="en", year=2020, province=22, indicator="D1")
    assert at.selectbox(key="indicator").value == "D1"
    assert at.selectbox(key="province").value == 22
    assert at.selectbox(key="year").value == 2020 and at.selectbox(key="lang").value == "en"
    bars, tiles, spread = specs(at)
    assert "2020" in bars["layout"]["title"]["text"]
    ys = [y for d in bars["data"] for y in d["y"]]
    assert any(y.endswith("Quang Ninh") for y in ys)
    # The highlighted province is outlined on the map and marked on the spread.
    thick = [s for s in tiles["layout"]["shapes"] if s["line"]["width"] == 3]
    assert len(thick) == 1
    assert spread["data"][-1]["name"] == "Quang Ninh"
    assert round(arr(spread["data"][-1]["y"])[0], 3) == 5.805             # Quảng Ninh 2020 D1


def test_sub_dimension_ranking():
    at = run("overview", year=2023, indicator="D4.1", province=10)
    bars = specs(at)[0]
    assert sum(len(arr(d["x"])) for d in bars["data"]) == 61
    assert specs(at)[2]["data"][-1]["name"] == "Lào Cai"


def test_user_geojson_gives_a_true_choropleth(tmp_path, monkeypatch):
    def square(x, y, props):
        return {"type": "Feature", "properties": props,
                "geometry": {"type": "Polygon", "coordinates": [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]]}}
    gj = {"type": "FeatureCollection", "features": [
        square(105, 21, {"ten_tinh": "Hà Nội"}), square(104, 22, {"name": "Lao Cai"}), square(107, 21, {"ma": 22})]}
    path = tmp_path / "vn.geojson"
    path.write_text(json.dumps(gj), encoding="utf-8")
    monkeypatch.setenv("PAPI_GEOJSON", str(path))
    at = run("overview", lang="en", year=2020)
    m = specs(at)[1]
    assert m["data"][0]["type"] == "choropleth"
    assert sorted(m["data"][0]["text"]) == ["Ha Noi", "Lao Cai", "Quang Ninh"]
    assert arr(m["data"][0]["z"])[m["data"][0]["text"].index("Quang Ninh")] == 1   # rank 1 -> tier 1


def test_unreadable_geojson_falls_back_to_tiles(tmp_path, monkeypatch):
    bad = tmp_path / "broken.geojson"
    bad.write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("PAPI_GEOJSON", str(bad))
    at = run("overview", year=2020)
    assert any("PAPI_GEOJSON" in w.value for w in at.warning)
    assert len(specs(at)[1]["layout"]["shapes"]) == 63


def test_ranking_table_explains_its_signs():
    at = run("overview", year=2019)
    assert any(c.startswith("Thay đổi hạng so với 2018:") and "0 giữ nguyên" in c for c in captions(at))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_trend_filter_lives_in_the_address(lang):
    at = run("overview", lang=lang, year=2024, indicator="D4")
    at.selectbox(key="trend_filter").set_value("warning_signs").run()
    assert at.query_params["trend_filter"] == "warning_signs"
    # a copied link reopens the same choice, with how many provinces and what the class means
    again = run("overview", lang=lang, year=2024, indicator="D4", trend_filter="warning_signs")
    assert again.selectbox(key="trend_filter").value == "warning_signs"
    said = " ".join(c.value for c in again.caption)
    assert ("Số tỉnh: 7. Dấu hiệu cảnh báo: tăng dài hạn nhưng gần đây giảm. Trong chuỗi so sánh được đến năm 2024."
            if lang == "vi" else
            "Provinces: 7. Warning signs: up over the long run but down recently. Within the comparable series up to 2024."
            ) in said
    # choosing none takes it out of the address (on the first session: AppTest
    # sends "no selection" for the None option, which a browser sends by its label)
    at.selectbox(key="trend_filter").set_value(None).run()
    assert "trend_filter" not in at.query_params


def test_rank_change_legend_stays_with_the_ranking_table():
    # the legend explains the table's rank-change column: it comes before the trend filter's own words
    at = run("overview", lang="en", year=2024, indicator="D4", trend_filter="warning_signs")
    said = [c.value for c in at.caption]
    legend = next(i for i, c in enumerate(said) if c.startswith("Change in rank since 2023"))
    trend = next(i for i, c in enumerate(said) if "Warning signs: up over the long run" in c)
    assert legend < trend
