"""The tile-grid layouts in data/: one tile per province of the era, no two
on the same cell, roughly in geographic order, and a stated source."""
import pytest

from papi_data import DATA_DIR, analytics, figures, provinces


@pytest.mark.parametrize("year,era", [(2011, 63), (2024, 63), (2025, 34)])
def test_every_province_of_the_era_has_exactly_one_tile(year, era):
    t = figures.tiles(year)
    assert len(t) == era
    assert set(t["gso_code"]) == set(provinces.in_year(year)["gso_code"])
    assert not t.duplicated(["col", "row"]).any()
    assert (t[["col", "row"]] >= 0).all().all()


@pytest.mark.parametrize("year", [2024, 2025])
def test_north_is_on_top_and_south_at_the_bottom(year):
    t = figures.tiles(year).set_index("gso_code")["row"]
    hanoi, hue, hcmc, ca_mau = (provinces.resolve(n, year) for n in ("Hà Nội", "Huế", "Hồ Chí Minh", "Cà Mau"))
    assert t[hanoi] < t[hue] < t[hcmc] < t[ca_mau]
    lai_chau = provinces.resolve("Lai Châu", year)
    assert t[lai_chau] <= 2                       # the far north-west sits in the first rows


@pytest.mark.parametrize("name", ["tiles_63.csv", "tiles_34.csv"])
def test_layout_files_state_their_source(name):
    head = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[:3]
    assert any(line.startswith("# Source:") for line in head)


def test_tiles_are_copies(enriched):
    a = figures.tiles(2020)
    a.loc[:, "col"] = -1
    assert (figures.tiles(2020)["col"] >= 0).all()
    fig = figures.tile_map(analytics.ranking(enriched, 2020, "TOTAL"), 2020, "vi", "t", highlight=22)
    assert len(fig.layout.shapes) == 63
    thick = [s for s in fig.layout.shapes if s.line.width == 3]
    assert len(thick) == 1 and thick[0].line.color == "#000"   # the highlighted province is outlined
