"""Published group records an analyst imports: validated whole, kept in
the database (SQLite and PostgreSQL), replacing the shipped record of the
same year and indicator, nothing written on a problem."""
import io

import pandas as pd
import pytest

from papi_data import analytics, official_tiers
from papi_data.db import groups as groups_store
from papi_data.db.scores import Store

HEAD = "year,indicator,tier,count,score_min,score_max,source,citation\n"


def groups(text: str) -> pd.DataFrame:
    g = pd.read_csv(io.StringIO(HEAD + text), dtype=str, keep_default_na=False)
    g.attrs["file"] = "nhom.csv"
    return g


# 2019 TOTAL as four counts (an analyst's record; the quartile rule gives the same sizes).
GOOD = "".join(f"2019,TOTAL,{k},{n},,,report-2019,PAPI 2019 report\n" for k, n in zip(range(1, 5), [16, 16, 15, 16]))


def test_import_replaces_computed_and_is_seen_at_once(any_url):
    store = Store(any_url)
    v = store.data_version()
    assert groups_store.import_groups(store, groups(GOOD), "nhom.csv", user="analyst") == 1
    assert store.data_version() == v + 1                  # every page and server sees it
    e = analytics.enrich(store.scores(), groups_store.load(store))
    r = analytics.ranking(e, 2019, "TOTAL")
    assert (r.tier_basis == "published").all() and set(r.tier_source) == {"report-2019"}
    assert r.tier.value_counts().sort_index().tolist() == [16, 16, 15, 16]
    # A later import of the same record replaces it; the shipped 2018 record stays.
    again = GOOD.replace("report-2019", "report-2019b")
    groups_store.import_groups(store, groups(again), "nhom2.csv", user="analyst")
    loaded = groups_store.load(store)
    assert set(loaded[loaded.year == "2019"].source) == {"report-2019b"}
    assert (loaded.year == "2018").sum() == 4
    store.dispose()


def test_a_bad_record_writes_nothing(any_url):
    store = Store(any_url)
    before = store.data_version()
    bad = GOOD.replace("2019,TOTAL,4,16", "2019,TOTAL,4,15")
    with pytest.raises(official_tiers.InvalidGroups) as e:
        groups_store.import_groups(store, groups(bad), "nhom.csv")
    assert "nhom.csv, row 2: 2019 TOTAL: the groups add up to 62 provinces, but 63 are ranked" in str(e.value)
    assert store.data_version() == before and groups_store.imported(store).empty
    store.dispose()


def test_an_import_replaces_a_shipped_record(fresh_sqlite_url):
    store = Store(fresh_sqlite_url)
    rows = "".join(f"2018,TOTAL,{k},{n},,,other,another count\n" for k, n in zip(range(1, 5), [16, 15, 15, 15]))
    groups_store.import_groups(store, groups(rows), "nhom.csv")
    e = analytics.enrich(store.scores(), groups_store.load(store))
    assert analytics.ranking(e, 2018, "TOTAL").tier.value_counts().sort_index().tolist() == [16, 15, 15, 15]
