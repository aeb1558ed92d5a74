"""Trend classes on hand-made series (rates worked by hand)."""
import pandas as pd
import pytest

from papi_data import trends


def _s(d):
    return pd.Series(d, dtype=float)


def test_warning_signs_within_2018_on_series():
    # 2016-2017 lie across the 2017->2018 break and are left out.
    v = _s({2016: 9.0, 2017: 1.0, 2018: 5.0, 2019: 5.6, 2020: 6.2, 2021: 6.0, 2022: 5.8})
    t = trends.trend(v, "D4")
    # long: (5.8 - 5.0) / 4 = 0.2; recent (2020-2022): (5.8 - 6.2) / 2 = -0.2
    assert t["first_year"] == 2018 and t["long_rate"] == pytest.approx(0.2)
    assert t["recent_rate"] == pytest.approx(-0.2) and t["class"] == "warning_signs"


@pytest.mark.parametrize("long,recent,cls", [
    (0.2, 0.3, "increasing_improvement"), (0.2, 0.1, "slowing_improvement"), (0.2, -0.1, "warning_signs"),
    (-0.2, 0.1, "bouncing_back"), (-0.2, -0.1, "slowing_deterioration"), (-0.2, -0.3, "increasing_deterioration"),
    (0.001, 0.5, "no_clear_change"), (0.2, 0.001, "slowing_improvement")])
def test_six_classes(long, recent, cls):
    assert trends.classify(long, recent, tol=0.018) == cls


def test_too_short_after_break():
    assert trends.trend(_s({2016: 5.0, 2017: 5.1, 2018: 5.2, 2019: 5.3, 2020: 5.4}), "D4")["class"] == "too_short"
