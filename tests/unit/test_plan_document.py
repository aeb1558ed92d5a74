import io

import docx
import pytest

from papi_data import cli, provinces
from papi_data.plan import document


def _text(doc):
    return "\n".join(p.text for p in doc.paragraphs)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_lao_cai_2020_draft(enriched, lang):
    code = provinces.lookup("Lào Cai", 2019)
    doc = docx.Document(io.BytesIO(document.build(enriched, code, 2020, lang)))
    text = _text(doc)
    total = "45,06" if lang == "vi" else "45.06"
    assert total in text and "13/63" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in doc.tables[0].cell(0, 1).text
    appendix = doc.tables[-1]
    assert appendix.rows[0]._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    src = enriched[(enriched.province_code == code) & (enriched.year == 2019) & (enriched.indicator != "TOTAL")]
    assert len(appendix.rows) - 1 == len(src)
    d1 = src.set_index("indicator").loc["D1"]
    cells = [c.text for c in appendix.rows[1].cells]
    assert cells[1] == (f"{d1.value:.2f}".replace(".", ",") if lang == "vi" else f"{d1.value:.2f}")
    assert cells[4] == f"{int(d1['rank'])}/{int(d1.n_ranked)}"


def test_cli_errors(tmp_path, capsys):
    out = str(tmp_path / "p.docx")
    assert cli.main(["plan", "--province", "Atlantis", "--year", "2020", "-o", out]) != 0
    assert "Unknown province" in capsys.readouterr().err
    assert cli.main(["plan", "--province", "Lào Cai", "--year", "2009", "-o", out]) != 0
    assert "No results" in capsys.readouterr().err
    assert cli.main(["plan", "--province", "Lào Cai", "--year", "2020", "-o", out]) == 0
