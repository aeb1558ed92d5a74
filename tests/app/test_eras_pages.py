"""Pages with a 2025 release imported (tests/unit/release_2025.py): no new
unit is compared with the old province that had its code, unchanged units
compare with themselves, ranks are not compared across 1 July 2025, and a
year switch across that date keeps the same place and says how."""
import pytest

from tests.app.plotly_spec import names, run, specs, tables
from tests.unit import release_2025 as R


@pytest.fixture
def released(db):
    R.import_into(db)
    return db


def test_an_giang_2025_is_not_compared_with_kien_giang(released):
    at = run("profile", lang="vi", year=2025, province=91)
    assert at.title[0].value == "An Giang — PAPI 2025"
    assert at.metric[1].value.endswith("/34") and not at.metric[1].delta          # no "↑+38"
    assert at.metric[3].value == "–"
    before = tables(at)[0]
    assert list(before.iloc[:, 0]) == ["An Giang (cũ)", "Kiên Giang (cũ)"]
    assert list(before.iloc[:, 2]) == [r for r in before.iloc[:, 2] if r.endswith("/61")]
    assert any("An Giang + Kiên Giang" in c.value for c in at.caption)


@pytest.mark.parametrize("code", sorted(R.REUSED))
def test_every_reused_code_shows_its_former_provinces_not_a_change(released, code):
    namesake, new_name, old_name = R.REUSED[code]
    at = run("profile", lang="en", year=2025, province=code)
    from papi_data import provinces
    assert at.title[0].value == f"{provinces.name(code, 2025, 'en')} — PAPI 2025"
    assert at.metric[3].value == "–" and not at.metric[1].delta
    before = tables(at)[0]
    shown = list(before.iloc[:, 0])
    assert f"{provinces.name(code, 2024, 'en')} (former)" in shown            # the old holder of the code, labelled
    assert f"{provinces.name(namesake, 2024, 'en')} (former)" in shown
    assert len(shown) == len(provinces.predecessors(code))


@pytest.mark.parametrize("code", R.UNCHANGED)
def test_every_unchanged_unit_compares_with_its_own_2024_self(released, code):
    from papi_data import analytics, provinces
    from papi_data.i18n import fmt
    e = analytics.enrich(released.scores())
    tot = e[(e.province_code == code) & (e.indicator == "TOTAL")].set_index("year")
    at = run("profile", lang="en", year=2025, province=code)
    assert at.title[0].value == f"{provinces.name(code, 2025, 'en')} — PAPI 2025"
    assert at.metric[3].value == fmt(tot.loc[2025, "value"] - tot.loc[2024, "value"], "en", sign=True)
    assert at.metric[1].value == f"{int(tot.loc[2025, 'rank'])}/34"
    assert at.metric[1].delta == f"2024: {int(tot.loc[2024, 'rank'])}/61"      # beside it, not subtracted


def test_overview_2025_compares_no_rank_across_the_merger(released):
    at = run("overview", lang="vi", year=2025)
    table = tables(at)[0]
    assert len(table) == 34 and set(table["Thay đổi thứ hạng"]) == {"–"}
    ranking = specs(at)[0]
    assert not any(str(x) for d in ranking["data"] for x in (d.get("text") or []))     # no rank change written


def test_year_switch_2025_to_2024_and_back_keeps_lao_cai(released):
    at = run("profile", lang="vi", year=2025, province=15)
    assert at.title[0].value == "Lào Cai — PAPI 2025"
    at.selectbox(key="year").set_value(2024).run()
    assert not at.exception
    assert at.title[0].value == "Lào Cai — PAPI 2024"                       # not Yên Bái
    assert at.query_params["units"] in ("34", ["34"]) and at.query_params["unit"] in ("15", ["15"])
    assert any(i.value == "Lào Cai (mới, từ 1/7/2025) = Lào Cai + Yên Bái: đang hiển thị các tỉnh cũ"
               for i in at.info)
    assert list(tables(at)[0].iloc[:, 0]) == ["Lào Cai (cũ)", "Yên Bái (cũ)"]
    at.selectbox(key="year").set_value(2025).run()
    assert not at.exception
    assert at.title[0].value == "Lào Cai — PAPI 2025"
    assert at.query_params["province"] in ("15", ["15"]) and at.query_params["era"] in ("34", ["34"])


def test_year_switch_old_province_into_2025_says_which_unit(released):
    at = run("profile", lang="en", year=2024, province=15)                   # Yên Bái
    assert at.title[0].value == "Yen Bai — PAPI 2024"
    at.selectbox(key="year").set_value(2025).run()
    assert at.title[0].value == "Lao Cai — PAPI 2025"
    assert any(i.value == "Yen Bai (former) is now part of Lao Cai (new, from 1 July 2025) = Lao Cai + Yen Bai: "
               "showing Lao Cai (new)" for i in at.info)
    at = run("profile", lang="en", year=2025, province=91)                   # An Giang, back to 2019
    at.selectbox(key="year").set_value(2019).run()
    assert at.title[0].value == "An Giang — PAPI 2019"
    assert list(tables(at)[0].iloc[:, 0]) == ["An Giang (former)", "Kien Giang (former)"]


def test_unchanged_unit_switches_year_as_itself(released):
    at = run("profile", lang="en", year=2025, province=46)                   # Huế
    at.selectbox(key="year").set_value(2024).run()
    assert at.title[0].value == "Thua Thien Hue — PAPI 2024"
    assert at.query_params.get("units") in (None, "63", ["63"])            # its own 63-map self


def test_overview_highlight_follows_the_place(released):
    at = run("overview", lang="vi", year=2025, province=15)
    at.selectbox(key="year").set_value(2024).run()
    assert at.selectbox(key="province").value == 10                           # old Lào Cai, not Yên Bái
    assert any(i.value == "Lào Cai (mới, từ 1/7/2025) = Lào Cai + Yên Bái: đang hiển thị Lào Cai (cũ)"
               for i in at.info)


@pytest.mark.parametrize("era", ["34", None])
def test_deep_link_before_and_after_a_rollback(released, era):
    link = {"lang": "vi", "year": 2025, "province": 15, **({"era": era} if era else {})}
    at = run("profile", **link)
    assert at.title[0].value == "Lào Cai — PAPI 2025"
    batch = int(released.history()["id"].max())
    released.rollback(batch, user="analyst")
    import ui.data
    ui.data.clear()
    at = run("profile", **link)                                               # 2025 is gone: the latest year is 2024
    assert at.title[0].value == "Lào Cai — PAPI 2024"                       # never Yên Bái
    assert list(tables(at)[0].iloc[:, 0]) == ["Lào Cai (cũ)", "Yên Bái (cũ)"]


def test_defaults_after_a_2025_release(released):
    at = run("profile", lang="vi")
    assert at.title[0].value == "Lào Cai — PAPI 2025"
    at = run("compare", lang="vi")
    assert at.selectbox(key="province").value == 15
    assert at.multiselect(key="provinces").value == [15, 19, 8]
    trend = specs(at)[0]
    assert {"Lào Cai", "Thái Nguyên", "Tuyên Quang"} <= {n.split(" (")[0] for n in names(trend)}


def test_compare_switch_maps_the_picked_provinces(released):
    at = run("compare", lang="en", year=2025, province=15, provinces="15,91")
    at.selectbox(key="year").set_value(2024).run()
    assert not at.exception
    assert at.selectbox(key="unit").value == 15 and at.multiselect(key="units_picked").value == [15, 91]
    assert {"Lao Cai (former)", "Yen Bai (former)", "An Giang (former)", "Kien Giang (former)"} <= set(names(specs(at)[0]))


def test_presentation_link_keeps_its_place_after_a_rollback(released):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    def headline(**params):
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
        for k, v in params.items():
            at.query_params[k] = str(v)
        at.run()
        assert not at.exception
        return specs(at)[0]

    spec = headline(present=1, year=2025, province=91, era=34)
    texts = [a["text"] for a in spec["layout"]["annotations"]]
    assert spec["layout"]["title"]["text"] == "An Giang — PAPI 2025"
    assert texts[texts.index("So với năm trước") + 1] == "<b>–</b>"          # not against Kiên Giang
    released.rollback(int(released.history()["id"].max()), user="analyst")
    import ui.data
    ui.data.clear()
    spec = headline(present=1, year=2025, province=91, era=34)
    assert spec["layout"]["title"]["text"] == "An Giang — PAPI 2024"        # old An Giang (89), not Kiên Giang
