"""Strings of the decision aids: what-if, trend classes."""

STRINGS = {
    "whatif_title": {"vi": "Nếu… (giả định thay đổi điểm)", "en": "What if… (assumed score changes)"},
    "whatif_delta": {"vi": "Thay đổi {code}", "en": "Change in {code}"},
    "whatif_result": {
        "vi": "Tổng {value}: nhóm {tier}, hạng {rank}, nếu các tỉnh khác giữ nguyên như năm {year}.",
        "en": "Total {value}: {tier} tier, rank {rank}, if other provinces stay as in {year}.",
    },
    "whatif_range": {
        "vi": "Nhóm Cao nhất trong {top} trên {n} điều kiện của các năm trước cùng chuỗi so sánh được.",
        "en": "Top tier in {top} of {n} earlier comparable years' conditions.",
    },
    "trends_title": {"vi": "Xu hướng (cảnh báo sớm)", "en": "Trends (early warning)"},
    "trends_rule": {
        "vi": ("Tốc độ dài hạn = (giá trị cuối − đầu) / số năm trong chuỗi so sánh được gần nhất (không vượt qua "
               "thay đổi 2017→2018 hay thay đổi thang điểm); tốc độ gần đây = như vậy trên 3 năm khảo sát cuối. "
               "Dưới 0,2% thang điểm mỗi năm coi là không đổi. Dưới 4 năm: chuỗi quá ngắn."),
        "en": ("Long-run rate = (last − first value) / years over the latest comparable series (never across "
               "2017→2018 or a scale change); recent rate = the same over its last 3 survey years. Below 0.2% of "
               "the scale a year counts as no change. Under 4 years: too short."),
    },
    "trends_rule_button": {"vi": "Quy tắc xếp loại xu hướng", "en": "Trend class rule"},
    "trend_increasing_improvement": {"vi": "Cải thiện tăng tốc", "en": "Increasing improvement"},
    "trend_slowing_improvement": {"vi": "Cải thiện chậm lại", "en": "Slowing improvement"},
    "trend_warning_signs": {"vi": "Dấu hiệu cảnh báo", "en": "Warning signs"},
    "trend_bouncing_back": {"vi": "Đang phục hồi", "en": "Bouncing back"},
    "trend_slowing_deterioration": {"vi": "Suy giảm chậm lại", "en": "Slowing deterioration"},
    "trend_increasing_deterioration": {"vi": "Suy giảm tăng tốc", "en": "Increasing deterioration"},
    "trend_no_clear_change": {"vi": "Không thay đổi rõ", "en": "No clear change"},
    "trend_too_short": {"vi": "Chuỗi quá ngắn", "en": "Too short"},
    "trend_filter": {"vi": "Lọc tỉnh theo xu hướng {code}", "en": "Provinces by trend in {code}"},
    "trend_filter_said": {"vi": "Số tỉnh: {n}. {cls}: {means} Trong chuỗi so sánh được đến năm {year}.",
                          "en": "Provinces: {n}. {cls}: {means} Within the comparable series up to {year}."},
    "trend_filter_none": {"vi": "Không có tỉnh nào.", "en": "No province."},
    "diff_exceeds": {"vi": "{a} – {b}: chênh lệch lớn hơn sai số (khoảng tin cậy 95%).",
                     "en": "{a} – {b}: the gap exceeds its uncertainty (95%)."},
    "diff_within": {"vi": "{a} – {b}: chênh lệch nằm trong sai số.", "en": "{a} – {b}: the gap is within its uncertainty."},
    "diff_no_interval": {"vi": "Không có sai số hay khoảng tin cậy cho các điểm này: không thể nói chênh lệch có thực "
                               "hay không.", "en": "No standard error or interval is known for these values: whether "
                                                   "the gaps are real cannot be said."},
    "trend_col_series": {"vi": "Chuỗi so sánh được", "en": "Comparable series"},
    "trend_increasing_improvement_means": {"vi": "tăng dài hạn, gần đây tăng nhanh bằng hoặc hơn.",
                                           "en": "up over the long run, as fast or faster recently."},
    "trend_slowing_improvement_means": {"vi": "tăng dài hạn, gần đây tăng chậm hơn hoặc đứng yên.",
                                        "en": "up over the long run, slower or flat recently."},
    "trend_warning_signs_means": {"vi": "tăng dài hạn nhưng gần đây giảm.",
                                  "en": "up over the long run but down recently."},
    "trend_bouncing_back_means": {"vi": "giảm dài hạn nhưng gần đây tăng.",
                                  "en": "down over the long run but up recently."},
    "trend_slowing_deterioration_means": {"vi": "giảm dài hạn, gần đây giảm chậm hơn hoặc đứng yên.",
                                          "en": "down over the long run, slower or flat recently."},
    "trend_increasing_deterioration_means": {"vi": "giảm dài hạn, gần đây giảm nhanh bằng hoặc hơn.",
                                             "en": "down over the long run, as fast or faster recently."},
    "trend_no_clear_change_means": {"vi": "tốc độ dài hạn dưới ngưỡng không đổi.",
                                    "en": "the long-run rate is below the no-change threshold."},
    "trend_too_short_means": {"vi": "dưới 4 năm khảo sát trong chuỗi so sánh được.",
                              "en": "fewer than 4 survey years in the comparable series."},
    "trend_col_class": {"vi": "Xu hướng", "en": "Trend"},
    "trend_col_long": {"vi": "Tốc độ dài hạn/năm", "en": "Long-run rate/yr"},
    "trend_col_recent": {"vi": "Tốc độ gần đây/năm", "en": "Recent rate/yr"},
}
