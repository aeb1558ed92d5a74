"""The data page with hostile files: read in the page's reader process, a
refusal naming its bound, hidden sheets named and read only when chosen."""
from __future__ import annotations

from tests.app.test_data_page import HASH, XLSX, frame, page, sign_in, texts
from tests.unit import hostile_files as H


def test_far_cell_is_refused_naming_the_bound(db):
    at = sign_in(page(lang="en", secrets={"analyst": {"password_hash": HASH}}))
    at.file_uploader[0].set_value(("far.xlsx", H.far_cell(), XLSX))
    at.run()
    assert not at.exception
    errors = frame(at, "Problem")
    assert list(errors["Cell"]) == ["XFD1048576"]
    assert "over the limit of 100000 rows" in errors["Problem"].iloc[0]
    assert not [b for b in at.button if b.key == "imp_commit"]


def test_hidden_sheet_named_and_read_only_when_chosen(db):
    at = sign_in(page(lang="en", secrets={"analyst": {"password_hash": HASH}}))
    at.file_uploader[0].set_value(("2025PAPI.xlsx", H.hidden_template(), XLSX))
    at.run()
    assert not at.exception
    assert "published table, 2018 on" in texts(at)
    notes = frame(at, "Problem")
    assert "hidden sheet(s) not read: “data”" in " ".join(notes["Problem"])
    assert {m.label: m.value for m in at.metric}["Added"] == "1,258"
    box = next(c for c in at.checkbox if c.label == "Read hidden sheets too")
    box.check()
    at.run()
    assert not at.exception
    assert "import template" in texts(at)                       # the analyst chose the hidden sheet
    assert {m.label: m.value for m in at.metric}["Added"] == "1"
