"""Page-level data shaping (papi_data.explore): merged units, their former
provinces, region peers, gaps."""
from papi_data import analytics, display, explore, provinces


def test_members_of_a_merged_unit_before_2025():
    assert explore.unit_year(2023, 34) == 2025 and explore.unit_year(2023, 63) == 2023
    assert explore.members(15, 2023, 34) == [10, 15]          # new Lào Cai = Lào Cai + Yên Bái
    assert explore.members(15, 2023, 63) == [15]              # on the 63 map, 15 is Yên Bái itself
    assert explore.members(1, 2023, 34) == [1]                # Hà Nội unchanged
    assert explore.members(25, 2024, 34) == [17, 25, 26]      # new Phú Thọ = Hòa Bình + Phú Thọ + Vĩnh Phúc


def test_members_table_lists_each_former_province_without_a_sum(enriched):
    tab = explore.members_table(enriched, [17, 25, 26], 2024, "vi")
    assert list(tab.iloc[:, 0]) == ["Hòa Bình (cũ)", "Phú Thọ (cũ)", "Vĩnh Phúc (cũ)"]
    # Vĩnh Phúc has no PAPI 2024 score: it says so, nothing is filled in.
    assert tab.iloc[2, 1] is None or tab.iloc[2, 1] != tab.iloc[2, 1]
    assert tab.iloc[2, 2] == "Chưa có số liệu"
    pt = enriched[(enriched.year == 2024) & (enriched.province_code == 25) & (enriched.indicator == "TOTAL")].iloc[0]
    # Numbers stay numbers in the model; the display module writes them.
    assert tab.iloc[1, 1] == pt["value"] and tab.iloc[1, 2] == (int(pt["rank"]), int(pt["n_ranked"]))
    shown = display.for_screen(tab, "vi")
    assert shown.iloc[1, 2] == f"{int(pt['rank'])}/{int(pt['n_ranked'])}"
    assert shown.iloc[1, 1] == f"{pt['value']:.2f}".replace(".", ",")
    assert list(shown.iloc[2, 1:]) == ["–", "Chưa có số liệu", "Chưa có số liệu"]


def test_labelled_members_and_profiles(enriched, store):
    shown = explore.labelled_members([15, 1], 2023, 34, "en")
    assert shown == {"Lao Cai (former)": 10, "Yen Bai (former)": 15, "Ha Noi": 1}
    stats = analytics.national_stats(store.scores())
    prof = explore.member_profiles(enriched, stats, [10, 15], 2023, "en")
    assert list(prof) == ["Lao Cai (former)", "Yen Bai (former)", "National mean"]
    assert len(prof["Lao Cai (former)"]) == 8


def test_region_peers_start_with_the_province():
    peers = explore.region_peers(10, 2023)
    assert peers[0] == 10 and len(peers) == len(set(peers))
    assert {provinces.region_of(c, 2023) for c in peers} == {provinces.region_of(10, 2023)}


def test_missing_years_are_the_unscored_ones(enriched):
    years = sorted(int(y) for y in enriched.year.unique())
    assert explore.missing_years(enriched, 87, "TOTAL", years) == [2014, 2018]   # Đồng Tháp
    assert explore.missing_years(enriched, 10, "TOTAL", years) == []


def test_subdimension_table_has_tiers(enriched):
    tab = explore.subdimension_table(enriched, 10, 2018, "en")
    assert len(tab) == 8 + 28
    assert set(tab["Tier"]) <= {1, 2, 3, 4}
    assert set(display.for_screen(tab, "en")["Tier"]) <= {"High", "High-average", "Low-average", "Low"}


def test_rank_change_in_tables():
    assert [display.rank_change(x) for x in (3, -2, 0, None, float("nan"))] == ["+3", "−2", "0", "–", "–"]
