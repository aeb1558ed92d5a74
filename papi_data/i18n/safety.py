"""Strings of the safeguards: sign-in back-off, database field limits, the
shipped batch, an empty store."""

STRINGS = {
    "db_newer_schema": {
        "vi": "Cơ sở dữ liệu đã được một phiên bản bảng điều khiển mới hơn nâng cấp (lược đồ {found}; máy chủ "
              "này chỉ biết đến {known}). Máy chủ này không đọc và không ghi gì vào đó: hãy nâng cấp máy chủ này.",
        "en": "The database was upgraded by a newer version of the dashboard (schema {found}; this server knows "
              "up to {known}). This server reads and writes nothing in it: upgrade this server."},
    "auth_wait": {"vi": "Đang kiểm tra mật khẩu (chờ {s} giây vì gần đây có nhiều lần nhập sai)…",
                  "en": "Checking the password (a {s}-second wait after recent failed attempts)…"},
    "auth_locked_session": {
        "vi": "Phiên này đã nhập sai 5 lần. Hãy tải lại trang để thử tiếp (mỗi lần thử sẽ phải chờ lâu hơn).",
        "en": "Five failed attempts in this session. Reload the page to try again (each attempt then waits longer)."},
    "db_too_long": {
        "vi": "{field} dài {n} ký tự, quá giới hạn {max} ký tự của cơ sở dữ liệu; chưa ghi gì. Hãy rút ngắn{hint}.",
        "en": "{field} is {n} characters long, over the database's limit of {max}; nothing was written. "
              "Shorten it{hint}."},
    "db_field_user": {"vi": "Tên người thực hiện", "en": "The name of the person"},
    "db_field_file": {"vi": "Tên tệp", "en": "The file name"},
    "db_field_source": {"vi": "Mã nguồn số liệu", "en": "The source code"},
    "db_field_indicator": {"vi": "Mã chỉ số", "en": "The indicator code"},
    "db_field_plan_number": {"vi": "Số kế hoạch", "en": "The plan number"},
    "db_field_plan_date": {"vi": "Ngày kế hoạch", "en": "The plan date"},
    "db_field_kind": {"vi": "Loại mục tiêu", "en": "The target kind"},
    "tgt_err_too_long": {"vi": "{field} dài {n} ký tự, quá giới hạn {max} ký tự.",
                         "en": "{field} is {n} characters long, over the limit of {max}."},
    "store_empty": {
        "vi": "Kho dữ liệu không còn điểm số nào: mọi đợt nhập, kể cả số liệu công bố đi kèm (đợt 1), đã bị hoàn tác. "
              "Chuyên viên phân tích có thể nhập lại ở trang Cập nhật dữ liệu.",
        "en": "The store holds no scores: every import batch, the published history shipped with the dashboard "
              "(batch 1) too, is rolled back. An analyst can import again on the Data page."},
    "db_hint_file": {"vi": " (đổi tên tệp rồi tải lên lại)", "en": " (rename the file and upload it again)"},
}
