import pytest

from papi_data import provinces


def test_every_alias_resolves_to_its_province():
    a = provinces.aliases()
    for era, code, alias in a.itertuples(index=False):
        year = 2024 if era == 63 else 2025
        assert provinces.resolve(alias, year) == code, alias


@pytest.mark.parametrize("query,code", [
    ("Lào Cai", 10), ("lao cai", 10), ("LAO CAI", 10), ("Lao Cai", 10), ("10", 10),
    ("TP. Hồ Chí Minh", 79), ("Ho Chi Minh City", 79), ("HCM", 79), ("Hồ Chí Minh", 79),
    ("Thừa Thiên-Huế", 46), ("Thua Thien Hue", 46), ("Thừa Thiên  Huế", 46),
    ("Hoà Bình", 17), ("Hòa Bình", 17), ("Tỉnh Hưng Yên", 33), ("Bà Rịa-Vũng Tàu", 77),
    ("Dak Lak", 66), ("Đắk Lắk", 66),
])
def test_spellings(query, code):
    assert provinces.resolve(query, 2023) == code


def test_unknown_name_suggests_close_names():
    with pytest.raises(provinces.UnknownProvince) as e:
        provinces.resolve("Lao Kai", 2023)
    assert "Lào Cai" in e.value.suggestions
    assert "Lào Cai" in str(e.value)


def test_code_means_different_units_in_each_era():
    # 15 is Yên Bái up to 2024 and the new Lào Cai from 2025.
    assert provinces.name(15, 2024) == "Yên Bái"
    assert provinces.name(15, 2025) == "Lào Cai"
    assert provinces.resolve("Lào Cai", 2024) == 10
    assert provinces.resolve("Lào Cai", 2025) == 15
    assert provinces.predecessors(15) == [10, 15]


def test_lineage_covers_63_into_34():
    assert len(provinces.in_year(2024)) == 63
    assert len(provinces.in_year(2025)) == 34
    lin = provinces.lineage()
    assert sorted(lin.old_gso_code) == sorted(provinces.in_year(2024).gso_code)
    assert set(lin.new_gso_code) == set(provinces.in_year(2025).gso_code)
    assert provinces.name(46, 2025) == "Huế"


def test_regions_cover_every_province():
    t = provinces.table()
    assert t.region.isin(provinces.regions().region).all()
    counts = provinces.in_year(2024).region.value_counts().to_dict()
    assert counts == {"NMM": 14, "NCC": 14, "MRD": 13, "RRD": 11, "SE": 6, "CHL": 5}


def test_unknown_code_is_an_error():
    with pytest.raises(provinces.UnknownProvince):
        provinces.resolve("99", 2023)


def test_neighbours_are_symmetric_and_cover_every_province():
    for year in (2023, 2025):
        codes = provinces.names(year)
        for c in codes:
            near = provinces.neighbours(c, year)
            assert near, f"{c} has no neighbour in {year}"
            assert c not in near and set(near) <= set(codes)
            assert all(c in provinces.neighbours(n, year) for n in near)


def test_neighbours_on_each_map():
    assert provinces.neighbours(10, 2023) == [2, 12, 15]              # Lào Cai: Hà Giang, Lai Châu, Yên Bái
    assert provinces.neighbours(96, 2023) == [91, 95]                 # Cà Mau: Kiên Giang, Bạc Liêu
    assert provinces.neighbours(15, 2025) == [8, 12, 14, 25]          # the new Lào Cai takes Yên Bái's borders
    assert 2 not in provinces.neighbours(15, 2025)                    # Hà Giang is part of Tuyên Quang (8) now
