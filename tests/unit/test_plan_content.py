from papi_data import provinces
from papi_data.plan import content


def test_lao_cai_2019_results(enriched):
    r = content.results(enriched, provinces.lookup("Lào Cai", 2019), 2019)
    assert round(r["total"], 2) == 45.06
    assert (r["rank"], r["n"], r["tier"]) == (13, 63, 1)
    assert r["change"] is not None and r["total"] > r["national_mean"]


def test_appendix_lists_every_dimension_and_subdimension(enriched):
    from papi_data import codebook
    code = provinces.lookup("Lào Cai", 2019)
    order = codebook.order(codebook.indicators(2019))
    rows = content.appendix(enriched, code, 2019, order)
    expected = set(codebook.indicators(2019, "dimension")) | set(codebook.indicators(2019, "subdimension"))
    assert set(rows["indicator"]) == expected and rows["value"].notna().all()
    src = enriched[(enriched.province_code == code) & (enriched.year == 2019)].set_index("indicator")
    for r in rows.itertuples():
        assert r.value == src.loc[r.indicator, "value"] and r.rank == src.loc[r.indicator, "rank"]
    up, down = content.movers(rows, codebook.indicators(2019, "dimension"))
    d = rows.set_index("indicator")["change"]
    assert up is None or d[up] == d[list(codebook.indicators(2019, "dimension"))].max()
