"""The papi.org.vn data download (2011–2016) rebuilt from the shipped
scores in exactly its layout: one sheet per year `2011_PAPI` …; two header
rows, English then Vietnamese; `tinhid`, `tentinh_eng`, `tentinh_vie`;
each dimension followed by its sub-dimensions; the total last (headed
`Un-weighted2015PAPI` on the 2016 sheet, as published); a code-999
"Highest" / "Điểm cao nhất" row of =PERCENTILE formulas (no cached values:
openpyxl does not compute, like a file saved by a script); and the typos
and spellings real files carry."""
from __future__ import annotations

import openpyxl

from papi_data import codebook, provinces
from tests.unit.workbooks import save, shipped

YEARS = list(range(2011, 2017))
# Spellings as the download writes them, and some a re-typed copy adds.
NAMES_VI = {1: "Hà  Nội ", 79: "TP.Hồ Chí Minh", 46: "Thừa Thiên - Huế", 77: "Bà Rịa-Vũng Tàu",
            92: "TP. Cần Thơ", 56: "Khánh Hoà", 31: "Thành phố Hải Phòng", 48: "Đà\u00a0Nẵng"}
NAMES_EN = {79: "Ho Chi Minh City", 46: "Thua Thien-Hue", 77: "Ba Ria-Vung Tau"}
# Header typos of the kind the published files carry (the other language is right).
TYPOS_EN = {"D1.1": "Civic Knowlegde", "D6.4": "Law and  Order", "D4": "Control of Corruption in Public Sector"}


def columns(year: int) -> list[str]:
    out = []
    for d in codebook.indicators(year, "dimension"):
        out.append(d)
        out += codebook.children(d, year)
    return out + ["TOTAL"]


def _heads(code: str, year: int) -> tuple[str, str]:
    if code == "TOTAL":
        en = "Un-weighted2015PAPI" if year == 2016 else f"Un-weighted PAPI {year}"
        return en, "Chỉ số PAPI tổng hợp (không có trọng số)"
    d = codebook.definition(code, year)
    return TYPOS_EN.get(code, d.name_en), d.name_vi


def weighted(value: float) -> float:
    """The weighted total a `weighted=True` workbook carries for a TOTAL."""
    return round(value * 0.98 + 0.5, 6)


def workbook(years=YEARS, edit=None, weighted_total: bool = False) -> bytes:
    """`weighted_total`: a weighted total column after the unweighted one, as
    papi.org.vn also published (`weighted()` of the TOTAL)."""
    sc = shipped()
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    sheets = {}
    for y in years:
        ws = wb.create_sheet(f"{y}_PAPI")
        sheets[y] = ws
        cols = columns(y)
        w_heads = ([f"Weighted PAPI {y}"], ["Chỉ số PAPI tổng hợp có trọng số"]) if weighted_total else ([], [])
        ws.append(["tinhid", "tentinh_eng", "tentinh_vie"] + [_heads(c, y)[0] for c in cols] + w_heads[0])
        ws.append(["Mã tỉnh", "Tên tỉnh (tiếng Anh)", "Tên tỉnh"] + [_heads(c, y)[1] for c in cols] + w_heads[1])
        vals = sc[sc.year == y].set_index(["province_code", "indicator"]).value
        provs = provinces.in_year(y).sort_values("gso_code")
        for code, en, vi in zip(provs.gso_code, provs.name_en, provs.name_vi):
            code = int(code)
            row = [code, NAMES_EN.get(code, en), NAMES_VI.get(code, vi)]
            # a province PAPI did not score that year: an empty row, as published
            row += [float(vals[(code, c)]) if (code, c) in vals.index else None for c in cols]
            if weighted_total:
                row.append(weighted(float(vals[(code, "TOTAL")])) if (code, "TOTAL") in vals.index else None)
            ws.append(row)
        last = ws.max_row
        ws.append([999, "Highest", "Điểm cao nhất"] + [
            f"=PERCENTILE({openpyxl.utils.get_column_letter(j)}3:{openpyxl.utils.get_column_letter(j)}{last},1)"
            for j in range(4, 4 + len(cols) + int(weighted_total))])
    if edit:
        edit(sheets)
    return save(wb)


def values(years=YEARS):
    """The shipped values the workbook holds."""
    sc = shipped()
    return sc[sc.year.isin(list(years))]
