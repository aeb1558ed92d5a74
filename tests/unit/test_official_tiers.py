"""Published PAPI groups (data/official_tiers.csv) against the shipped
scores, the validation of a group file, borderline cases and tier targets
judged on published groups. The facts and their sources are in
docs/TIERS.md."""
import io

import pandas as pd
import pytest

from papi_data import analytics, display, gaps, official_tiers

SON_LA, VINH_PHUC, LAO_CAI, GIA_LAI, HA_NOI, HCM = 14, 26, 10, 64, 1, 79


def ranked(enriched, year, indicator="TOTAL"):
    return analytics.ranking(enriched, year, indicator)


def row(enriched, code, year, indicator="TOTAL"):
    return enriched[(enriched.year == year) & (enriched.province_code == code)
                    & (enriched.indicator == indicator)].iloc[0]


def groups(text: str, name="groups.csv") -> pd.DataFrame:
    g = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    g.attrs["file"] = name
    return g


@pytest.mark.parametrize("year, sizes", [(2018, [16, 16, 15, 14]),   # plan 170/KH-UBND (Lào Cai)
                                         (2020, [16, 16, 15, 16]),   # Viet Nam News, 15 April 2021
                                         (2023, [15, 15, 15, 16])])  # Hanoi Times, 2 April 2024
def test_published_group_sizes_are_shown(enriched, year, sizes):
    r = ranked(enriched, year)
    assert r.tier.value_counts().sort_index().tolist() == sizes
    assert (r.tier_basis == "published").all() and r.tier_source.notna().all()
    assert not r.near_cut.any()                        # a published group is a fact, never "near the cut"


def test_2023_as_published(enriched):
    r = ranked(enriched, 2023)
    top = r[r.tier == 1]
    assert top.iloc[-1].province_code == HA_NOI and round(top.iloc[-1].value, 2) == 43.96   # Hà Nội 15th, last of 15
    second = r[r.tier == 2]
    # "from 42.39 points to 43.95 points" (printed truncated: 43.9526 -> 43.95, 42.3966 -> 42.39)
    assert int(second.value.max() * 100) / 100 == 43.95 and int(second.value.min() * 100) / 100 == 42.39
    assert row(enriched, HCM, 2023).tier == 3          # TP.HCM 41.77, low-average (baohomnay.com)
    # The quartile rule puts three provinces one group off; the published group wins.
    off = r[r.tier != r.tier_computed]
    assert len(off) == 3 and (abs(off.tier - off.tier_computed) == 1).all()
    vp = row(enriched, VINH_PHUC, 2023)
    assert (vp.tier, vp.tier_computed, vp["rank"]) == (2, 1, 16)


def test_2018_as_published(enriched):
    lc = row(enriched, LAO_CAI, 2018)
    assert round(lc.value, 2) == 44.37 and lc.tier == 2 and lc.tier_basis == "published"   # plan 170/KH-UBND
    sl = row(enriched, SON_LA, 2018)
    assert (sl["rank"], sl.tier, sl.tier_computed) == (32, 2, 3)     # 16 + 16: the 32nd is high-average
    gl = row(enriched, GIA_LAI, 2018)
    assert (gl["rank"], gl.tier, gl.tier_computed) == (47, 3, 4)     # 16 + 16 + 15
    # Cut points follow the published groups: the lowest score of the group above.
    assert lc.cut_1 == ranked(enriched, 2018).query("tier == 1").value.min()
    assert lc.points_to_next_tier == pytest.approx(lc.cut_1 - lc.value)


def test_2022_public_service_delivery_ranges(enriched):
    """PAPI 2022 report, map 3.6: four score ranges, no counts."""
    r = ranked(enriched, 2022, "D6")
    assert r.tier.value_counts().sort_index().tolist() == [16, 16, 15, 16]
    assert round(r[r.tier == 1].value.min(), 4) == 7.8579 and round(r[r.tier == 4].value.max(), 4) == 7.2275


def test_years_without_a_record_stay_computed(enriched):
    for year in (2019, 2021, 2024):
        r = ranked(enriched, year)
        assert (r.tier_basis == "computed").all() and (r.tier == r.tier_computed).all()
    assert official_tiers.basis_of(enriched, 2019, "TOTAL") == ("computed", None)
    assert ranked(enriched, 2019).near_cut.any()


def test_near_the_cut_margin(enriched):
    r = ranked(enriched, 2019)
    margin = official_tiers.NEAR_CUT_SHARE * 80
    dist = pd.concat([(r.value - r[f"cut_{k}"]).abs() for k in (1, 2, 3)], axis=1).min(axis=1)
    assert (r.near_cut == (dist < margin)).all()


def test_95_percent_interval_crossing_a_cut_is_near():
    df = pd.DataFrame({"year": 2019, "province_code": range(1, 9), "indicator": "D1",
                       "value": [8.0, 7.0, 6.0, 5.5, 5.0, 4.0, 3.0, 2.0],
                       "ci_low": [7.9, 6.9, 5.9, 5.45, 4.0, 3.9, 2.9, 1.9],
                       "ci_high": [8.1, 7.1, 6.1, 5.55, 6.0, 4.1, 3.1, 2.1]})
    e = analytics.enrich(df).set_index("province_code")
    assert e.loc[5, "near_cut"] and not e.loc[1, "near_cut"]        # 4.0–6.0 contains the median 5.25


# ---- validation ------------------------------------------------------------

HEAD = "year,indicator,tier,count,score_min,score_max,source,citation\n"


def test_shipped_records_are_valid(store):
    members, problems = official_tiers.validate(official_tiers.shipped(), store.scores())
    assert problems == []
    assert members.groupby(["year", "indicator"]).size().to_dict() == {
        (2018, "TOTAL"): 61, (2020, "TOTAL"): 63, (2022, "D6"): 63, (2023, "TOTAL"): 61}
    assert official_tiers.shipped()["source"].ne("").all() and official_tiers.shipped()["citation"].ne("").all()


def test_counts_must_add_up_to_the_ranked_provinces(store):
    g = groups(HEAD + "".join(f"2023,TOTAL,{k},{n},,,s,c\n" for k, n in zip(range(1, 5), [15, 15, 15, 14])))
    members, problems = official_tiers.validate(g, store.scores())
    assert members.empty and len(problems) == 1
    assert problems[0].text("vi") == "groups.csv, dòng 2: 2023 TOTAL: các nhóm cộng lại 59 tỉnh, nhưng 61 tỉnh được xếp hạng"
    assert problems[0].text("en") == "groups.csv, row 2: 2023 TOTAL: the groups add up to 59 provinces, but 61 are ranked"


def test_ranges_must_not_overlap(store):
    g = groups(HEAD + "2022,D6,1,,7.8579,8.3148,s,c\n2022,D6,2,,7.5189,7.9,s,c\n"
                      "2022,D6,3,,7.2294,7.5173,s,c\n2022,D6,4,,6.4132,7.2275,s,c\n")
    _, problems = official_tiers.validate(g, store.scores())
    assert [p.row for p in problems] == [3]
    assert "overlaps group 1" in problems[0].en and "chồng lên nhóm 1" in problems[0].vi


def test_a_score_outside_every_range_is_refused(store):
    g = groups(HEAD + "2022,D6,1,,7.9500,8.3148,s,c\n2022,D6,2,,7.5189,7.8072,s,c\n"
                      "2022,D6,3,,7.2294,7.5173,s,c\n2022,D6,4,,6.4132,7.2275,s,c\n")
    _, problems = official_tiers.validate(g, store.scores())
    assert len(problems) == 1 and "falls in no group's range" in problems[0].en


def test_counts_and_ranges_must_agree(store):
    rows = [(1, 15, "", ""), (2, 15, "42.50", "43.95"), (3, 15, "", ""), (4, 16, "", "")]
    g = groups(HEAD + "".join(f"2023,TOTAL,{k},{n},{lo},{hi},s,c\n" for k, n, lo, hi in rows))
    _, problems = official_tiers.validate(g, store.scores())
    assert len(problems) == 1 and problems[0].row == 3 and "outside the range 42.50-43.95" in problems[0].en


def test_incomplete_or_unknown_records(store):
    g = groups(HEAD + "2019,TOTAL,1,16,,,s,c\n2019,TOTAL,2,16,,,,c\n2019,D9,1,1,,,s,c\n")
    _, problems = official_tiers.validate(g, store.scores())
    texts = [p.en for p in problems]
    assert any("needs exactly the four groups 1-4, found 1, 2" in x for x in texts)
    assert any("indicator D9 does not exist in 2019" in x for x in texts)


def test_a_file_with_a_missing_column(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("year,indicator,tier\n2019,TOTAL,1\n", encoding="utf-8")
    with pytest.raises(official_tiers.InvalidGroups) as e:
        official_tiers.read(p)
    assert "missing column(s) count, score_min, score_max, source, citation" in str(e.value)


# ---- tier targets ----------------------------------------------------------

def tier_target(code, year, tier, indicator="TOTAL"):
    return pd.DataFrame([{"id": 1, "province_code": code, "year": year, "indicator": indicator, "kind": "tier",
                          "tier": tier, "value": None, "rank_max": None, "rank_better_than_year": None,
                          "baseline_year": None, "baseline_value": None, "plan_number": "x", "plan_date": None}])


def test_tier_target_judged_on_the_published_group(enriched):
    """Sơn La 2018, 32nd of 61: high-average as published (16/16/15/14),
    low-average by the quartile rule: a high-average target is met."""
    tg = tier_target(SON_LA, 2018, 2)
    ev = gaps.evaluate(tg, enriched)
    assert ev.iloc[0].met == True and ev.iloc[0].tier_basis == "published"   # noqa: E712
    table = display.for_screen(gaps.table(ev, tg, "vi"), "vi")
    assert table.iloc[0]["Kết quả"] == "Đạt"
    assert table.iloc[0]["Nhóm thực tế"] == "Trung bình cao (theo công bố)"
    assert gaps.export_rows(ev)[0]["tier_basis"] == "published"


def test_tier_target_near_the_cut_says_so(enriched):
    r = ranked(enriched, 2019)
    near = r[r.near_cut & (r.tier == 2)].iloc[0]
    tg = tier_target(int(near.province_code), 2019, 1)
    ev = gaps.evaluate(tg, enriched)
    assert ev.iloc[0].met == False and ev.iloc[0].near_cut == True            # noqa: E712
    table = display.for_screen(gaps.table(ev, tg, "en"), "en")
    assert table.iloc[0]["Status"] == "Not met (near the cut)"
    assert table.iloc[0]["Actual tier"] == "High-average (computed, near the cut)"
    assert gaps.export_rows(ev)[0]["near_cut"] is True


# ---- deck -----------------------------------------------------------------

def test_deck_headline_says_published_and_names_unranked(store):
    from pptx import Presentation
    from papi_data import deck
    from papi_data.db import deck_inputs
    prs = Presentation(io.BytesIO(deck.build(VINH_PHUC, 2023, "vi", **deck_inputs.load(store, VINH_PHUC, 2023))))
    head = next(s for s in prs.slides if s.shapes.title is not None and "Kết quả" in s.shapes.title.text
                or any(sh.has_text_frame and sh.text_frame.text == "Xếp hạng" for sh in s.shapes))
    text = "\n".join(sh.text_frame.text for sh in head.shapes if sh.has_text_frame)
    assert "Trung bình cao" in text and "16/61" in text
    assert "Nhóm: Trung bình cao (theo công bố)." in text
    assert "63 tỉnh; 2 tỉnh không được xếp hạng năm nay: Quảng Ninh" in text and "Bình Dương" in text


def test_every_shipped_record_is_cited_in_both_languages():
    for source in official_tiers.shipped()["source"].unique():
        vi, en = official_tiers.citation(source, lang="vi"), official_tiers.citation(source, lang="en")
        assert vi and en and vi != en, source
    assert official_tiers.citation("an-analyst-file", lang="vi") == ""          # unknown: nothing invented
