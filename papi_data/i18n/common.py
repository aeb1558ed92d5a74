"""Strings shared by every page and the command line."""

STRINGS = {
    "app_title": {"vi": "Chỉ số PAPI — Bảng theo dõi của tỉnh", "en": "PAPI dashboard"},
    "app_subtitle": {
        "vi": "Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI), 2011–{last}",
        "en": "Provincial Governance and Public Administration Performance Index (PAPI), 2011–{last}",
    },
    "language": {"vi": "Ngôn ngữ", "en": "Language"},
    "url_not_understood": {"vi": "Không hiểu giá trị trong địa chỉ: {values}. Đang hiển thị lựa chọn mặc định.",
                           "en": "Not understood in the address: {values}. Showing the default choice instead."},
    "share_link": {"vi": "Liên kết tới trang này", "en": "Link to this view"},
    "share_link_help": {"vi": "Sao chép để mở lại đúng trang này (nút sao chép ở góc phải).",
                        "en": "Copy it to reopen exactly this view (copy button on the right)."},
    "upload_button": {"vi": "Chọn tệp", "en": "Upload"},
    "upload_limit": {"vi": "Tối đa {mb} MB mỗi tệp · {types}", "en": "Up to {mb} MB per file · {types}"},
    "year": {"vi": "Năm", "en": "Year"},
    "province": {"vi": "Tỉnh/thành phố", "en": "Province"},
    "indicator": {"vi": "Chỉ số", "en": "Indicator"},
    "value": {"vi": "Điểm", "en": "Score"},
    "rank": {"vi": "Xếp hạng", "en": "Rank"},
    "tier": {"vi": "Nhóm", "en": "Tier"},
    "coverage_title": {"vi": "Dữ liệu hiện có", "en": "Data coverage"},
    "coverage_caption": {
        "vi": "{years} năm × {provinces} tỉnh/thành phố × {indicators} chỉ số — {values} giá trị điểm.",
        "en": "{years} years × {provinces} provinces × {indicators} indicators — {values} score values.",
    },
    "col_year": {"vi": "Năm", "en": "Year"},
    "col_provinces": {"vi": "Số tỉnh có điểm", "en": "Provinces scored"},
    "col_provinces_total": {"vi": "Số tỉnh có điểm tổng hợp", "en": "Provinces with a total"},
    "col_indicators": {"vi": "Số chỉ số", "en": "Indicators"},
    "col_values": {"vi": "Số giá trị", "en": "Values"},
    "source_papi": {"vi": "Nguồn: PAPI {years} — CECODES, VFF-CRT, RTA & UNDP", "en": "Source: PAPI {years} — CECODES, VFF-CRT, RTA & UNDP"},
    "missing_note": {
        "vi": "Ô trống là năm PAPI không công bố điểm cho tỉnh đó; không có ước tính.",
        "en": "A blank means PAPI published no score for that province that year; nothing is estimated.",
    },
    "scale_break_total": {
        "vi": "Điểm tổng hợp tính trên thang 60 (2011–2017) và thang 80 (từ 2018): không so sánh trực tiếp qua mốc 2017→2018.",
        "en": "The total is out of 60 in 2011–2017 and out of 80 from 2018: not directly comparable across 2017→2018.",
    },
}
STRINGS.update({
    "page_home": {"vi": "Giới thiệu", "en": "About the data"},
})
