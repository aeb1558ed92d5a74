"""A PAPI 2025 release of our own making for the 34 new units (none has
been published), in the 2018-on layout the importer reads, and a store
with it imported.

Each unit's sub-dimension is its former provinces' 2024 mean plus a shift
of its own (0.01 x (code mod 7 + 1)), dimensions and total moving with
them, so an unchanged unit's change since 2024 is never zero and a change
computed against the wrong province cannot pass for the right one.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from papi_data import codebook, ingest
from papi_data.db.scores import Store
from tests.unit import workbooks as W

FILE = "2025PAPI_ProvincialIndicators_34_TinhThanh.xlsx"
# New units that reuse a different old province's code, and that old province.
REUSED = {15: (10, "Lào Cai", "Yên Bái"), 24: (27, "Bắc Ninh", "Bắc Giang"), 44: (45, "Quảng Trị", "Quảng Bình"),
          52: (64, "Gia Lai", "Bình Định"), 80: (72, "Tây Ninh", "Long An"), 82: (87, "Đồng Tháp", "Tiền Giang"),
          91: (89, "An Giang", "Kiên Giang")}
# Units the merger left as they were (one former province, same code).
UNCHANGED = [1, 4, 11, 12, 14, 20, 22, 38, 40, 42, 46]


def shift(code: int) -> float:
    return 0.01 * (code % 7 + 1)


def scores() -> pd.DataFrame:
    """The fixtures' merged 2025 scores (workbooks.merged_2025) with every
    sub-dimension shifted: a dimension moves by the shift times its number
    of sub-dimensions, the total by the shift times all of them."""
    out = W.merged_2025()
    subs = codebook.indicators(2025, "subdimension")
    weight = {s_: 1 for s_ in subs}
    weight.update({d: len(codebook.children(d, 2025)) for d in codebook.indicators(2025, "dimension")})
    weight["TOTAL"] = len(subs)
    out["value"] = (out.value + out.province_code.map(shift) * out.indicator.map(weight)).round(6)
    return out


def workbook() -> bytes:
    return W.indicator_rows(2025, scores=scores())


def import_into(store: Store) -> int:
    """Import the release as an analyst would; returns the batch id."""
    plan = ingest.prepare(workbook(), FILE, store, today=dt.date(2026, 5, 1))
    assert plan.ok and plan.years == [2025], plan
    return ingest.commit(plan, store, user="analyst")
