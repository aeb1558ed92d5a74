"""AppTest for the review of next year's proposed targets on the targets
page: analysts only, proposals from the year's results, accepted into the
target store citing the draft."""
import datetime as dt

import pytest
from papi_data.db import targets as target_store
from tests.app.test_targets_page import run, signed_in
TITLE = {"vi": "Mục tiêu đề xuất cho năm 2020", "en": "Proposed targets for 2020"}
ACCEPT = {"vi": "Nhận làm mục tiêu", "en": "Accept as targets"}


def _page(monkeypatch, sign_in: bool, **params):
    """The targets page, as a signed-in analyst or as a visitor."""
    return signed_in(None, monkeypatch, **params) if sign_in else run(**params)


def _proposals(at):
    return [e for e in at.dataframe if "accept" in e.value.columns][0].value


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_analyst_accepts_the_lao_cai_2020_proposals(db, monkeypatch, lang):
    at = _page(monkeypatch, True, lang=lang, year=2019, province=10)
    assert [e.label for e in at.expander if e.label == TITLE[lang]]
    shown = _proposals(at)
    assert len(shown) == 9 and bool(shown["accept"].all())               # the total and eight dimensions
    total = "45,06" if lang == "vi" else "45.06"
    assert shown.iloc[0]["current"] == total
    assert target_store.load(db, 10, 2020).empty
    next(b for b in at.button if b.label == ACCEPT[lang]).click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    stored = target_store.load(db, 10, 2020)
    assert len(stored) == 9 and set(stored["kind"]) == {"value"}
    assert set(stored["baseline_year"]) == {2019}
    today = dt.date.today().strftime("%d/%m/%Y")
    source = ("Dự thảo kế hoạch PAPI 2020 (dashboard), " if lang == "vi" else
              "Draft PAPI 2020 plan (dashboard), ") + today
    assert set(stored["source"]) == {source}
    tot = stored.set_index("indicator").loc["TOTAL"]
    assert tot["baseline_value"] == pytest.approx(45.06, abs=0.005) and tot["value"] >= tot["baseline_value"]
    # A second acceptance is refused while not confirmed: nothing more is written.
    next(b for b in at.button if b.label == ACCEPT[lang]).click()
    at.run()
    assert any("2020" in e.value for e in at.error)
    assert len(target_store.load(db, 10, 2020)) == 9
    # Confirmed, the same indicators' value targets are replaced, not doubled.
    next(c for c in at.checkbox if "2020" in c.label).check()
    next(b for b in at.button if b.label == ACCEPT[lang]).click()
    at.run()
    assert not at.exception and len(target_store.load(db, 10, 2020)) == 9
    assert list(target_store.load(db, 10, 2020)["id"]) == list(stored["id"])


def test_typed_values_with_a_decimal_comma_become_the_drafts_values(enriched):
    from papi_data.plan import draft
    from ui import plan_draft
    _, props = draft.propose_for(enriched, 10, 2020)
    shown = plan_draft._frame(props, 2019, "vi")
    shown.loc[1, "proposed"] = "6,4"
    shown.loc[2, "proposed"] = "sáu"
    values, bad = plan_draft._values(props, shown, "vi")
    assert values[props["indicator"].iloc[1]] == 6.4 and len(bad) == 1 and "sáu" in bad[0]
    assert draft.overrides(props, values) == {props["indicator"].iloc[1]: 6.4}


def test_no_review_without_signing_in(db, monkeypatch):
    at = _page(monkeypatch, False, lang="en", year=2019, province=10)
    assert not [e for e in at.expander if e.label == TITLE["en"]]
    assert not [b for b in at.button if b.label == ACCEPT["en"]]
    assert [b for b in at.get("download_button") if b.proto.label == "Draft the 2020 plan"]
