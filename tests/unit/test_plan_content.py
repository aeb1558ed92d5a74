from papi_data import provinces
from papi_data.plan import content


def test_lao_cai_2019_results(enriched):
    r = content.results(enriched, provinces.lookup("Lào Cai", 2019), 2019)
    assert round(r["total"], 2) == 45.06
    assert (r["rank"], r["n"], r["tier"]) == (13, 63, 1)
    assert r["change"] is not None and r["total"] > r["national_mean"]
