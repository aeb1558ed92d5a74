"""The deck's what-if slide: its content from the data layer, the .pptx
opened again with python-pptx in Vietnamese and English, and the deck
command's --change options."""
from __future__ import annotations

import io
import subprocess
import sys

import pytest
from pptx import Presentation

from papi_data import deck
from papi_data.db import deck_inputs
from papi_data.deck import content
from tests.conftest import ROOT
from tests.unit.test_deck import texts

LAO_CAI = 10
CHANGES = {"D5": 0.2, "D7": 0.1}


@pytest.fixture(scope="module")
def inputs(store):
    return deck_inputs.load(store, LAO_CAI, 2020)


def test_content_in_both_languages(inputs):
    e = inputs["enriched"]
    vi = content.what_if(e, CHANGES, content.context(LAO_CAI, 2020, "vi"))
    en = content.what_if(e, CHANGES, content.context(LAO_CAI, 2020, "en"))
    assert vi.assumed == "Giả định: D5 +0,20; D7 +0,10."
    assert [v for _, v in vi.cells] == ["43,2506", "Trung bình cao", "22/63"] and vi.tier == 2
    assert [v for _, v in en.cells] == ["43.2506", "High-average", "22/63"]
    assert "nếu các tỉnh khác giữ nguyên như năm 2020" in vi.result
    assert "if other provinces stay as in 2020" in en.result
    assert "2018, 2019: hạng 37–41, nhóm Trung bình thấp" in vi.range
    assert "2018, 2019: rank 37–41, Low-average tier" in en.range


def test_no_slide_without_changes_or_scores(inputs):
    e = inputs["enriched"]
    assert content.what_if(e, {}, content.context(LAO_CAI, 2020, "vi")) is None
    assert content.what_if(e, None, content.context(LAO_CAI, 2020, "vi")) is None
    # Đồng Tháp (87) was not scored in 2014: nothing to change
    assert content.what_if(e, CHANGES, content.context(87, 2014, "en")) is None


def _whatif_slides(prs, title: str) -> list:
    return [s for s in prs.slides if title in texts(s)]


@pytest.mark.parametrize("lang, title, expected", [
    ("vi", "Nếu… (giả định thay đổi điểm, PAPI 2020)",
     ["Giả định: D5 +0,20; D7 +0,10; D5.2 +0,30.", "43,5506", "Trung bình cao", "18/63", "như năm 2020", "2018, 2019: hạng 35–37"]),
    ("en", "What if… (assumed score changes, PAPI 2020)",
     ["Assumed: D5 +0.20; D7 +0.10; D5.2 +0.30.", "43.5506", "High-average", "18/63", "stay as in 2020", "2018, 2019: rank 35–37"]),
])
def test_pptx_slide_text(inputs, lang, title, expected):
    # a sub-dimension among the changes: 42.950604 + 0.2 + 0.1 + 0.3
    raw = deck.build(LAO_CAI, 2020, lang, **inputs, changes={**CHANGES, "D5.2": 0.3})
    prs = Presentation(io.BytesIO(raw))
    found = _whatif_slides(prs, title)
    assert len(found) == 1
    text = texts(found[0])
    for part in expected:
        assert part in text, (part, text)
    assert list(prs.slides).index(found[0]) == 2            # right after the headline
    plain = Presentation(io.BytesIO(deck.build(LAO_CAI, 2020, lang, **inputs)))
    assert not _whatif_slides(plain, title) and len(plain.slides) == len(prs.slides) - 1


def test_command_line_change_options(tmp_path):
    out = tmp_path / "wif.pptx"
    cmd = [sys.executable, "-m", "papi_data", "deck", "--province", "Lào Cai", "--year", "2020", "--lang", "en"]
    r = subprocess.run([*cmd, "--change", "D5=+0.2", "--change", "D7=+0.1", "-o", str(out)], cwd=ROOT,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    text = texts(_whatif_slides(Presentation(str(out)), "What if…")[0])
    assert "43.2506" in text and "22/63" in text
    for bad, message in (("D5=x", "--change wants CODE=DELTA"), ("Q9=+1", "Unknown indicator")):
        r = subprocess.run([*cmd, "--change", bad, "-o", str(tmp_path / "x.pptx")], cwd=ROOT, capture_output=True,
                           text=True, timeout=300)
        assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr, r.stderr
