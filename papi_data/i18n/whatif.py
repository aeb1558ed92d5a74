"""Strings of the what-if form (profile and targets pages) and its deck slide."""

STRINGS = {
    "wif_pick": {"vi": "Chỉ số giả định thay đổi (chỉ số nội dung hoặc nội dung thành phần)",
                 "en": "Indicators assumed to change (dimensions or sub-dimensions)"},
    "wif_pick_help": {
        "vi": ("Chọn một hay nhiều chỉ số rồi nhập mức thay đổi của từng chỉ số. Thay đổi một nội dung thành "
               "phần làm chỉ số nội dung của nó và điểm tổng hợp thay đổi đúng bằng mức đó."),
        "en": ("Pick one or more indicators, then the change of each. A change to a sub-dimension moves its "
               "dimension and the total by the same amount."),
    },
    "wif_pick_none": {"vi": "Chưa chọn chỉ số nào: điểm như đã công bố.",
                      "en": "No indicator picked: the scores as published."},
    "wif_assumed": {"vi": "Giả định: {changes}.", "en": "Assumed: {changes}."},
    "wif_span": {
        "vi": "Theo điều kiện của các năm {years}: hạng {ranks}, nhóm {tiers}.",
        "en": "Under the conditions of {years}: rank {ranks}, {tiers} tier.",
    },
    "wif_no_span": {"vi": "Không có năm trước nào so sánh được với năm {year}.",
                    "en": "No earlier year is comparable with {year}."},
    "wif_not_scored": {"vi": "{province} không có điểm năm {year}: không thể giả định thay đổi.",
                       "en": "{province} has no scores for {year}: no change can be assumed."},
    "wif_deck_title": {"vi": "Nếu… (giả định thay đổi điểm, PAPI {year})",
                       "en": "What if… (assumed score changes, PAPI {year})"},
    "wif_deck_note": {
        "vi": "Nhóm theo tứ phân vị của các tỉnh; không phải kết quả công bố.",
        "en": "Tiers are the provinces' quartile tiers; not a published result.",
    },
    "wif_out_of_scale": {"vi": "Với thay đổi này, {indicator} sẽ là {value}, ngoài thang điểm {low}–{high}: hãy chọn mức thay đổi nhỏ hơn.",
                         "en": "With this change, {indicator} would be {value}, outside its {low}–{high} scale: choose a smaller change."},
}
