"""Hồ sơ tỉnh / Province profile page (AppTest): headline, trend with the
2017→2018 break and gaps, radar, sub-dimensions, merged provinces."""
import pytest

from tests.app.plotly_spec import arr, captions, names, run, specs, trace, tables


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_profile_lao_cai_2018(lang):
    at = run("profile", lang=lang, year=2018, province=10)
    lc = "Lào Cai" if lang == "vi" else "Lao Cai"
    assert at.title[0].value == f"{lc} — PAPI 2018"
    assert at.metric[0].value == ("44,37" if lang == "vi" else "44.37")   # plan 170/KH-UBND baseline
    assert at.metric[1].value == "28/61"
    assert at.metric[1].delta == "0"                                    # 28th in 2017 too: no arrow, no colour
    assert at.metric[2].value == ("Trung bình cao" if lang == "vi" else "High-average")
    assert at.metric[3].value == "–"                                    # 60 -> 80 scale: no change shown
    trend, radar, dims = specs(at)
    line = trace(trend, lc)
    assert round(line["y"][line["x"].index(2018)], 2) == 44.37
    # TOTAL's scale break: no point at 2017.5, a dotted line there, labelled.
    assert line["y"][line["x"].index(2017.5)] is None
    assert any(s.get("x0") == 2017.5 for s in trend["layout"]["shapes"])
    brk = "Đổi thang điểm/định nghĩa" if lang == "vi" else "Scale/definition change"
    assert any(a["text"] == brk for a in trend["layout"]["annotations"])
    assert lc in trend["layout"]["title"]["text"]
    # Radar: the province, the national mean, the best province; 8 dimensions, closed.
    assert len(radar["data"]) == 3 and len(arr(radar["data"][0]["r"])) == 9
    assert len(dims["data"]) == 16                                      # 8 panels x (mean + province)
    assert len(tables(at)[0]) == 8 + 28                         # 2018: 8 dimensions, 28 sub-dimensions
    src = "Nguồn: PAPI" if lang == "vi" else "Source: PAPI"
    assert sum(src in c for c in captions(at)) == 4                     # trend, radar, table, small multiples


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_profile_province_with_gaps(lang):
    at = run("profile", lang=lang, year=2014, province=87)              # Đồng Tháp, unscored in 2014
    assert at.warning and ("không công bố" in at.warning[0].value if lang == "vi"
                           else "published no" in at.warning[0].value)
    assert not at.metric
    assert [i.value for i in at.info] == ["Chưa có số liệu" if lang == "vi" else "No data"]   # no sub-dimension table
    name = "Đồng Tháp" if lang == "vi" else "Dong Thap"
    line = trace(specs(at)[0], name)
    assert line["y"][line["x"].index(2014)] is None
    assert line["y"][line["x"].index(2015)] is not None
    assert line["connectgaps"] is False
    reason = "PAPI không công bố" if lang == "vi" else "not published"
    assert [a["x"] for a in specs(at)[0]["layout"]["annotations"] if a["text"] == reason] == [2014, 2018]
    assert any("2014" in c for c in captions(at))


def test_deep_link_opens_the_view():
    at = run("profile", lang="en", year=2020, province=22, indicator="D1")
    assert at.selectbox(key="province").value == 22 and at.selectbox(key="indicator").value == "D1"
    assert at.selectbox(key="year").value == 2020 and at.selectbox(key="lang").value == "en"
    trend = specs(at)[0]
    line = trace(trend, "Quang Ninh")
    assert round(line["y"][line["x"].index(2020)], 3) == 5.805
    assert 2017.5 not in line["x"]                                      # D1 is comparable across 2017/2018
    assert at.query_params["province"] in ("22", ["22"])


def test_merged_province_shows_its_former_provinces_never_averaged():
    at = run("profile", lang="vi", year=2024, units=34, unit=15)         # new Lào Cai = Lào Cai + Yên Bái
    assert at.title[0].value == "Lào Cai — PAPI 2024"
    assert "Yên Bái" in at.info[0].value
    members = tables(at)[0]
    assert list(members.iloc[:, 0]) == ["Lào Cai (cũ)", "Yên Bái (cũ)"]
    trend, radar, dims = specs(at)
    assert {"Lào Cai (cũ)", "Yên Bái (cũ)"} <= set(names(trend))
    old = trace(trend, "Lào Cai (cũ)")
    assert round(old["y"][old["x"].index(2018)], 2) == 44.37
    assert "Lào Cai" not in names(trend)                                # no invented score for the new unit
    assert not any(a["text"] == "PAPI không công bố" for a in trend["layout"]["annotations"])
    assert names(radar) == ["Lào Cai (cũ)", "Yên Bái (cũ)", "Trung bình toàn quốc"]
    assert len(at.tabs) == 2


def test_unchanged_province_on_the_new_map_keeps_one_history():
    at = run("profile", lang="en", year=2023, units=34, unit=1)          # Hà Nội: not merged
    assert not at.info
    assert at.metric[1].value.endswith("/61")
    assert "Ha Noi" in names(specs(at)[0])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_profile_trend_year_range_from_the_link(lang):
    at = run("profile", lang=lang, year=2023, province=10, trend_from="2018", trend_to="2024")
    assert not at.exception
    trend = specs(at)[0]
    lc = "Lào Cai" if lang == "vi" else "Lao Cai"
    xs = [x for x, y in zip(trace(trend, lc)["x"], trace(trend, lc)["y"]) if y is not None]
    assert min(xs) == 2018 and max(xs) == 2024
    assert at.query_params["trend_from"] == "2018" and at.query_params["trend_to"] == "2024"
    src = "Nguồn: PAPI 2018–2024" if lang == "vi" else "Source: PAPI 2018–2024"
    assert any(src in c for c in captions(at))


def test_profile_trend_year_range_set_by_the_user_goes_into_the_link():
    at = run("profile", year=2023, province=10)
    at.selectbox(key="trend_from").set_value(2015).run()
    at.selectbox(key="trend_to").set_value(2020).run()
    assert at.query_params["trend_from"] == "2015" and at.query_params["trend_to"] == "2020"
    line = trace(specs(at)[0], "Lào Cai")
    xs = [x for x, y in zip(line["x"], line["y"]) if y is not None]
    assert min(xs) == 2015 and max(xs) == 2020
    assert at.selectbox(key="trend_to").options[0] == "2015"            # "to" offers only years from "from" on


def test_profile_trend_year_range_nonsense_is_said():
    at = run("profile", year=2023, province=10, trend_from="1990")
    assert not at.exception
    assert at.query_params["trend_from"] == "2011"
    assert any("trend_from=1990" in m.value for m in at.toast)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_profile_shows_the_weighted_total_where_the_store_holds_it(db, lang):
    import ui.data
    from papi_data import ingest
    from papi_data.i18n import fmt
    from tests.unit import papi_org_workbook as O

    head = "Chỉ số có trọng số (theo công bố)" if lang == "vi" else "Weighted index (as published)"
    at = run("profile", lang=lang, year=2016, province=10)
    assert not [c for c in captions(at) if head in c]                  # the shipped data has no weighted total
    plan = ingest.prepare(O.workbook([2016], weighted_total=True), "PAPI_2011-2016.xlsx", db, years=[2016])
    assert plan.ok and plan.preview.counts()["added"] == 63            # only the weighted totals are new
    assert plan.preview.counts()["changed"] == 0
    ingest.commit(plan, db, user="test")
    ui.data.clear()
    stored = db.scores()
    w = stored[(stored.year == 2016) & (stored.indicator == "TOTAL_W")].set_index("province_code").value
    tot = stored[(stored.year == 2016) & (stored.indicator == "TOTAL")].set_index("province_code").value
    assert (w - tot.map(O.weighted)).abs().max() <= 1e-12              # TOTAL itself unchanged
    rank = int(w.rank(method="min", ascending=False)[10])
    at = run("profile", lang=lang, year=2016, province=10)
    (line,) = [c for c in captions(at) if head in c]
    sep = "hạng" if lang == "vi" else "rank"
    assert line.startswith(f"{head}: {fmt(w[10], lang)} — {sep} {rank}/{len(w)}")
    assert at.metric[0].value == fmt(tot[10], lang)                    # the headline is still the unweighted total
    # a year the file did not carry: no line
    at = run("profile", lang=lang, year=2015, province=10)
    assert not [c for c in captions(at) if head in c]
