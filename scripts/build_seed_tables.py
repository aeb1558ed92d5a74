"""Build the shipped tables in data/ from the compiled reference figures.

Run once by a maintainer when the reference compilation changes:

    python scripts/build_seed_tables.py ../shared/papi-reference

The app never reads the reference folder; it reads only what this script
writes into data/. Every score keeps a source id that points into
data/sources.csv.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

# GSO's six socio-economic regions.
REGIONS = [
    ("NMM", "Trung du và miền núi phía Bắc", "Northern Midlands and Mountains"),
    ("RRD", "Đồng bằng sông Hồng", "Red River Delta"),
    ("NCC", "Bắc Trung Bộ và duyên hải miền Trung", "North Central and Central Coast"),
    ("CHL", "Tây Nguyên", "Central Highlands"),
    ("SE", "Đông Nam Bộ", "Southeast"),
    ("MRD", "Đồng bằng sông Cửu Long", "Mekong River Delta"),
]
REGION_OF_OLD = {
    "NMM": [2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 24, 25],
    "RRD": [1, 22, 26, 27, 30, 31, 33, 34, 35, 36, 37],
    "NCC": [38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60],
    "CHL": [62, 64, 66, 67, 68],
    "SE": [70, 72, 74, 75, 77, 79],
    "MRD": [80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96],
}
# Regions of the 34 units from 1 July 2025 (region of the unit's seat).
REGION_OF_NEW = {
    "NMM": [4, 8, 11, 12, 14, 15, 19, 20, 25],
    "RRD": [1, 22, 24, 31, 33, 37],
    "NCC": [38, 40, 42, 44, 46, 48, 51, 56],
    "CHL": [52, 66, 68],
    "SE": [75, 79, 80],
    "MRD": [82, 86, 91, 92, 96],
}
NEW_NAME_EN = {"Huế": "Hue", "Hồ Chí Minh": "Ho Chi Minh City"}

# Spellings met in published files and the press that differ by more than
# diacritics, spacing or hyphens (those are matched by normalisation).
EXTRA_ALIASES = {
    79: ["TP. Hồ Chí Minh", "TP.HCM", "TPHCM", "HCM", "HCMC", "Thành phố Hồ Chí Minh",
         "Hồ Chí Minh", "Ho Chi Minh", "Sài Gòn", "Saigon"],
    46: ["Thừa Thiên-Huế", "Thua Thien-Hue", "TT Huế", "TT-Huế", "Huế", "Hue"],
    77: ["Bà Rịa-Vũng Tàu", "BR-VT", "BRVT", "Vũng Tàu", "Ba Ria Vung Tau"],
    1: ["TP. Hà Nội", "Hanoi", "Thủ đô Hà Nội"],
    48: ["TP. Đà Nẵng", "Danang"],
    31: ["TP. Hải Phòng", "Haiphong"],
    92: ["TP. Cần Thơ", "Cantho"],
    66: ["Đăk Lăk", "Đắc Lắc", "Daklak"],
    67: ["Đăk Nông", "Đắc Nông", "Daknong"],
    17: ["Hoà Bình"],
    38: ["Thanh Hoá"],
    56: ["Khánh Hoà"],
    6: ["Bắc Cạn"],
}
NEW_EXTRA_ALIASES = {
    79: ["TP. Hồ Chí Minh", "TP.HCM", "TPHCM", "HCM", "HCMC", "Thành phố Hồ Chí Minh", "Saigon"],
    46: ["Thành phố Huế", "TP. Huế", "Thừa Thiên Huế"],
    1: ["TP. Hà Nội", "Hanoi"],
}

BREAKS = [
    # code, first year of the new definition, note_en, note_vi
    ("TOTAL", 2018, "Scale changes from 60 (6 dimensions) to 80 (8 dimensions).",
     "Thang điểm đổi từ 60 (6 chỉ số nội dung) sang 80 (8 chỉ số nội dung)."),
    ("D2", 2018, "Access to Information (D2.1) added: 3 then 4 sub-dimensions.",
     "Thêm nội dung thành phần Tiếp cận thông tin (D2.1): từ 3 lên 4 nội dung thành phần."),
    ("D3", 2016, "Sub-dimensions change: Responsiveness replaces Community Investment Supervision Boards.",
     "Thay đổi nội dung thành phần: Đáp ứng kiến nghị thay Ban Giám sát đầu tư cộng đồng."),
    ("D3", 2018, "Sub-dimensions change: Access to Justice replaces People's Inspection Boards.",
     "Thay đổi nội dung thành phần: Tiếp cận dịch vụ tư pháp thay Ban Thanh tra nhân dân."),
    ("D3.2", 2021, "Level shift (median ~1.0 to ~0.47): indicator change suspected.",
     "Mức điểm giảm mạnh (trung vị ~1,0 xuống ~0,47): nghi có thay đổi chỉ tiêu."),
    ("D5", 2021, "Construction Permits (D5.2) dropped: 4 then 3 sub-dimensions.",
     "Bỏ nội dung Giấy phép xây dựng (D5.2): từ 4 còn 3 nội dung thành phần."),
    ("D5.1", 2021, "Maximum rises from 2.5 to 3.33 (3 sub-dimensions).", "Điểm tối đa tăng từ 2,5 lên 3,33."),
    ("D5.3", 2021, "Maximum rises from 2.5 to 3.33 (3 sub-dimensions).", "Điểm tối đa tăng từ 2,5 lên 3,33."),
    ("D5.4", 2021, "Maximum rises from 2.5 to 3.33 (3 sub-dimensions).", "Điểm tối đa tăng từ 2,5 lên 3,33."),
    ("D7.1", 2019, "Level shift (median ~1.9 to ~1.0): indicator change suspected.",
     "Mức điểm giảm mạnh (trung vị ~1,9 xuống ~1,0): nghi có thay đổi chỉ tiêu."),
    ("D8", 2019, "E-Responsiveness (D8.3) added: 2 then 3 sub-dimensions.",
     "Thêm nội dung Phúc đáp qua cổng thông tin điện tử (D8.3): từ 2 lên 3 nội dung thành phần."),
    ("D8.1", 2019, "Maximum falls from 5 to 3.33 (3 sub-dimensions).", "Điểm tối đa giảm từ 5 xuống 3,33."),
    ("D8.2", 2019, "Maximum falls from 5 to 3.33 (3 sub-dimensions).", "Điểm tối đa giảm từ 5 xuống 3,33."),
    ("D8.3", 2020, "Level shift (median ~1.36 to ~0.41): indicator change suspected.",
     "Mức điểm giảm mạnh (trung vị ~1,36 xuống ~0,41): nghi có thay đổi chỉ tiêu."),
    ("D2.2", 2018, "Maximum falls from 3.33 to 2.5 (4 sub-dimensions).", "Điểm tối đa giảm từ 3,33 xuống 2,5."),
    ("D2.3", 2018, "Maximum falls from 3.33 to 2.5 (4 sub-dimensions).", "Điểm tối đa giảm từ 3,33 xuống 2,5."),
    ("D2.4", 2018, "Maximum falls from 3.33 to 2.5 (4 sub-dimensions).", "Điểm tối đa giảm từ 3,33 xuống 2,5."),
]


def _short_source(text: str) -> tuple[str, str]:
    """Map a reference citation to a stable id and a readable citation."""
    year = re.search(r"PAPI (\d{4})\)", text).group(1)
    if text.startswith("derived:"):
        return f"derived-{year}", (
            f"PAPI {year}: sum of the sub-dimension scores (hnks-gh/ml-mcdm@d165721 data/csv/{year}.csv); "
            "checked against the official workbook values parsed in tunah72/papi-dashboard@2e42ab8"
        )
    if text.startswith("hnks-gh"):
        return f"hnks-{year}", f"PAPI {year}: hnks-gh/ml-mcdm@d165721 data/csv/{year}.csv"
    return f"papi-org-{year}", (
        f"PAPI {year}: papi.org.vn provincial data, via mdtrinh/vietnamdata@5e8d4e7 "
        f"data-raw/PAPI/PAPI_2011-2016.xlsx sheet {year}_PAPI"
    )


def build(ref: Path) -> None:
    DATA.mkdir(exist_ok=True)
    prov = pd.read_csv(ref / "provinces.csv")
    lineage = pd.read_csv(ref / "provinces_2025_lineage.csv")
    scores = pd.read_csv(ref / "papi_scores_long.csv")
    dims = pd.read_csv(ref / "dimensions.csv")

    # Provinces: one row per unit and era; the year says which era applies.
    region_old = {g: r for r, gs in REGION_OF_OLD.items() for g in gs}
    region_new = {g: r for r, gs in REGION_OF_NEW.items() for g in gs}
    rows = []
    for p in prov.itertuples():
        rows.append(dict(gso_code=p.gso_code, era=63, first_year=2011, last_year=2024,
                         name_vi=p.province_vi.replace("Thừa Thiên-Huế", "Thừa Thiên Huế"),
                         name_en=p.province_en, region=region_old[p.gso_code]))
    en_of_old = dict(zip(prov.province_vi, prov.province_en))
    for code, grp in lineage.groupby("new_gso_code"):
        name = grp.new_province_vi.iloc[0]
        rows.append(dict(gso_code=code, era=34, first_year=2025, last_year="",
                         name_vi=name, name_en=NEW_NAME_EN.get(name, en_of_old.get(name, name)),
                         region=region_new[code]))
    provinces = pd.DataFrame(rows)
    assert len(provinces) == 63 + 34, len(provinces)
    assert provinces.region.notna().all()
    provinces.to_csv(DATA / "provinces.csv", index=False)

    pd.DataFrame(REGIONS, columns=["region", "name_vi", "name_en"]).to_csv(DATA / "regions.csv", index=False)

    lineage[["old_gso_code", "new_gso_code"]].sort_values(["new_gso_code", "old_gso_code"]).to_csv(
        DATA / "lineage_2025.csv", index=False)

    aliases = []
    for p in provinces.itertuples():
        extra = (EXTRA_ALIASES if p.era == 63 else NEW_EXTRA_ALIASES).get(p.gso_code, [])
        for a in [p.name_vi, p.name_en, *extra]:
            aliases.append(dict(era=p.era, gso_code=p.gso_code, alias=a))
    pd.DataFrame(aliases).drop_duplicates().to_csv(DATA / "aliases.csv", index=False)

    # Codebook: one row per (code, first_year) as the reference has it.
    level = {"TOTAL": "total"}
    cb = dims.rename(columns={"max_score": "scale_max"}).copy()
    cb["level"] = cb.code.map(lambda c: level.get(c, "dimension" if "." not in c else "subdimension"))
    cb["parent"] = cb.parent.fillna("")
    cb["scale_min"] = 0
    cb = cb[["code", "level", "parent", "first_year", "last_year", "scale_min", "scale_max",
             "name_vi", "name_en", "notes"]]
    cb.to_csv(DATA / "codebook.csv", index=False)
    pd.DataFrame(BREAKS, columns=["code", "year", "note_en", "note_vi"]).to_csv(DATA / "breaks.csv", index=False)

    # Scores, tidy, keyed by the GSO code (unambiguous within a year's era).
    code_of = dict(zip(prov.province_vi, prov.gso_code))
    code_of["Thừa Thiên Huế"] = code_of.get("Thừa Thiên-Huế", 46)
    src = scores.source.map(_short_source)
    out = pd.DataFrame({
        "year": scores.year,
        "province_code": scores.province_vi.map(code_of),
        "indicator": scores.code,
        "value": scores.score,
        "source": src.map(lambda s: s[0]),
    })
    assert out.province_code.notna().all(), scores[out.province_code.isna()].province_vi.unique()
    out["province_code"] = out.province_code.astype(int)
    out.sort_values(["year", "province_code", "indicator"]).to_csv(DATA / "scores.csv", index=False)
    sources = pd.DataFrame(sorted(set(src)), columns=["source", "citation"])
    sources.to_csv(DATA / "sources.csv", index=False)
    print(f"scores: {len(out)} rows, provinces: {len(provinces)}, aliases: {len(aliases)}, sources: {len(sources)}")


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "papi-reference"))
