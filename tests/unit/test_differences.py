"""Differences against their uncertainty, on hand-worked figures."""
import pandas as pd

from papi_data import differences as dif


def test_z_test_on_standard_errors():
    # d = 0.5; 1.96 * sqrt(0.2² + 0.15²) = 1.96 * 0.25 = 0.49 < 0.5 -> exceeds
    assert dif.verdict({"value": 6.5, "se": 0.2}, {"value": 6.0, "se": 0.15}) == ("exceeds", "z")
    # d = 0.48 < 0.49 -> within
    assert dif.verdict({"value": 6.48, "se": 0.2}, {"value": 6.0, "se": 0.15}) == ("within", "z")


def test_interval_overlap_fallback_and_unknown():
    a = {"value": 6.5, "ci_low": 6.3, "ci_high": 6.7}
    assert dif.verdict(a, {"value": 6.0, "ci_low": 5.8, "ci_high": 6.2}) == ("exceeds", "ci_overlap")
    assert dif.verdict(a, {"value": 6.1, "ci_low": 5.9, "ci_high": 6.3}) == ("within", "ci_overlap")
    assert dif.verdict(a, {"value": 6.0, "se": float("nan")}) == ("unknown", None)


def test_change_and_gap_on_a_frame():
    df = pd.DataFrame({"year": [2023, 2024, 2024], "province_code": [1, 1, 2], "indicator": "D4",
                       "value": [6.0, 6.5, 6.4], "se": [0.15, 0.2, None]})
    assert dif.change(df, 1, "D4", 2024, 2023) == ("exceeds", "z")
    assert dif.gap(df, 2024, "D4", 1, 2) == ("unknown", None)
    assert dif.change(df, 2, "D4", 2024, 2023) == ("unknown", None)
