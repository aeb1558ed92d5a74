"""Strings of published and computed tiers, borderline cases and ranks."""

STRINGS = {
    "tier_basis_published": {"vi": "theo công bố", "en": "as published"},
    "tier_basis_computed": {"vi": "tính theo tứ phân vị", "en": "computed"},
    "tier_basis_file": {"vi": "theo tệp chính thức", "en": "from the official file"},
    "tier_basis_col": {"vi": "Cách xếp nhóm", "en": "Tier basis"},
    "tier_near_cut": {"vi": "sát ngưỡng", "en": "near the cut"},
    "tier_published_note": {
        "vi": "Nhóm theo công bố của PAPI (nguồn: {citation}).",
        "en": "Groups as published by PAPI (source: {citation}).",
    },
    "tier_computed_note": {
        "vi": "Nhóm tính theo tứ phân vị: không có bản công bố nhóm chính thức cho năm và chỉ số này.",
        "en": "Groups computed from quartiles: no published groups are on record for this year and indicator.",
    },
    "tier_rule": {
        "vi": ("Quy tắc: trong các tỉnh có điểm năm đó, nhóm Cao nhất khi điểm ≥ phân vị 75, Trung bình cao "
               "khi ≥ trung vị, Trung bình thấp khi ≥ phân vị 25, còn lại Thấp nhất (nội suy tuyến tính). "
               "«Sát ngưỡng»: điểm cách một ngưỡng dưới {share}% thang điểm ({margin} điểm với thang {scale}), "
               "hoặc khoảng tin cậy 95% chứa ngưỡng. Nhóm theo công bố (khi có) được dùng thay cho quy tắc này."),
        "en": ("Rule: among the provinces scored that year, High when the score is at or above the 75th "
               "percentile, High-average at or above the median, Low-average at or above the 25th percentile, "
               "otherwise Low (linear interpolation). 'Near the cut': within {share}% of the scale of a cut "
               "point ({margin} points on a {scale}-point scale), or a 95% interval containing it. Published "
               "groups, where on record, replace this rule."),
    },
    "rank_caption": {"vi": "Xếp hạng {rank}.", "en": "Rank {rank}."},
    "tier_rule_label": {"vi": "Cách tính nhóm", "en": "How tiers are computed"},
    "tier_with_basis": {"vi": "{name} ({basis})", "en": "{name} ({basis})"},
    "tgt_tier_basis_note": {
        "vi": ("Cột «Nhóm thực tế» ghi nhóm theo công bố của PAPI khi có bản công bố, nếu không thì nhóm tính theo "
               "tứ phân vị; mục tiêu nhóm được đánh giá theo đó, và ghi «sát ngưỡng» khi điểm tính ra ở sát ngưỡng."),
        "en": ("The 'Actual tier' column gives PAPI's published group where one is on record, otherwise the computed "
               "quartile tier; tier targets are judged on it, and say 'near the cut' when a computed score is close "
               "to the cut point."),
    },
    "tgt_met_near": {"vi": "Đạt (sát ngưỡng)", "en": "Met (near the cut)"},
    "tgt_not_met_near": {"vi": "Chưa đạt (sát ngưỡng)", "en": "Not met (near the cut)"},
    "rank_with_total": {
        "vi": "{rank} ({total} tỉnh; {n} tỉnh không được xếp hạng năm nay)",
        "en": "{rank} ({total} provinces; {n} not ranked this year)",
    },
    "rank_with_names": {
        "vi": "{rank} ({total} tỉnh; {n} tỉnh không được xếp hạng năm nay: {names})",
        "en": "{rank} ({total} provinces; {n} not ranked this year: {names})",
    },
    "rank_not_ranked": {
        "vi": "{total} tỉnh; {n} tỉnh không được xếp hạng năm nay: {names}.",
        "en": "{total} provinces; {n} not ranked this year: {names}.",
    },
    "grp_title": {"vi": "Nhóm theo công bố", "en": "Published groups"},
    "grp_caption": {
        "vi": ("Các bản ghi nhóm PAPI đã công bố đang được dùng (mỗi nhóm: số tỉnh và/hoặc khoảng điểm, có nguồn). "
               "Năm và chỉ số không có ở đây được tính theo tứ phân vị."),
        "en": ("The records of PAPI's published groups in use (each group: a count and/or a score range, with its "
               "source). Years and indicators not listed are computed from quartiles."),
    },
    "grp_col_n": {"vi": "Số tỉnh", "en": "Provinces"},
    "grp_col_count": {"vi": "Số tỉnh công bố", "en": "Published count"},
    "grp_col_score_min": {"vi": "Điểm từ", "en": "Score from"},
    "grp_col_score_max": {"vi": "Điểm đến", "en": "Score to"},
    "grp_col_lowest": {"vi": "Điểm thấp nhất", "en": "Lowest score"},
    "grp_col_highest": {"vi": "Điểm cao nhất", "en": "Highest score"},
    "grp_col_source": {"vi": "Nguồn", "en": "Source"},
    "grp_source": {"vi": "Nguồn: ghi ở từng nhóm (cột Nguồn)", "en": "Sources: given for each group (Source column)"},
    "grp_open": {"vi": "Nhập tệp nhóm theo công bố", "en": "Import a file of published groups"},
    "grp_upload": {"vi": "Tải lên tệp nhóm (CSV: year, indicator, tier, count, score_min, score_max, source, citation)",
                   "en": "Upload a group file (CSV: year, indicator, tier, count, score_min, score_max, source, citation)"},
    "grp_rejected": {"vi": "Tệp bị từ chối: {n} lỗi. Không có gì được ghi.",
                     "en": "File refused: {n} problem(s). Nothing was written."},
    "grp_valid": {"vi": "Tệp hợp lệ: {n} bản ghi (năm, chỉ số).", "en": "File valid: {n} record(s) (year, indicator)."},
    "grp_import": {"vi": "Nhập nhóm theo công bố", "en": "Import the published groups"},
    "grp_imported": {"vi": "Đã nhập {n} bản ghi nhóm từ {file}.", "en": "Imported {n} group record(s) from {file}."},
    "vintage_title": {"vi": "Nguồn của từng năm", "en": "Where each year comes from"},
    "vintage_col_year": {"vi": "Năm", "en": "Year"},
    "vintage_col_release": {"vi": "Bản phát hành / nguồn", "en": "Release / source"},
    "vintage_col_groups": {"vi": "Nhóm tổng hợp", "en": "Overall groups"},
    "vintage_revised": {"vi": "Sửa lại theo PAPI {release}", "en": "Revised by PAPI {release}"},
    "vintage_revised_note": {
        "vi": ("Tệp này (PAPI {release}) sửa lại {n} giá trị của năm {years} so với dữ liệu hiện có. Khi nhập, "
               "giá trị mới được dùng và giá trị cũ vẫn được giữ trong lần nhập trước (hoàn tác để dùng lại)."),
        "en": ("This file (PAPI {release}) revises {n} values of {years} against the current data. On import the "
               "new values are used and the earlier ones stay in the earlier batch (roll back to use them again)."),
    },
    "vintage_groups_published": {"vi": "theo công bố ({source})", "en": "as published ({source})"},
    "vintage_caption": {
        "vi": "Mỗi giá trị giữ nguồn và lần nhập của nó; so sánh giữa các năm dùng các giá trị này.",
        "en": "Every value keeps its source and import batch; comparisons across years use these values.",
    },
    "vintage_series": {"vi": "Nguồn từng năm: {runs}.", "en": "Source of each year: {runs}."},
    "vintage_change_mixed": {
        "vi": "Mức thay đổi so sánh hai nguồn khác nhau: {prev} — {before}; {year} — {now}.",
        "en": "The change compares two different sources: {prev} — {before}; {year} — {now}.",
    },
    "vintage_imported": {"vi": "tệp đã nhập ({source})", "en": "imported file ({source})"},
    "vintage_unweighted": {
        "vi": ("Điểm tổng hợp 2011–2016 là chỉ số không trọng số (tổng điểm 6 chỉ số nội dung); papi.org.vn còn "
               "công bố chỉ số có trọng số, không có ở đây. Một số tỉnh nói «đứng đầu» các năm đó theo chỉ số có "
               "trọng số. Chỉ số có trọng số, khi tệp được nhập có cột này, được lưu thành một chỉ số riêng "
               "(TOTAL_W, xếp hạng riêng), không bao giờ lẫn với điểm tổng hợp."),
        "en": ("The 2011–2016 totals are the unweighted index (the sum of the 6 dimensions); papi.org.vn also "
               "published a weighted index, which is not shipped. Some provinces' claims of first place in those "
               "years refer to the weighted one. A weighted total, where an imported file carries it, is kept as "
               "its own indicator (TOTAL_W, ranked on its own), never mixed with the total."),
    },
    "vintage_mixed": {
        "vi": ("Từ 2020, tệp chính thức công bố lại các năm trước với giá trị đã sửa ở một số chỉ số (D7.1, D8.3); "
               "chuỗi 2017–2024 ở đây có thể trộn các bản phát hành. Ví dụ: điểm trung bình 2018 công bố lúc ra "
               "mắt là 43,78, dữ liệu ở đây cho 44,08."),
        "en": ("From 2020 the official workbooks re-issue earlier years with revised values on some indicators "
               "(D7.1, D8.3); the 2017–2024 series shipped here may mix releases. For example, the 2018 national "
               "mean published at launch is 43.78; the data here give 44.08."),
    },
}
