"""Real workbooks in each published PAPI layout, built with openpyxl from
the scores shipped in data/ — what the import tests read back.

- `indicator_rows(years)`: the 2018-on layout, one sheet per year
  (`2023_VIE_ENG`), indicators as rows, provinces as columns, English and
  Vietnamese labels, a scale column, "Mã tỉnh" and province rows, five
  statistics per indicator and percent indicator rows under each
  sub-dimension; with `mapping_2024=True` the four extra header rows
  mapping old provinces to the 34 new ones and blank separator columns.
- `province_rows(year)`: the 2011–2017 layout (provinces as rows, the
  sub-dimensions on "Điểm thành phần 1…6", a "highest" row).
- `template_csv(frame)` / `template_xlsx(frame)`: the project's long template.
- `ci_of(value, code)`: the CI and standard error the fixtures publish.
"""
from __future__ import annotations

import io
from functools import lru_cache

import openpyxl
import pandas as pd

from papi_data import DATA_DIR, codebook, provinces

# Spellings as they vary in the published files (spacing, hyphens, prefixes)
VARIANTS = {1: "Hà  Nội ", 46: "Thừa Thiên-Huế", 77: "Bà Rịa-Vũng Tàu", 79: "TP. Hồ Chí Minh",
            92: "TP. Cần Thơ", 10: "Lao Cai"}


@lru_cache(maxsize=1)
def shipped() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "scores.csv")


def year_frame(year: int) -> pd.DataFrame:
    df = shipped()
    return df[df.year == year][["year", "province_code", "indicator", "value"]].reset_index(drop=True)


def merged_2025() -> pd.DataFrame:
    """Scores for the 34 new provinces (PAPI 2025 has not been published:
    each new unit gets the mean of its predecessors' 2024 sub-dimensions,
    dimensions and total summed from them, so the sums hold)."""
    df = year_frame(2024)
    subs = df[df.indicator.str.count(r"\.") == 1].copy()
    subs["province_code"] = subs.province_code.map(provinces.successor)
    subs = subs.groupby(["province_code", "indicator"], as_index=False).value.mean()
    subs["value"] = subs.value.round(6)
    rows = [subs]
    for d in codebook.indicators(2024, "dimension"):
        kids = codebook.children(d, 2024)
        s = subs[subs.indicator.isin(kids)].groupby("province_code").value.sum().round(6).reset_index()
        rows.append(s.assign(indicator=d))
    out = pd.concat(rows)
    dims = out[out.indicator.isin(codebook.indicators(2024, "dimension"))]
    tot = dims.groupby("province_code").value.sum().round(6).reset_index().assign(indicator="TOTAL")
    out = pd.concat([out, tot]).assign(year=2025)
    return out[["year", "province_code", "indicator", "value"]].reset_index(drop=True)


def ci_of(value: float, code: str) -> tuple[float, float, float]:
    half = 0.05 + 0.01 * (len(code) % 4)
    lo, hi = round(value - half, 6), round(value + half, 6)
    return lo, hi, round((hi - lo) / 3.92, 6)


def _scale_text(code: str, year: int) -> str:
    lo, hi = codebook.scale(code, year)
    if code == "TOTAL":
        return f"{int(hi / 8) if year >= 2018 else 10}-{int(hi)} điểm/points"
    if codebook.get(code).level == "dimension":
        return "1-10 điểm/points"
    return f"{hi / 10:.2f}-{hi:.2f} điểm/points"


def _sheet_indicator_rows(wb, year: int, scores: pd.DataFrame, sheet: str, *, ci: bool, mapping_2024: bool,
                          names=None, zero_missing: bool = False, weighted_total: bool = False):
    ws = wb.create_sheet(sheet)
    era = provinces.era_of(year)
    provs = provinces.in_year(year).sort_values("gso_code")
    codes = list(provs.gso_code)
    names = names or {c: VARIANTS.get(c, n) if era == 63 else n for c, n in zip(provs.gso_code, provs.name_vi)}
    # province columns; the 2024 file groups old provinces by new unit with a blank column between groups
    layout: list[int | None] = []
    if mapping_2024:
        groups: dict[int, list[int]] = {}
        for c in codes:
            groups.setdefault(provinces.successor(c), []).append(c)
        for new in sorted(groups):
            layout += groups[new] + [None]
    else:
        layout = codes
    first = 4
    ws.cell(1, 1, f"PAPI {year} — Provincial indicators / Bảng chỉ tiêu cấp tỉnh")
    r = 2
    if mapping_2024:
        heads = [("New province code (from 1 July 2025)", "Mã tỉnh mới (từ 1/7/2025)"),
                 ("New province", "Tỉnh/thành phố mới"),
                 ("New province (English)", "Tên tiếng Anh tỉnh mới"),
                 ("Note", "Ghi chú")]
        for i, (en, vi) in enumerate(heads):
            ws.cell(r + i, 1, en)
            ws.cell(r + i, 2, vi)
        for j, code in enumerate(layout):
            if code is None:
                continue
            new = provinces.successor(code)
            col = first + j
            ws.cell(r, col, new)
            ws.cell(r + 1, col, provinces.name(new, 2025))
            ws.cell(r + 2, col, provinces.name(new, 2025, "en"))
            ws.cell(r + 3, col, "Sáp nhập" if len(provinces.predecessors(new)) > 1 else "Giữ nguyên")
        r += 4
    ws.cell(r, 1, "Province code")
    ws.cell(r, 2, "Mã tỉnh")
    ws.cell(r + 1, 1, "Province")
    ws.cell(r + 1, 2, "Tỉnh/thành phố")
    ws.cell(r + 1, 3, "Thang điểm/Scale")
    for j, code in enumerate(layout):
        if code is not None:
            ws.cell(r, first + j, code)
            ws.cell(r + 1, first + j, names[code])
    r += 2
    vals = scores.set_index(["indicator", "province_code"]).value

    def put(label_en, label_vi, scale, getter):
        nonlocal r
        ws.cell(r, 1, label_en)
        ws.cell(r, 2, label_vi)
        ws.cell(r, 3, scale)
        for j, code in enumerate(layout):
            if code is None:
                continue
            v = getter(code)
            if v is None and zero_missing:
                v = 0
            if v is not None:
                ws.cell(r, first + j, v)
        r += 1

    def block(code, en, vi):
        scale = _scale_text(code, year)
        get = lambda p: (float(vals[(code, p)]) if (code, p) in vals.index else None)  # noqa: E731
        put(en, vi, scale, get)
        w = lambda p: None if get(p) is None else round(get(p) * 1.01, 6)  # noqa: E731
        if code != "TOTAL" or weighted_total:
            put(f"{en} (weighted)", f"{vi} (có trọng số)", scale, w)
        if ci:
            for k, (sen, svi) in enumerate([("95% CI Low", "Điểm thấp (95% CI)"), ("95% CI High", "Điểm cao (95% CI)"),
                                            ("Standard Error", "Sai số chuẩn")]):
                put(sen, svi, scale, lambda p, k=k: None if get(p) is None else ci_of(get(p), code)[k])

    block("TOTAL", f"Unweighted PAPI score (sum of {len(codebook.indicators(year, 'dimension'))} dimensions)",
          f"Chỉ số PAPI tổng hợp {year} (không có trọng số)")
    for d in codebook.indicators(year, "dimension"):
        n = d[1:]
        ind = codebook.definition(d, year)
        block(d, f"Dimension {n}: {ind.name_en}", f"Chỉ số nội dung {n}: {ind.name_vi}")
        for j, s in enumerate(codebook.children(d, year), start=1):
            si = codebook.definition(s, year)
            block(s, f"Sub-dimension {n}.{j}: {si.name_en}", f"Nội dung thành phần {n}.{j}: {si.name_vi}")
            put(f"% of respondents who rated {si.name_en.lower()} positively",
                f"Tỷ lệ người dân đánh giá tốt ({si.name_vi.lower()})", "%",
                lambda p: 40.0 + (p % 50))
    return ws


def indicator_rows(years, *, ci: bool = True, mapping_2024: bool | None = None, scores: pd.DataFrame | None = None,
                   sheet_name=lambda y: f"{y}_VIE_ENG", names=None, zero_missing: bool = False,
                   edit=None, weighted_total: bool = False) -> bytes:
    """A 2018-on workbook with one sheet per year. `scores` overrides the
    shipped values; `edit(ws_by_year)` may alter cells before saving.
    Every indicator but the total has its Weighted row (TOTAL x 1.01 style);
    `weighted_total` writes the total's too, which the reader keeps as
    TOTAL_W."""
    years = [years] if isinstance(years, int) else list(years)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    sheets = {}
    for y in sorted(years, reverse=True):
        sc = scores[scores.year == y] if scores is not None else (merged_2025() if y == 2025 else year_frame(y))
        m = (y == 2024) if mapping_2024 is None else mapping_2024
        sheets[y] = _sheet_indicator_rows(wb, y, sc, sheet_name(y), ci=ci, mapping_2024=m, names=names,
                                          zero_missing=zero_missing, weighted_total=weighted_total)
    if edit:
        edit(sheets)
    return save(wb)


def province_rows(year: int, *, scores: pd.DataFrame | None = None, tab_year: int | None = None, edit=None) -> bytes:
    """A 2011–2017 workbook: summary sheet (provinces as rows, dimensions and
    total as columns, a 'highest' row) and one 'Điểm thành phần N' sheet per
    dimension with its sub-dimensions."""
    sc = year_frame(year) if scores is None else scores
    vals = sc.set_index(["indicator", "province_code"]).value
    provs = provinces.in_year(year).sort_values("gso_code")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = f"{tab_year or year}PAPI- Bảng tổng hợp kết quả"
    ws.cell(1, 1, f"Chỉ số PAPI {tab_year or year} - Bảng tổng hợp kết quả")
    dims = codebook.indicators(year, "dimension")
    heads = ["tinhid", "tentinh_eng", "tentinh_vie"]
    heads += [f"{d[1:]}: {codebook.definition(d, year).name_vi} / {codebook.definition(d, year).name_en}" for d in dims]
    heads += ["Chỉ số PAPI (không có trọng số) / Unweighted PAPI Index"]
    codes = dims + ["TOTAL"]
    sheets = {"main": ws}

    def fill(ws, codes, start_row):
        for j, h in enumerate(heads_local, start=1):
            ws.cell(start_row, j, h)
        r = start_row + 1
        for code, en, vi in zip(provs.gso_code, provs.name_en, provs.name_vi):
            ws.cell(r, 1, int(code))
            ws.cell(r, 2, en)
            ws.cell(r, 3, VARIANTS.get(int(code), vi))
            for j, ind in enumerate(codes, start=4):
                if (ind, code) in vals.index:
                    ws.cell(r, j, float(vals[(ind, code)]))
            r += 1
        ws.cell(r, 3, "Điểm cao nhất / Highest")
        for j, ind in enumerate(codes, start=4):
            ws.cell(r, j, float(sc[sc.indicator == ind].value.max()))

    heads_local = heads
    fill(ws, codes, 3)
    for d in dims:
        n = d[1:]
        name = f"Điêm thành phần {n}" if n == "5" else f"Điểm thành phần {n}"  # the typo is in real files
        sub = wb.create_sheet(name)
        sheets[d] = sub
        kids = codebook.children(d, year)
        sub.cell(1, 1, f"Chỉ số nội dung {n}: {codebook.definition(d, year).name_vi}")
        heads_local = ["tinhid", "tentinh_eng", "tentinh_vie"] + [
            f"{n}.{j} {codebook.definition(k, year).name_vi} / {codebook.definition(k, year).name_en}"
            for j, k in enumerate(kids, start=1)]
        fill(sub, kids, 2)
    if edit:
        edit(sheets)
    return save(wb)


def save(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def template_frame(scores: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    names = {c: provinces.name(c, int(y), lang) for y, c in set(zip(scores.year, scores.province_code))}
    return pd.DataFrame({"year": scores.year.values, "province": scores.province_code.map(names).values,
                         "indicator": scores.indicator.values, "value": scores.value.values})


def template_csv(frame: pd.DataFrame, sep: str = ",", decimal: str = ".", bom: bool = False) -> bytes:
    text = frame.to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\n")
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def template_xlsx(frame: pd.DataFrame, title_rows: int = 0) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    for i in range(title_rows):
        ws.append([f"Bảng nhập điểm PAPI (dòng tiêu đề {i + 1})"])
    ws.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        ws.append([None if (isinstance(v, float) and v != v) else v for v in row])
    return save(wb)
