"""A link with values that name nothing says so, once, instead of silently
showing something else."""
from tests.app.plotly_spec import run


def _toasts(at):
    return [t.value for t in at.toast]


def test_nonsense_values_are_named():
    at = run("profile", province="abc", year=2019)
    assert any("province=abc" in m and "mặc định" in m for m in _toasts(at))
    at.run()                                   # the page wrote a valid value back: nothing more to say
    assert not any("province=abc" in m for m in _toasts(at))


def test_unknown_compared_provinces_are_named_in_english():
    at = run("compare", lang="en", provinces="10,999,15", year=2019)
    assert any("provinces=999" in m and "default" in m for m in _toasts(at))


def test_a_good_link_says_nothing():
    at = run("profile", province=10, year=2019)
    assert _toasts(at) == []
