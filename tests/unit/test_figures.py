"""Figure builders: the traces carry the real values, tiers and labels."""
import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from papi_data import analytics, explore, figures, provinces


def missing(v) -> bool:
    return v is None or pd.isna(v)


def test_ranking_bar_orders_and_colours_by_tier(enriched):
    r = analytics.ranking(enriched, 2020, "TOTAL")
    fig = figures.ranking_bar(r, "vi", "t", highlight=22, names=provinces.names(2020))
    tiers = {tr.name: tr for tr in fig.data}
    top = tiers["Cao nhất"]
    assert top.y[0] == "1. Quảng Ninh" and round(top.x[0], 3) == 48.811
    assert top.marker.color == figures.TIER_COLORS[1]
    assert sum(len(tr.x) for tr in fig.data) == 63
    assert [len(tiers[n].x) for n in ["Cao nhất", "Trung bình cao", "Trung bình thấp", "Thấp nhất"]] == [16, 16, 15, 16]
    assert fig.layout.separators == ",."


def test_tile_map_covers_every_province_and_greys_the_unscored(enriched):
    r = analytics.ranking(enriched, 2014, "TOTAL")
    fig = figures.tile_map(r, 2014, "en", "t")
    assert len(fig.layout.shapes) == 63
    grey = [tr for tr in fig.data if tr.name == "No data"][0]
    assert sorted(grey.hovertext) == ["Bac Giang: No data", "Dong Thap: No data"]
    assert figures.tiles(2025).shape[0] == 34


def test_trend_breaks_total_between_2017_and_2018(enriched, store):
    stats = analytics.national_stats(store.scores())
    years = list(range(2011, 2025))
    series = explore.histories(enriched, 10, 2024, "TOTAL", "vi")
    fig = figures.trend(series, stats, "TOTAL", "vi", "t", years)
    line = [tr for tr in fig.data if tr.name == "Lào Cai"][0]
    x = list(line.x)
    assert 2017.5 in x and missing(line.y[x.index(2017.5)])
    assert round(line.y[x.index(2018)], 2) == 44.37
    mean = [tr for tr in fig.data if tr.name == "Trung bình toàn quốc"][0]
    assert missing(mean.y[list(mean.x).index(2017.5)])


def test_trend_shows_missing_year_as_gap_with_note(enriched, store):
    stats = analytics.national_stats(store.scores())
    years = list(range(2011, 2025))
    fig = figures.trend(explore.histories(enriched, 87, 2014, "TOTAL", "vi"), stats, "TOTAL", "vi", "t", years)
    line = [tr for tr in fig.data if tr.name == "Đồng Tháp"][0]
    assert missing(line.y[list(line.x).index(2014)]) and line.connectgaps is False
    assert any(a.text == "PAPI không công bố" and a.x == 2014 for a in fig.layout.annotations)


def test_radar_has_province_mean_and_best(enriched, store):
    stats = analytics.national_stats(store.scores())
    prof = explore.radar_profiles(enriched, stats, 10, 2023, "en")
    fig = figures.radar(prof, "en", "t", reference=("National mean",))
    assert [tr.name for tr in fig.data] == ["Lao Cai", "National mean", "Best province (Thua Thien Hue)"]
    assert [tr.line.dash for tr in fig.data] == ["solid", "dash", "solid"]     # the reference by flag, not by name
    assert len(fig.data[0].r) == 9     # 8 dimensions, closed


def test_merged_province_shows_former_provinces_separately(enriched):
    hist = explore.histories(enriched, 15, 2025, "TOTAL", "vi")     # new Lào Cai = Lào Cai + Yên Bái
    assert list(hist) == ["Lào Cai (cũ)", "Yên Bái (cũ)"]          # no series invented for the new unit
    old = hist["Lào Cai (cũ)"].set_index("year")
    assert round(old.loc[2018, "value"], 2) == 44.37
    assert explore.is_merged_unit(15, 2025) and not explore.is_merged_unit(1, 2025)


def test_figures_serialise(enriched, store):
    analytics.national_stats(store.scores())
    fig = figures.dimension_spread(enriched[enriched.year == 2023], 2023, "vi", "t", highlight=10)
    spec = json.loads(fig.to_json())
    assert [d["name"] for d in spec["data"][:8]] == [f"D{i}" for i in range(1, 9)]
    assert spec["data"][-1]["name"] == "Lào Cai"


def _simulate(hex_color: str, kind: str) -> tuple[float, float, float]:
    """Machado et al. (2009) severity-1 simulation of protanopia/deuteranopia/
    tritanopia on linear RGB."""
    m = {"protan": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
         "deutan": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
         "tritan": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]}[kind]
    rgb = [int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return tuple(min(max(sum(m[r][k] * lin[k] for k in range(3)), 0), 1) for r in range(3))


def _lightness(rgb) -> float:
    y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y


def test_tier_colours_stay_apart_for_colour_blind_readers():
    """Under each simulated colour-vision deficiency, any two tier colours
    still differ clearly (colour distance in linear RGB, or lightness)."""
    cols = [figures.TIER_COLORS[k] for k in (1, 2, 3, 4)] + [figures.NO_DATA_COLOR]
    for kind in ("protan", "deutan", "tritan"):
        sim = [_simulate(c, kind) for c in cols]
        for i in range(len(sim)):
            for j in range(i + 1, len(sim)):
                dist = sum((a - b) ** 2 for a, b in zip(sim[i], sim[j])) ** 0.5
                dl = abs(_lightness(sim[i]) - _lightness(sim[j]))
                assert dist > 0.12 or dl > 12, (kind, cols[i], cols[j], dist, dl)


def test_tile_map_after_the_merger_has_34_tiles(enriched):
    empty = analytics.ranking(enriched, 2025, "TOTAL")              # no 2025 scores shipped
    fig = figures.tile_map(empty, 2025, "vi", "t")
    assert len(fig.layout.shapes) == 34
    assert {s.fillcolor for s in fig.layout.shapes} == {figures.NO_DATA_COLOR}
    assert "Lào Cai: Chưa có số liệu" in fig.data[0].hovertext


def test_trend_draws_confidence_intervals_when_the_data_carry_them(enriched, store):
    stats = analytics.national_stats(store.scores())
    years = list(range(2011, 2025))
    lao_cai_d1 = enriched[(enriched["province_code"] == 10) & (enriched["indicator"] == "D1")]
    s = lao_cai_d1.sort_values("year").reset_index(drop=True)[["year", "value"]]
    s = s.assign(ci_low=s["value"] - 0.2, ci_high=s["value"] + 0.3)
    fig = figures.trend({"Lào Cai": s}, stats, "D1", "vi", "t", years)
    line = [tr for tr in fig.data if tr.name == "Lào Cai"][0]
    assert line.error_y.array[0] == pytest.approx(0.3) and line.error_y.arrayminus[0] == pytest.approx(0.2)
    without = figures.trend({"Lào Cai": s[["year", "value"]]}, stats, "D1", "vi", "t", years)
    assert [tr for tr in without.data if tr.name == "Lào Cai"][0].error_y.array is None


def test_tile_labels_fit_the_tiles():
    assert figures._short("Thừa Thiên Huế") == "Thừa<br>Thiên<br>Huế"
    assert figures._short("Bà Rịa - Vũng Tàu") == "Bà Rịa<br>Vũng Tàu"
    assert figures._short("TP. Hồ Chí Minh") == "Hồ<br>Chí<br>Minh"
    assert figures._short("Lào Cai") == "Lào<br>Cai"
    assert figures._short("Huế") == "Huế"


def test_ranking_bar_writes_the_change_in_rank(enriched):
    r = analytics.ranking(enriched, 2023, "TOTAL")
    fig = figures.ranking_bar(r, "en", "t", names=provinces.names(2023, "en"))
    text = {y: tx for tr in fig.data for y, tx in zip(tr.y, tr.text)}
    for _, row in r.iterrows():
        label = f"{int(row['rank'])}. {provinces.name(row['province_code'], 2023, 'en')}"
        rc = row["rank_change"]
        want = "" if pd.isna(rc) else f"+{int(rc)}" if rc > 0 else f"−{-int(rc)}" if rc < 0 else "0"
        assert text[label] == want                      # the tables' convention: +3 / −2 / 0
    assert text["2. Thai Nguyen"] == "+20" and text["1. Thua Thien Hue"] == "+4"
    assert any(tx.startswith("−") for tx in text.values())


def test_axes_make_room_for_their_labels_under_streamlit():
    """Streamlit replaces plotly's default template with one whose axes keep
    fixed margins; the figures still make room for province names."""
    import plotly.graph_objects as go
    import plotly.io as pio
    import streamlit.elements.plotly_chart  # noqa: F401  (sets Streamlit's template as the default)
    assert pio.templates.default == "streamlit"
    from papi_data import figures
    fig = figures._layout(go.Figure(go.Bar(x=[1], y=["1. Bà Rịa - Vũng Tàu"], orientation="h")), "vi", "t")
    assert fig.layout.template.layout.yaxis.automargin and fig.layout.template.layout.xaxis.automargin


def test_trend_of_a_dimension_starts_when_it_exists(enriched):
    """D8 is part of PAPI from 2018: its trend has no 2011–2017 years marked
    'not published' (they did not exist), a province's real gap still is."""
    from papi_data import analytics, explore, figures
    stats = analytics.national_stats(enriched)
    years = list(range(2011, 2025))
    fig = figures.trend(explore.histories(enriched, 10, 2024, "D8", "en"), stats, "D8", "en", "D8", years)
    xs = {x for tr in fig.data for x in (tr.x or []) if x is not None}
    assert min(xs) == 2018
    assert not [a for a in fig.layout.annotations if a.text == "not published"]


def test_ranking_axis_is_labelled_at_its_start_and_the_cut_points(enriched):
    from papi_data import analytics, figures
    ranked = analytics.ranking(enriched, 2023, "TOTAL")
    fig = figures.ranking_bar(ranked, "vi", "t")
    cuts = sorted(float(ranked[f"cut_{k}"].iloc[0]) for k in (1, 2, 3))
    assert list(fig.layout.xaxis.tickvals) == [fig.layout.xaxis.range[0], *cuts]
    # 2023 groups are as published (docs/TIERS.md): each cut is the lowest score of its group
    # (Lâm Đồng 40.904, Sơn La 42.397, Hà Nội 43.960), not the quartiles 40.83, 42.33, 43.95.
    assert list(fig.layout.xaxis.ticktext)[1:] == ["40,90", "42,40", "43,96"]
    assert "ngưỡng" in fig.layout.xaxis.title.text


def test_headline_stacks_on_a_phone():
    from papi_data import figures_present
    cells = [("Điểm tổng hợp", "42,11", None), ("Xếp hạng", "33/61", None), ("Nhóm", "Trung bình thấp", "#e0a000"),
             ("So với năm trước", "+1,71", None)]
    fig = figures_present.headline(cells, "Lào Cai — PAPI 2023", columns=1)
    values = [a for a in fig.layout.annotations if a.text.startswith("<b>")]
    assert {a.x for a in fig.layout.annotations} == {0.5}                       # one column
    assert [a.y for a in values] == sorted((a.y for a in values), reverse=True)  # top to bottom
    tier = values[2]
    assert tier.font.size * 0.7 * len("Trung bình thấp") <= 330                  # fits a 390 px phone


def test_for_phone_wraps_the_title_and_thins_year_ticks():
    from ui.charts import config, for_phone
    fig = go.Figure(go.Scatter(x=list(range(2011, 2025)), y=list(range(14))))
    fig.update_layout(title={"text": "Chỉ số PAPI tổng hợp (không có trọng số): Lào Cai, 2011–2024"})
    fig.update_xaxes(dtick=1)
    out = for_phone(fig)
    assert "<br>" in out.layout.title.text and out.layout.xaxis.dtick == 2 and out.layout.xaxis.tickangle == 0
    assert fig.layout.xaxis.dtick == 1 and "<br>" not in fig.layout.title.text      # the shared figure is untouched
    assert config("vi", phone=True)["displayModeBar"] is False and "displayModeBar" not in config("vi")


def _three(ci: bool) -> pd.DataFrame:
    df = pd.DataFrame({"label": ["A", "B", "C"], "value": [43.5, 44.0, 42.0]})
    if ci:   # B has no interval: no bar, no hover line for it
        df = df.assign(ci_low=[43.10, None, 41.5], ci_high=[44.02, None, 42.25])
    return df


def test_value_bars_draw_the_intervals_and_say_them_in_the_hover():
    fig = figures.value_bars(_three(ci=True), "vi", "t")
    (bar,) = fig.data
    assert list(bar.x) == ["A", "B", "C"] and list(bar.y) == [43.5, 44.0, 42.0]
    # 44.02 − 43.5 = 0.52 above, 43.5 − 43.10 = 0.40 below; C: 0.25 above, 0.5 below
    assert bar.error_y.array[0] == pytest.approx(0.52) and bar.error_y.arrayminus[0] == pytest.approx(0.40)
    assert missing(bar.error_y.array[1]) and missing(bar.error_y.arrayminus[1])
    assert bar.error_y.array[2] == pytest.approx(0.25) and bar.error_y.arrayminus[2] == pytest.approx(0.5)
    assert list(bar.customdata) == ["<br>95%: 43,10–44,02", "", "<br>95%: 41,50–42,25"]
    assert "%{customdata}" in bar.hovertemplate
    assert figures.has_intervals(fig) and figures.interval_note(fig, "vi") is None
    en = figures.value_bars(_three(ci=True), "en", "t").data[0]
    assert en.customdata[0] == "<br>95%: 43.10–44.02"


def test_value_bars_without_intervals_have_no_error_bars_and_say_so():
    for frame in (_three(ci=False), _three(ci=True).assign(ci_low=None, ci_high=None)):
        fig = figures.value_bars(frame, "vi", "t")
        assert fig.data[0].error_y.array is None and set(fig.data[0].customdata) == {""}
        assert not figures.has_intervals(fig)
        assert figures.interval_note(fig, "vi") == "Không có khoảng tin cậy cho các giá trị này"
        assert figures.interval_note(fig, "en") == "No confidence interval is known for these values"
    empty = figures.value_bars(pd.DataFrame(columns=["label", "value", "ci_low", "ci_high"]), "en", "t")
    assert figures.interval_note(empty, "en") == "No confidence interval is known for these values"


def test_trend_hover_says_the_interval_and_the_note_follows_the_data(enriched, store):
    stats = analytics.national_stats(store.scores())
    years = list(range(2018, 2025))
    s = pd.DataFrame({"year": [2023, 2024], "value": [43.5, 44.0], "ci_low": [43.10, None], "ci_high": [44.02, None]})
    fig = figures.trend({"A": s}, stats, "TOTAL", "en", "t", years)
    line = [tr for tr in fig.data if tr.name == "A"][0]
    x = list(line.x)
    assert line.error_y.array[x.index(2023)] == pytest.approx(0.52)
    assert line.error_y.arrayminus[x.index(2023)] == pytest.approx(0.40)
    assert missing(line.error_y.array[x.index(2024)])
    assert line.customdata[x.index(2023)] == "<br>95%: 43.10–44.02" and line.customdata[x.index(2024)] == ""
    assert figures.interval_note(fig, "en") is None
    plain = figures.trend({"A": s[["year", "value"]]}, stats, "TOTAL", "vi", "t", years)
    assert figures.interval_note(plain, "vi") == "Không có khoảng tin cậy cho các giá trị này"
    assert "%{customdata}" not in [tr for tr in plain.data if tr.name == "A"][0].hovertemplate


def test_interval_hover_formats_through_display():
    assert figures.interval_hover(43.1, 44.02, "vi") == "95%: 43,10–44,02"
    assert figures.interval_hover(1234.5, 1240, "en") == "95%: 1,234.50–1,240.00"
    assert figures.interval_hover(None, 44.02, "en") == "" and figures.interval_hover(43.1, float("nan"), "vi") == ""
