import pandas as pd
import pytest

from papi_data import provinces
from papi_data.plan import proposals


def _latest():
    return pd.DataFrame({"indicator": ["total", "d1", "d2"], "value": [45.06, 5.2, 4.0],
                         "tier": [1, 2, 3], "next_cut": [None, 5.6, 5.0]})


def test_keep_reach_and_analyst():
    p = proposals.propose(_latest(), overrides={"d2": 4.8}).set_index("indicator")
    assert p.loc["total", "reason"] == "keep" and p.loc["total", "proposed_value"] == 45.06
    assert p.loc["d1", "reason"] == "reach" and p.loc["d1", "proposed_value"] == 5.6
    assert p.loc["d1", "proposed_tier"] == 1
    assert p.loc["d2", "reason"] == "analyst" and p.loc["d2", "proposed_value"] == 4.8


def test_close_half_the_gap():
    p = proposals.propose(_latest(), share=0.5).set_index("indicator")
    assert p.loc["d1", "reason"] == "gap"
    assert p.loc["d1", "proposed_value"] == pytest.approx(5.4)
    assert p.loc["d2", "proposed_value"] == pytest.approx(4.5)


def test_share_out_of_range():
    with pytest.raises(ValueError):
        proposals.propose(_latest(), share=0)


def test_lao_cai_2020_from_2019_results(enriched):
    code = provinces.lookup("Lào Cai", 2019)
    assert proposals.base_year(enriched, code, 2020) == 2019
    rows = proposals.latest(enriched, code, 2019).set_index("indicator")
    assert round(rows.loc["TOTAL", "value"], 2) == 45.06
    p = proposals.propose(rows.reset_index()).set_index("indicator")
    assert p.loc["TOTAL", "reason"] == "keep"
    assert proposals.base_year(enriched, code, 2011) is None
