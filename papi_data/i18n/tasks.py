"""Strings of plan tasks: import errors."""

STRINGS = {
    "task_no_table": {"vi": "không tìm thấy bảng nhiệm vụ (cần các cột Số TT, Nhiệm vụ, Cơ quan chủ trì, Thời gian hoàn thành)",
                      "en": "no task table found (needs columns No., Task, Lead agency, Deadline)"},
    "task_missing_cols": {"vi": "bảng thiếu cột {cols}", "en": "the table lacks the column(s) {cols}"},
    "task_empty": {"vi": "bảng nhiệm vụ không có dòng nào", "en": "the task table has no rows"},
    "task_no_text": {"vi": "dòng {row}: thiếu nội dung nhiệm vụ", "en": "row {row}: the task text is missing"},
    "task_dup": {"vi": "số thứ tự {no} lặp lại", "en": "task number {no} appears twice"},
    "task_format": {"vi": "định dạng không hỗ trợ (dùng .docx, .xlsx hoặc .csv)",
                    "en": "unsupported format (use .docx, .xlsx or .csv)"},
    "task_where_table": {"vi": "bảng {n}", "en": "table {n}"},
}
