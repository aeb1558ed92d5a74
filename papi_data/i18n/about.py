"""Strings of the About page's reference sections."""

STRINGS = {
    "about_indicators_title": {"vi": "Các chỉ số theo từng giai đoạn", "en": "The indicators, period by period"},
    "about_indicators_caption": {
        "vi": "PAPI đổi định nghĩa một số chỉ số qua các năm. Mỗi giai đoạn dưới đây giữ nguyên các chỉ số nội "
              "dung, nội dung thành phần và thang điểm; chỉ so sánh trực tiếp trong cùng một giai đoạn.",
        "en": "PAPI changed some definitions over the years. Each period below kept the same dimensions, "
              "sub-dimensions and scales; compare directly only within one period."},
    "about_period": {"vi": "Giai đoạn", "en": "Period"},
    "about_period_label": {"vi": "{start}–{end}", "en": "{start}–{end}"},
    "about_col_code": {"vi": "Mã", "en": "Code"},
    "about_col_name": {"vi": "Chỉ số", "en": "Indicator"},
    "about_col_max": {"vi": "Điểm tối đa", "en": "Maximum"},
    "about_col_change": {"vi": "Thay đổi từ đầu giai đoạn", "en": "Change at the start of the period"},
    "about_tiers_title": {"vi": "Cách xếp nhóm", "en": "How tiers are set"},
    "about_unranked_title": {"vi": "Tỉnh không có điểm từng năm", "en": "Provinces without scores, year by year"},
    "about_unranked_caption": {
        "vi": "Các tỉnh có trên bản đồ năm đó nhưng không có điểm tổng hợp trong số liệu đã công bố; lý do theo nguồn được ghi.",
        "en": "Provinces on that year's map without a total score in the published data; the reason as the source gives it."},
    "about_unranked_none": {"vi": "Năm nào PAPI cũng công bố điểm cho mọi tỉnh.",
                            "en": "PAPI published scores for every province in every year."},
    "about_col_province": {"vi": "Tỉnh/thành phố", "en": "Province"},
    "about_col_reason": {"vi": "Lý do", "en": "Reason"},
    "about_col_source": {"vi": "Nguồn", "en": "Source"},
    "about_reason_unknown": {"vi": "không rõ (chưa có nguồn nêu lý do)", "en": "not known (no source gives a reason)"},
    "about_reports_title": {"vi": "Báo cáo PAPI từng năm", "en": "Each year's PAPI report"},
    "about_reports_caption": {
        "vi": "Báo cáo đầy đủ của mỗi năm được đăng tại trang tài liệu của PAPI; ngày công bố và bài thông báo "
              "ghi ở nơi có nguồn.",
        "en": "Each year's full report is on PAPI's documents page; the launch date and announcement are given "
              "where a source is on record."},
    "about_col_launched": {"vi": "Ngày công bố", "en": "Launched"},
    "about_col_report": {"vi": "Báo cáo", "en": "Report"},
    "about_col_launch": {"vi": "Thông báo công bố", "en": "Launch announcement"},
}
