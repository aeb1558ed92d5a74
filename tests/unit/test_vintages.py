"""Vintages: a re-issued earlier year is a revision by the file's release,
the import keeps both, and the About page's table of shipped years."""
import pandas as pd

from papi_data import about, analytics, ingest, vintages
from papi_data.ingest import present
from papi_data.db.scores import Store
from tests.unit import workbooks as W

HA_NOI = 1


def revised_2022(scores):
    """The 2022 scores as a later release might re-issue them: Hà Nội's D7.1
    (a sub-dimension the codebook marks as changed) 0.05 higher, with its
    dimension and total, so the sums still hold."""
    s = scores.copy()
    hit = (s.year == 2022) & (s.province_code == HA_NOI) & s.indicator.isin(["D7.1", "D7", "TOTAL"])
    s.loc[hit, "value"] += 0.05
    return s


def test_reissued_year_is_a_revision_and_both_values_are_kept(fresh_sqlite_url):
    store = Store(fresh_sqlite_url)
    before = store.scores()
    raw = W.indicator_rows([2022, 2023], ci=False, scores=revised_2022(before))
    plan = ingest.prepare(raw, "2023PAPI_ProvincialIndicators.xlsx", store, years=[2022, 2023])
    assert plan.ok, [i.message("en") for i in plan.errors]
    release = vintages.release_year(plan.parsed.years_found, plan.parsed.layout)
    assert release == 2023
    rows = plan.preview.rows
    assert set(rows[vintages.revised(rows, release)].indicator) == {"D7.1", "D7", "TOTAL"}
    assert vintages.revision_note(rows, release, "en").startswith("This file (PAPI 2023) revises 3 values of 2022")
    table = vintages.label_revisions(present.changes_table(plan.preview, "vi"), rows, release, "vi")
    assert set(table["Thay đổi"]) == {"Sửa lại theo PAPI 2023"}
    bid = ingest.commit(plan, store, user="analyst")
    now = store.scores().set_index(["year", "province_code", "indicator"])
    old = before.set_index(["year", "province_code", "indicator"])
    key = (2022, HA_NOI, "TOTAL")
    assert now.loc[key, "value"] == old.loc[key, "value"] + 0.05
    # Both vintages are kept: the seed batch still holds the earlier value.
    seed = store.batch_rows(1).set_index(["year", "province_code", "indicator"])
    assert seed.loc[key, "value"] == old.loc[key, "value"]
    store.rollback(bid)
    assert store.scores().set_index(["year", "province_code", "indicator"]).loc[key, "value"] == old.loc[key, "value"]


def test_a_template_is_no_release():
    assert vintages.release_year([2022, 2023], "template") is None
    rows = pd.DataFrame({"year": [2022], "status": ["changed"]})
    assert not vintages.revised(rows, None).any()


def test_about_table_lists_every_shipped_year(store):
    e = analytics.enrich(store.scores())
    tab = about.vintage_table(store.scores(), store.sources(), e, "en")
    assert list(tab["Year"]) == list(range(2011, 2025))
    rel = dict(zip(tab["Year"], tab["Release / source"]))
    assert "unweighted" in rel[2011] and "unweighted" in rel[2016] and "unweighted" not in rel[2017]
    groups = dict(zip(tab["Year"], tab["Overall groups"]))
    assert groups[2018] == "as published (laocai-170-2019)" and groups[2019] == "computed"
    assert groups[2023] == "as published (hanoitimes-2024-04-02)"


def test_a_change_across_two_releases_says_which(fresh_sqlite_url):
    """Only 2023 imported from its workbook: Lào Cai's change since 2022
    compares the imported 2023 with the shipped 2022, and says so."""
    store = Store(fresh_sqlite_url)
    s = store.scores().copy()
    hit = (s.year == 2023) & (s.province_code == 10) & s.indicator.isin(["D7.1", "D7", "TOTAL"])
    s.loc[hit, "value"] += 0.05
    plan = ingest.prepare(W.indicator_rows(2023, ci=False, scores=s), "2023PAPI.xlsx", store)
    ingest.commit(plan, store, user="analyst")
    e = analytics.enrich(store.scores())
    note = vintages.change_note(e, 10, 2023, "TOTAL", "en")
    assert note.startswith("The change compares two different sources: 2022 — sum of the sub-dimensions")
    assert "2023 — imported file (import-" in note
    assert vintages.change_note(e, 10, 2022, "TOTAL", "en") is None
