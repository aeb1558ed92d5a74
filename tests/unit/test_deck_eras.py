"""The deck after a 2025 release (tests/unit/release_2025.py): a merged
unit's trend shows its former provinces side by side before 2025 and its
own line from 2025, never the old province that had its code; an
unchanged unit keeps one line; no change or rank change is claimed across
1 July 2025."""
from __future__ import annotations

import io

import pytest
from pptx import Presentation

from papi_data import analytics
from papi_data.i18n import fmt
from papi_data.db.scores import Store
from tests.unit import release_2025 as R
from tests.unit.test_deck import build, charts, find, texts


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('deck') / 'r.db'}")
    R.import_into(store)
    yield store, analytics.enrich(store.scores())
    store.dispose()


def _tot(e, code):
    return e[(e.province_code == code) & (e.indicator == "TOTAL")].set_index("year")


def test_merged_unit_deck_shows_former_provinces_side_by_side(released):
    store, e = released
    prs = Presentation(io.BytesIO(build(store, 15, 2025, "vi")))      # new Lào Cai (Yên Bái's old code)
    head = texts(find(prs, "Kết quả chung")[0])
    assert "/34" in head and "Lào Cai + Yên Bái" in head and "Yên Bái (cũ)" in head
    score, rank = charts(find(prs, "Diễn biến")[0])
    plot = score.plots[0]
    years = [int(c) for c in plot.categories]
    series = {s.name: list(s.values) for s in plot.series}
    assert list(series) == ["Lào Cai", "Lào Cai (cũ)", "Yên Bái (cũ)", "Trung bình toàn quốc"]
    assert series["Lào Cai"][:-1] == [None] * (len(years) - 1)           # no history of its own before 2025
    assert series["Lào Cai"][-1] == round(_tot(e, 15).loc[2025, "value"], 2)
    assert series["Yên Bái (cũ)"][years.index(2024)] == round(_tot(e, 15).loc[2024, "value"], 2)
    assert series["Lào Cai (cũ)"][years.index(2018)] == 44.37 and series["Lào Cai (cũ)"][-1] is None
    ranks = {s.name: list(s.values) for s in rank.plots[0].series}
    assert ranks["Yên Bái (cũ)"][-1] is None and ranks["Lào Cai"][-1] == _tot(e, 15).loc[2025, "rank"]


@pytest.mark.parametrize("code", sorted(R.REUSED))
def test_no_reused_code_deck_draws_the_old_holder_as_itself(released, code):
    store, _ = released
    prs = Presentation(io.BytesIO(build(store, code, 2025, "en")))
    score, _rank = charts(find(prs, "Trend")[0])
    series = {s.name: list(s.values) for s in score.plots[0].series}
    own = next(iter(series))
    assert all(v is None for v in series[own][:-1])                       # the new unit starts in 2025
    from papi_data import provinces
    assert len(series) == 1 + len(provinces.predecessors(code)) + 1        # the unit, its former provinces, the mean


def test_unchanged_unit_deck_keeps_one_line_and_both_ranks(released):
    store, e = released
    prs = Presentation(io.BytesIO(build(store, 1, 2025, "en")))        # Hà Nội
    head = texts(find(prs, "Headline")[0])
    tot = _tot(e, 1)
    assert fmt(tot.loc[2025, "value"] - tot.loc[2024, "value"], "en", sign=True) in head
    assert f"{int(tot.loc[2024, 'rank'])}/61" in head and f"{int(tot.loc[2025, 'rank'])}/34" in head
    score, _ = charts(find(prs, "Trend")[0])
    series = {s.name: list(s.values) for s in score.plots[0].series}
    assert list(series) == ["Ha Noi", "National mean"]
    assert series["Ha Noi"][-2:] == [round(tot.loc[2024, "value"], 2), round(tot.loc[2025, "value"], 2)]
