"""The what-if form on the profile and targets pages (AppTest): a scenario
entered (a sub-dimension among the changes), the result said, the scenario
written to the address and reopened from it, nonsense named."""
import pytest

from tests.app.plotly_spec import run

PAGES = ["profile", "targets"]


def _said(at) -> str:
    return " ".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def _toasts(at):
    return [t.value for t in at.toast]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_enter_a_scenario(db, page, lang):
    at = run(page, lang=lang, year=2020, province=10)
    at.multiselect(key="whatif_pick").set_value(["D5", "D7"]).run()
    at.number_input(key="whatif_amt_D5").set_value(0.2).run()
    at.number_input(key="whatif_amt_D7").set_value(0.1).run()
    assert not at.exception
    said = _said(at)
    if lang == "vi":
        assert "Tổng 43,2506: nhóm Trung bình cao, hạng 22/63, nếu các tỉnh khác giữ nguyên như năm 2020." in said
        assert "Theo điều kiện của các năm 2018, 2019: hạng 37–41" in said
    else:
        assert "Total 43.2506: High-average tier, rank 22/63, if other provinces stay as in 2020." in said
        assert "Under the conditions of 2018, 2019: rank 37–41" in said
    assert at.query_params["whatif"] in ("D5:+0.2,D7:+0.1", ["D5:+0.2,D7:+0.1"])
    # a sub-dimension moves its dimension and the total: 42.950604 + 0.2 + 0.1 + 0.3
    at.multiselect(key="whatif_pick").set_value(["D5", "D7", "D5.2"]).run()
    at.number_input(key="whatif_amt_D5.2").set_value(0.3).run()
    assert ("43,5506" if lang == "vi" else "43.5506") in _said(at)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_link_reopens_the_scenario(db, page, lang):
    at = run(page, lang=lang, year=2020, province=10, whatif="D5:+0.2,D7:+0.1")
    assert at.multiselect(key="whatif_pick").value == ["D5", "D7"]
    assert at.number_input(key="whatif_amt_D5").value == pytest.approx(0.2)
    assert ("43,2506" if lang == "vi" else "43.2506") in _said(at)
    assert ("hạng 22/63" if lang == "vi" else "rank 22/63") in _said(at)
    assert _toasts(at) == []


def test_a_plus_the_address_turned_into_a_space_still_reads():
    at = run("profile", lang="en", year=2020, province=10, whatif="D5: 0.2,D5.2: 0.3")
    assert "43.4506" in _said(at)


def test_nonsense_is_named_and_the_rest_kept(db):
    at = run("profile", lang="en", year=2020, province=10, whatif="D5:+0.2,XX:1,D7:abc,D1:+50")
    assert any("whatif=XX:1,D7:abc,D1:+50" in m for m in _toasts(at)), _toasts(at)
    assert "42.9506" not in _said(at) and "43.1506" in _said(at)        # D5 +0.2 alone
    at.run()
    assert not any("whatif=" in m for m in _toasts(at))                 # written back valid: said once


def test_scenario_follows_to_the_targets_page(db):
    at = run("profile", lang="en", year=2020, province=10, whatif="D5:+0.2,D7:+0.1")
    at.switch_page("pages/targets.py").run()
    assert not at.exception
    assert "43.2506" in _said(at)


def test_a_year_without_an_indicator_drops_it(db):
    at = run("profile", lang="en", year=2020, province=10, whatif="D5:+0.2,D8:+0.1")
    at.selectbox(key="year").set_value(2017).run()                     # D8 is not part of PAPI 2017
    assert not at.exception
    assert at.multiselect(key="whatif_pick").value == ["D5"]
    assert at.query_params["whatif"] in ("D5:+0.2", ["D5:+0.2"])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_change_beyond_the_scale_is_said_not_ranked(db, lang):
    at = run("profile", lang=lang, year=2020, province=10, whatif="D5.2:+2.4")
    assert not at.exception
    warned = " ".join(w.value for w in at.warning)
    assert ("ngoài thang điểm" if lang == "vi" else "outside its") in warned
    assert ("nếu các tỉnh khác giữ nguyên" if lang == "vi" else "if other provinces stay") not in _said(at)
