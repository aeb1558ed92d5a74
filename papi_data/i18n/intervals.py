"""Strings of the 95% intervals on charts and of the verdict on a change
(docs/TRENDS.md, "Differences that are real")."""

STRINGS = {
    "ival_hover": {"vi": "95%: {low}–{high}", "en": "95%: {low}–{high}"},
    "ival_none": {"vi": "Không có khoảng tin cậy cho các giá trị này",
                  "en": "No confidence interval is known for these values"},
    "ival_bars_title": {"vi": "{indicator}, PAPI {year}", "en": "{indicator}, PAPI {year}"},
    "ival_verdict_exceeds": {"vi": "lớn hơn sai số", "en": "larger than its uncertainty"},
    "ival_verdict_within": {"vi": "trong phạm vi sai số", "en": "within its uncertainty"},
    "ival_verdict_unknown": {"vi": "chưa biết khoảng tin cậy", "en": "no interval known"},
    "ival_change_label": {"vi": "Thay đổi so với {prev}: {verdict}", "en": "Change since {prev}: {verdict}"},
    "ival_rule_button": {"vi": "Quy tắc sai số", "en": "Uncertainty rule"},
    "ival_rule": {
        "vi": ("Thay đổi được coi là lớn hơn sai số khi cả hai điểm có sai số chuẩn và |chênh lệch| > "
               "1,96 · √(se₁² + se₂²) (kiểm định z hai phía, mức 5%). Nếu chỉ có khoảng tin cậy 95%: khi hai "
               "khoảng không giao nhau (chặt hơn). Nếu một điểm không có cả hai: chưa biết khoảng tin cậy. "
               "Xem docs/TRENDS.md, mục \"Differences that are real\"."),
        "en": ("A change is larger than its uncertainty when both values carry a standard error and |difference| > "
               "1.96 · √(se₁² + se₂²) (a two-sided z-test at 5%). With only 95% intervals: when the two intervals "
               "do not overlap (stricter). Where either value has neither: no interval known. "
               "See docs/TRENDS.md, \"Differences that are real\"."),
    },
}
