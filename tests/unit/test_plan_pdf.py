import shutil
import subprocess

import pytest

from papi_data import provinces
from papi_data.plan import document


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftoppm")),
                    reason="LibreOffice (soffice) or pdftoppm is not installed")
def test_draft_converts_to_pdf_and_renders(enriched, tmp_path):
    src = tmp_path / "plan.docx"
    src.write_bytes(document.build(enriched, provinces.lookup("Lào Cai", 2019), 2020, "vi"))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, timeout=120, capture_output=True)
    pdf = tmp_path / "plan.pdf"
    assert pdf.stat().st_size > 0
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=60)
    pngs = list(tmp_path.glob("page*.png"))
    assert pngs and pngs[0].stat().st_size > 1000
