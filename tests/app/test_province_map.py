"""The data page's mapping step: a province name no rule matches is listed
once with its closest provinces; the analyst maps it (or skips its column),
previews again, commits; the name is saved as an alias and the next file
with it goes straight in. Unknown indicators can be left out explicitly."""
from __future__ import annotations

from papi_data import provinces
from papi_data.db import aliases as alias_store
from tests.app.test_data_page import HASH, XLSX, frame, page, sign_in, texts
from tests.unit import workbooks as W

NICK = "Thành phố mang tên Bác"


def nickname_file(year=2023):
    """A 2023 workbook whose Hồ Chí Minh column has a nickname and no code."""
    names = {c: n for c, n in zip(provinces.in_year(year).gso_code, provinces.in_year(year).name_vi)}
    names[79] = NICK

    def edit(sheets):
        ws = sheets[year]
        for row in ws.iter_rows(min_row=1, max_row=12):
            if row[1].value == "Mã tỉnh":
                for c in row:
                    if c.value == 79:
                        c.value = None
    return W.indicator_rows(year, names=names, edit=edit)


def test_map_an_unknown_name_then_the_next_file_goes_straight_in(db, monkeypatch):
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", HASH)
    at = sign_in(page(lang="en"))
    raw = nickname_file()
    at.file_uploader[0].set_value(("2023PAPI.xlsx", raw, XLSX))
    at.run()
    assert not at.exception
    assert "1 error(s)" in at.error[0].value                 # one column, one message
    errs = frame(at, "Cell")
    assert len(errs) == 1 and "148 values" in errs["Problem"].iloc[0]
    (sb,) = [s for s in at.selectbox if s.key and s.key.startswith("map_")]
    assert NICK in sb.label
    sb.set_value(79)
    at.run()
    at.button(key="map_apply").click()
    at.run()
    assert not at.exception and not at.error
    assert {m.label: m.value for m in at.metric}["New CI/SE only"] == "2,257"
    assert "Applied" in texts(at) and NICK in texts(at)
    assert alias_store.load(db) == {}                           # saved only with the commit
    at.button(key="imp_commit").click()
    at.run()
    assert any("Imported as batch 2" in s.value for s in at.success)
    saved = alias_store.table(db)
    assert list(saved.alias) == [NICK] and list(saved.gso_code) == [79]
    assert saved.created_by.iloc[0] == "Chuyên viên A" and saved.file_name.iloc[0] == "2023PAPI.xlsx"
    # the next file spelling it that way: no error, nothing to map
    at.file_uploader[0].set_value(("2023PAPI_v2.xlsx", raw, XLSX))
    at.run()
    assert not at.error and not [s for s in at.selectbox if s.key and s.key.startswith("map_")]
    assert {m.label: m.value for m in at.metric}["Unchanged"] == "2,257"


def test_skip_the_column_and_leave_unknown_indicators_out(db, monkeypatch):
    monkeypatch.setenv("PAPI_ANALYST_PASSWORD_HASH", HASH)
    at = sign_in(page())
    def ws_label(s):
        return s[2023].cell(next(r for r in range(1, s[2023].max_row + 1)
                                 if str(s[2023].cell(r, 1).value or "").startswith("Dimension 8:")), 1)
    raw = W.indicator_rows(2023, edit=lambda s: setattr(ws_label(s), "value", "Dimension 9: Digital Economy"))
    at.file_uploader[0].set_value(("2023PAPI.xlsx", raw, XLSX))
    at.run()
    assert not at.exception and at.error
    before = db.checksum()
    at.checkbox(key=[c.key for c in at.checkbox if c.key and c.key.startswith("map_leave_")][0]).check()
    at.run()
    at.button(key="map_apply").click()
    at.run()
    assert not at.exception
    # D8's own rows are left out (named in the notes); its sub-dimensions and the total then disagree,
    # so the file is still refused, naming the sums: nothing silently dropped, nothing written
    assert "Đã để riêng chỉ số “Dimension 9: Digital Economy" in texts(at) + " ".join(
        " ".join(map(str, d.value.iloc[:, -1])) for d in at.dataframe)
    assert db.checksum() == before
