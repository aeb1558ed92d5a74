from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def app(**params):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.switch_page("pages/home.py").run()


def test_home_shows_coverage_in_vietnamese():
    at = app()
    assert not at.exception
    assert "Chỉ số PAPI" in at.title[0].value
    df = at.dataframe[0].value
    assert len(df) == 14 and df.iloc[0, 0] == 2011
    assert any("28.854" in m.value for m in at.markdown)


def test_home_in_english():
    at = app(lang="en")
    assert not at.exception
    assert at.title[0].value == "PAPI dashboard"
    assert any("28,854" in m.value for m in at.markdown)
