"""Every bounded database field is checked before the commit: a clear
message in the user's language, the store unchanged (SQLite would store the
text silently, PostgreSQL fail halfway with a raw error)."""
from __future__ import annotations

import pandas as pd
import pytest

from papi_data import targets
from papi_data.db import targets as target_store
from papi_data.db.scores import FieldTooLong, Store


def _frame(s: Store) -> pd.DataFrame:
    f = s.scores().query("year == 2019 and province_code == 10").copy()
    f["value"] += 0.25
    return f


@pytest.mark.parametrize("field,kwargs,limit", [
    ("created_by", {"user": "a" * 256}, 255),
    ("file_name", {"file_name": "tệp-" + "x" * 520 + ".xlsx"}, 512),
])
def test_batch_fields_over_their_limit_are_refused_before_writing(any_url, field, kwargs, limit):
    s = Store(any_url)
    before = s.checksum()
    args = {"file_name": "ok.csv", "raw": b"x", "user": "analyst", **kwargs}
    with pytest.raises(FieldTooLong) as e:
        s.add_batch(_frame(s), **args)
    assert e.value.column == field and e.value.limit == limit
    assert s.checksum() == before
    vi, en = e.value.message("vi"), e.value.message("en")
    assert f"giới hạn {limit} ký tự" in vi and "chưa ghi gì" in vi and f"limit of {limit}" in en
    if field == "file_name":
        assert "Tên tệp" in vi and "rename the file" in en
    s.dispose()


def test_score_source_over_its_limit_is_refused(any_url):
    s = Store(any_url)
    before = s.checksum()
    with pytest.raises(FieldTooLong) as e:
        s.add_batch(_frame(s).assign(source="S" * 65), file_name="ok.csv", raw=b"x", user="analyst")
    assert e.value.column == "source" and s.checksum() == before
    with pytest.raises(FieldTooLong):
        s.rollback(1, user="b" * 300, force=True)
    assert s.checksum() == before
    s.dispose()


def test_target_fields_and_editor_name_over_their_limit(any_url):
    s = Store(any_url)
    cur = target_store.load(s)
    row = {"province_code": 10, "year": 2019, "indicator": "TOTAL", "kind": "value", "value": 47.0,
           "plan_number": "KH-" + "9" * 70}
    errs = targets.problems([row], "vi")
    assert any("Số kế hoạch" in m and "quá giới hạn 64" in m for m in errs) or \
        any("plan_number" in m and "64" in m for m in errs), errs
    after = pd.concat([cur, pd.DataFrame([{**row, "plan_number": "KH-1"}])], ignore_index=True)
    with pytest.raises(ValueError, match="255"):
        target_store.apply(s, cur, after, user="c" * 300, lang="en")
    assert len(target_store.load(s)) == len(cur)
    s.dispose()
