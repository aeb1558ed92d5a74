"""Strings of the data page, the import messages and the import commands."""

STRINGS = {
    # where a problem is
    "imp_where_sheet": {"vi": "trang tính “{sheet}”", "en": "sheet “{sheet}”"},
    "imp_where_cell": {"vi": "ô {cell}", "en": "cell {cell}"},
    # file-level problems
    "imp_err_empty": {"vi": "Tệp rỗng: không có dữ liệu để đọc.", "en": "The file is empty: there is nothing to read."},
    "imp_err_too_large": {"vi": "Tệp quá lớn ({size} MB); giới hạn là {limit} MB.",
                          "en": "The file is too large ({size} MB); the limit is {limit} MB."},
    "imp_err_encrypted": {
        "vi": "Sổ tính được bảo vệ bằng mật khẩu (mã hoá). Hãy mở trong Excel, bỏ mật khẩu rồi lưu lại dạng .xlsx.",
        "en": "The workbook is password-protected (encrypted). Open it in Excel, remove the password and save it as .xlsx."},
    "imp_err_legacy_xls": {"vi": "Định dạng Excel cũ (.xls) không được hỗ trợ. Hãy lưu lại dạng .xlsx.",
                           "en": "The old Excel format (.xls) is not supported. Save the file as .xlsx."},
    "imp_err_corrupt": {"vi": "Sổ tính bị hỏng hoặc không đọc được (không phải tệp .xlsx hợp lệ).",
                        "en": "The workbook is damaged or unreadable (not a valid .xlsx file)."},
    "imp_err_wrong_type": {"vi": "Loại tệp không đúng ({ext}): chỉ nhận sổ tính .xlsx hoặc bảng .csv.",
                           "en": "Wrong file type ({ext}): only .xlsx workbooks and .csv tables are accepted."},
    "imp_err_not_text": {
        "vi": "Tệp mang đuôi {ext} nhưng không phải bảng văn bản (nội dung là {content}). Hãy chọn sổ tính .xlsx hoặc bảng .csv.",
        "en": "The file is named {ext} but is not a text table (its content is {content}). Choose an .xlsx workbook or a .csv table."},
    "imp_err_encoding": {"vi": "Tệp CSV không ở mã UTF-8. Hãy lưu lại với mã UTF-8 (“CSV UTF-8” trong Excel).",
                         "en": "The CSV file is not UTF-8. Save it again as UTF-8 (“CSV UTF-8” in Excel)."},
    "imp_err_no_layout": {
        "vi": "Không nhận ra bố cục của tệp: không phải bảng PAPI đã công bố (2011–2017 hoặc từ 2018) hay mẫu nhập dữ liệu.",
        "en": "The layout is not recognised: neither a published PAPI table (2011–2017 or 2018 on) nor the import template."},
    "imp_err_formula_no_value": {
        "vi": "Công thức chưa có giá trị tính sẵn ({formula}). Hãy mở tệp trong Excel, để Excel tính rồi lưu lại.",
        "en": "Formula without a computed value ({formula}). Open the file in Excel, let it calculate, and save it."},
    "imp_err_unreadable": {"vi": "Không đọc được tệp ({error}); chưa ghi gì.",
                           "en": "The file could not be read ({error}); nothing was written."},
    "imp_err_no_provinces": {"vi": "Không tìm thấy hàng tên tỉnh/thành phố.", "en": "No row of province names found."},
    "imp_err_no_values": {"vi": "Tệp không có giá trị điểm nào.", "en": "The file holds no score values."},
    # cells
    "imp_err_unknown_province": {"vi": "Không nhận ra tỉnh “{name}”. Có phải: {suggestions}?",
                                 "en": "Unknown province “{name}”. Did you mean: {suggestions}?"},
    "imp_err_code_mismatch": {
        "vi": "Mã tỉnh {gso} ({code_name}) mâu thuẫn với tên “{name}” ({name_name}, mã {expected}). Mã tỉnh xác định tỉnh: hãy sửa tên hoặc mã.",
        "en": "Province code {gso} ({code_name}) contradicts the name “{name}” ({name_name}, code {expected}). The code identifies the province: correct the name or the code."},
    "imp_err_unknown_province_count": {
        "vi": "Không nhận ra tỉnh “{name}” ({n} giá trị chưa nhập được). Có phải: {suggestions}? Chuyên viên có thể chọn tỉnh đúng hoặc bỏ qua cột này.",
        "en": "Unknown province “{name}” ({n} values cannot be placed). Did you mean: {suggestions}? An analyst can map it to a province or skip this column."},
    "imp_err_unknown_indicator_count": {
        "vi": "Không có chỉ số “{label}” trong PAPI {year} ({n} giá trị). Có thể nhập các chỉ số đã biết và bỏ riêng hàng này.",
        "en": "PAPI {year} has no indicator “{label}” ({n} values). The known indicators can be imported leaving this row out."},
    "imp_err_column_without_province_count": {
        "vi": "Cột có {n} giá trị nhưng không có tên hay mã tỉnh ({cells}).",
        "en": "A column holds {n} values but no province name or code ({cells})."},
    "imp_err_name_by_code": {
        "vi": "Tên “{name}” không nhận ra; theo mã tỉnh {gso}, cột được đọc là {province}.",
        "en": "The name “{name}” is not recognised; by its province code {gso} the column is read as {province}."},
    "imp_err_province_skipped": {"vi": "Đã bỏ qua cột “{name}” theo lựa chọn của chuyên viên ({n} giá trị không nhập).",
                                 "en": "Column “{name}” skipped as the analyst chose ({n} values left out)."},
    "imp_err_province_skipped_row": {"vi": "Đã bỏ qua hàng “{name}” theo lựa chọn của chuyên viên.",
                                     "en": "Row “{name}” skipped as the analyst chose."},
    "imp_err_summary_row_skipped": {
        "vi": "Bỏ qua hàng tổng hợp “{name}” (mã {gso}; không phải một tỉnh).",
        "en": "Summary row “{name}” skipped (code {gso}; not a province)."},
    "imp_err_indicator_left_out": {
        "vi": "Đã để riêng chỉ số “{label}” (không có trong bộ chỉ số PAPI {year}): không nhập.",
        "en": "Indicator “{label}” left out as chosen (not in the PAPI {year} codebook): not imported."},
    "imp_err_indicator_left_out_count": {
        "vi": "Đã để riêng chỉ số “{label}” (không có trong bộ chỉ số PAPI {year}): {n} giá trị không nhập.",
        "en": "Indicator “{label}” left out as chosen (not in the PAPI {year} codebook): {n} values not imported."},
    "imp_err_encoding_legacy": {
        "vi": "Tệp văn bản dùng bảng mã tiếng Việt cũ ({encoding}), không phải Unicode. Hãy mở trong Excel và lưu lại dạng “CSV UTF-8” (hoặc chuyển mã sang Unicode bằng Unikey).",
        "en": "The text file uses a legacy Vietnamese encoding ({encoding}), not Unicode. Open it in Excel and save it as “CSV UTF-8” (or convert it to Unicode with Unikey)."},
    "imp_err_duplicate_province": {"vi": "Tỉnh {name} xuất hiện hai lần (lần đầu ở {first}).",
                                   "en": "{name} appears twice (first at {first})."},
    "imp_err_unknown_indicator": {"vi": "Không có chỉ số “{label}” trong PAPI {year}.",
                                  "en": "PAPI {year} has no indicator “{label}”."},
    "imp_err_duplicate_row": {"vi": "Chỉ số {indicator} có hai hàng giống nhau (hàng đầu: {first}).",
                              "en": "Indicator {indicator} has two identical rows (the first is row {first})."},
    "imp_err_duplicate_column": {"vi": "Chỉ số {indicator} có hai cột (cột đầu: {first}).",
                                 "en": "Indicator {indicator} has two columns (the first is {first})."},
    "imp_err_not_a_number": {"vi": "Ô điểm chứa “{value}”, không phải số.",
                             "en": "A score cell holds “{value}”, which is not a number."},
    "imp_err_group_label": {
        "vi": "Ô nhóm chứa “{label}”, không phải tên nhóm PAPI (Cao nhất, Trung bình cao, Trung bình thấp, Thấp nhất "
              "hoặc 1–4).",
        "en": "A group cell holds “{label}”, which is not a PAPI group (Best performers/High, High average, "
              "Low average, Poor performers/Low, or 1–4)."},
    "imp_err_group_record": {"vi": "Nhóm theo công bố của {indicator} {year} trong tệp không dùng được: {reason_vi}.",
                             "en": "The file's published groups of {indicator} {year} cannot be used: {reason_en}."},
    "imp_err_column_without_province": {"vi": "Cột có số liệu nhưng không có tên hay mã tỉnh.",
                                        "en": "A column holds values but no province name or code."},
    "imp_err_zero_as_missing": {
        "vi": "{n} ô ghi 0 được hiểu là “chưa có số liệu” như trong bảng công bố ({cells}).",
        "en": "{n} cells holding 0 are read as “not scored”, as in the published tables ({cells})."},
    "imp_err_missing_columns": {"vi": "Thiếu cột: {columns}. Mẫu cần các cột year, province, indicator, value.",
                                "en": "Missing columns: {columns}. The template needs year, province, indicator, value."},
    "imp_err_bad_year": {"vi": "Năm “{value}” không hợp lệ.", "en": "“{value}” is not a valid year."},
    "imp_err_missing_value": {"vi": "Thiếu giá trị điểm.", "en": "The score is missing."},
    "imp_err_year_not_in_file": {"vi": "Tệp không có số liệu năm {year} (có: {found}).",
                                 "en": "The file has no data for {year} (it has: {found})."},
    "imp_err_year_unknown": {
        "vi": "Không xác định được năm của số liệu. Hãy đặt năm vào tên tệp hoặc tên trang tính (ví dụ 2025_VIE_ENG).",
        "en": "Cannot tell which year the data are for. Put the year in the file or sheet name (e.g. 2025_VIE_ENG)."},
    "imp_err_year_twice": {"vi": "Năm {year} có ở hai trang tính (cả “{other}”).",
                           "en": "{year} appears on two sheets (also “{other}”)."},
    "imp_err_future_year": {"vi": "Năm {year} chưa kết thúc: PAPI chưa thể có kết quả năm này.",
                            "en": "{year} is not over yet: PAPI cannot have results for it."},
    "imp_err_duplicate": {"vi": "{indicator} của {province} năm {year} có nhiều lần ({cells}).",
                          "en": "{indicator} for {province} in {year} is given more than once ({cells})."},
    "imp_err_out_of_scale": {"vi": "{indicator} của {province} năm {year} = {value}, ngoài thang điểm {lo}–{hi}.",
                             "en": "{indicator} for {province} in {year} = {value}, outside its scale {lo}–{hi}."},
    "imp_err_sum_dimension": {
        "vi": "{indicator} của {province} năm {year} = {value} nhưng tổng các nội dung thành phần {parts} = {total} (lệch {diff}, cho phép 0,01).",
        "en": "{indicator} for {province} in {year} = {value} but its sub-dimensions {parts} sum to {total} (off by {diff}; tolerance 0.01)."},
    "imp_err_sum_total": {
        "vi": "Điểm tổng hợp của {province} năm {year} = {value} nhưng tổng các chỉ số nội dung {parts} = {total} (lệch {diff}, cho phép 0,01).",
        "en": "The total for {province} in {year} = {value} but its dimensions {parts} sum to {total} (off by {diff}; tolerance 0.01)."},
    "imp_err_ci_order": {"vi": "{indicator} của {province} năm {year} = {value} nằm ngoài khoảng tin cậy {lo}–{hi}.",
                         "en": "{indicator} for {province} in {year} = {value} lies outside its confidence interval {lo}–{hi}."},
    "imp_err_negative_se": {"vi": "Sai số chuẩn âm ({value}) cho {indicator} của {province} năm {year}.",
                            "en": "Negative standard error ({value}) for {indicator}, {province}, {year}."},
    # bounds and hostile files (papi_data/ingest/bounds.py)
    "imp_err_zip_parts": {"vi": "Sổ tính có {n} phần nén, vượt giới hạn {limit}: không phải tệp Excel thông thường; chưa đọc gì.",
                          "en": "The workbook holds {n} zipped parts, over the limit of {limit}: not an ordinary Excel file; nothing was read."},
    "imp_err_zip_ratio": {
        "vi": "Phần “{part}” của sổ tính bị nén {ratio} lần (giới hạn {limit} lần): tệp được tạo để làm cạn bộ nhớ, không phải tệp Excel lưu ra; chưa đọc gì.",
        "en": "Part “{part}” of the workbook is compressed {ratio} times (limit {limit}): a file made to exhaust memory, not one Excel saves; nothing was read."},
    "imp_err_zip_inflated": {
        "vi": "Khi giải nén, sổ tính lớn {size} MB, vượt giới hạn {limit} MB; chưa đọc gì.",
        "en": "Unzipped, the workbook would take {size} MB, over the limit of {limit} MB; nothing was read."},
    "imp_err_xml_dtd": {
        "vi": "Phần “{part}” khai báo DTD/thực thể XML (Excel không bao giờ ghi như vậy; có thể bung ra vô hạn); tệp bị từ chối.",
        "en": "Part “{part}” declares an XML DTD or entities (Excel never writes them; they can expand without end); the file is refused."},
    "imp_err_too_many_rows": {
        "vi": "Trang tính kéo tới hàng {rows} (kích thước {kind}), vượt giới hạn {limit} hàng; chưa đọc tiếp.",
        "en": "The sheet reaches row {rows} ({kind} extent), over the limit of {limit} rows; reading stopped."},
    "imp_err_too_many_columns": {
        "vi": "Trang tính kéo tới cột {column} (cột thứ {n}, kích thước {kind}), vượt giới hạn {limit} cột; chưa đọc tiếp.",
        "en": "The sheet reaches column {column} (column {n}, {kind} extent), over the limit of {limit} columns; reading stopped."},
    "imp_err_too_many_cells": {
        "vi": "Tệp có tới {n} ô (hàng × cột của các trang tính), vượt giới hạn {limit} ô; chưa đọc tiếp.",
        "en": "The file spans {n} cells (rows × columns of its sheets), over the limit of {limit}; reading stopped."},
    "imp_err_cell_too_long": {"vi": "Một ô chứa {n} ký tự, vượt giới hạn {limit}; chưa đọc tiếp.",
                              "en": "A cell holds {n} characters, over the limit of {limit}; reading stopped."},
    "imp_err_line_too_long": {"vi": "Dòng dài {n} ký tự, vượt giới hạn {limit}; chưa đọc tiếp.",
                              "en": "A line of {n} characters, over the limit of {limit}; reading stopped."},
    "imp_err_macro": {
        "vi": "Sổ tính có macro (vbaProject.bin, .xlsm): không nhận. Hãy lưu lại dạng “Excel Workbook (.xlsx)” không có macro.",
        "en": "The workbook holds macros (vbaProject.bin, .xlsm): refused. Save it as “Excel Workbook (.xlsx)” without macros."},
    "imp_err_external_value": {
        "vi": "Giá trị được lấy từ một sổ tính khác ({formula}); số lưu sẵn có thể đã cũ. Hãy dán giá trị (Paste Values) rồi lưu lại.",
        "en": "The value comes from another workbook ({formula}); the cached number may be out of date. Paste it as a value and save."},
    "imp_err_hidden_sheets": {
        "vi": "Có {n} trang tính ẩn không được đọc: {names}. Chỉ đọc khi chọn “Đọc cả trang tính ẩn”.",
        "en": "{n} hidden sheet(s) not read: {names}. They are read only when “Read hidden sheets too” is chosen."},
    "imp_err_out_of_memory": {
        "vi": "Không đủ bộ nhớ để đọc tệp (giới hạn {limit} MB cho một lần đọc); tệp không hỏng nhưng quá nặng; chưa ghi gì.",
        "en": "Not enough memory to read the file (limit {limit} MB per read); the file is not damaged but too heavy; nothing was written."},
    "imp_err_timeout": {"vi": "Đọc tệp quá {limit} giây nên đã dừng; chưa ghi gì.",
                        "en": "Reading the file took over {limit} s and was stopped; nothing was written."},
    "imp_err_busy": {"vi": "Máy chủ đang đọc các tệp khác; hãy thử lại sau ít phút.",
                     "en": "The server is busy reading other files; try again in a few minutes."},
    "imp_err_all_zero": {
        "vi": "Mọi giá trị của {province} năm {year} đều bằng 0 ({n} ô, {cells}): đây là tỉnh chưa được chấm điểm, không phải điểm 0.",
        "en": "Every value for {province} in {year} is 0 ({n} cells, {cells}): a province not scored, not real zeros."},
    "imp_err_ci_out_of_scale": {
        "vi": "{what} của {indicator}, {province} năm {year} = {value}, ngoài thang điểm {lo}–{hi}.",
        "en": "{what} of {indicator} for {province} in {year} = {value}, outside its scale {lo}–{hi}."},
    "imp_err_stale": {"vi": "Dữ liệu vừa được người khác thay đổi sau khi xem trước; chưa ghi gì. Hãy xem trước lại.",
                      "en": "Someone changed the data after this preview; nothing was written. Preview again."},
}

STRINGS.update({
    "page_data": {"vi": "Cập nhật dữ liệu", "en": "Data"},
    "data_title": {"vi": "Cập nhật dữ liệu PAPI", "en": "PAPI data: downloads and imports"},
    "data_intro": {
        "vi": "Tải số liệu hiện có; chuyên viên phân tích nhập kết quả PAPI mới, xem trước thay đổi, ghi và hoàn tác.",
        "en": "Download the current data; analysts import new PAPI results, preview the changes, commit and undo."},
    "tab_download": {"vi": "Tải về", "en": "Download"},
    "tab_import": {"vi": "Nhập dữ liệu mới", "en": "Import"},
    "tab_history": {"vi": "Lịch sử nhập", "en": "Import history"},
    "dl_current_title": {"vi": "Số liệu hiện có", "en": "Current data"},
    "dl_current_caption": {"vi": "{n} giá trị điểm, {years}; mỗi dòng một tỉnh, một năm, một chỉ số.",
                           "en": "{n} score values, {years}; one row per province, year and indicator."},
    "dl_csv": {"vi": "Tải CSV", "en": "Download CSV"},
    "dl_xlsx": {"vi": "Tải Excel", "en": "Download Excel"},
    "dl_template_title": {"vi": "Mẫu nhập dữ liệu", "en": "Import template"},
    "dl_template_caption": {
        "vi": "Bảng dài: year, province (tên hoặc mã tỉnh), indicator (TOTAL, D1, D1.1…), value; tuỳ chọn ci_low, ci_high, se. CSV dùng dấu phẩy hoặc chấm phẩy, số thập phân dấu chấm hoặc dấu phẩy, mã UTF-8.",
        "en": "A long table: year, province (name or GSO code), indicator (TOTAL, D1, D1.1…), value; optionally ci_low, ci_high, se. CSV separated by commas or semicolons, decimal point or comma, UTF-8."},
    "dl_template_csv": {"vi": "Tải mẫu CSV", "en": "Template (CSV)"},
    "dl_template_xlsx": {"vi": "Tải mẫu Excel", "en": "Template (Excel)"},
    "imp_upload": {"vi": "Chọn tệp kết quả PAPI (.xlsx) hoặc mẫu nhập dữ liệu (.csv, .txt, .xlsx)",
                   "en": "Choose a PAPI results workbook (.xlsx) or the import template (.csv, .txt, .xlsx)"},
    "imp_upload_help": {
        "vi": "Nhận bảng công bố 2011–2017, bảng từ 2018 (kể cả tệp 2024 có ánh xạ 34 tỉnh mới và tệp chấm điểm 34 tỉnh mới) và mẫu của ứng dụng.",
        "en": "Accepts the 2011–2017 tables, the 2018-on tables (including the 2024 file mapping to the 34 new provinces and files scoring the 34 new provinces) and the app's template."},
    "imp_detected": {"vi": "Bố cục: {layout}. Năm có trong tệp: {years}.", "en": "Layout: {layout}. Years in the file: {years}."},
    "imp_layout_indicator_rows": {"vi": "bảng công bố từ 2018 (chỉ số theo hàng)", "en": "published table, 2018 on (indicators as rows)"},
    "imp_layout_province_rows": {"vi": "bảng công bố 2011–2017 (tỉnh theo hàng)", "en": "published table, 2011–2017 (provinces as rows)"},
    "imp_layout_papi_org": {"vi": "bảng tải về từ papi.org.vn 2011–2016 (mỗi năm một trang tính)",
                           "en": "papi.org.vn data download, 2011–2016 (one sheet per year)"},
    "imp_who_system": {"vi": "hệ thống", "en": "system"},
    "imp_note_shipped": {"vi": "Số liệu PAPI đã công bố, đi kèm bảng điều khiển",
                         "en": "Published PAPI history shipped with the dashboard"},
    "imp_layout_template": {"vi": "mẫu nhập dữ liệu", "en": "import template"},
    "imp_layout_unknown": {"vi": "không nhận ra", "en": "not recognised"},
    "imp_years": {"vi": "Năm cần nhập", "en": "Years to import"},
    "imp_years_help": {"vi": "Tệp mới thường lặp lại các năm trước; chọn năm cần nhập.",
                       "en": "Newer files repeat earlier years; choose which to import."},
    "imp_errors": {"vi": "Tệp có {n} lỗi; chưa ghi gì. Hãy sửa tệp rồi tải lên lại.",
                   "en": "The file has {n} error(s); nothing was written. Fix the file and upload it again."},
    "imp_warnings": {"vi": "Lưu ý", "en": "Notes"},
    "imp_preview": {"vi": "Xem trước thay đổi", "en": "Preview of the changes"},
    "imp_preview_caption": {
        "vi": "Số giá trị theo năm và theo tỉnh. Những giá trị hiện có mà tệp không nhắc đến được giữ nguyên.",
        "en": "Values per year and per province. Current values the file does not mention are left alone."},
    "imp_by_province": {"vi": "Theo tỉnh", "en": "Per province"},
    "imp_groups_found": {
        "vi": "Tệp có nhóm theo công bố cho {indicator} {year}: {counts} — sẽ được lưu làm nhóm công bố.",
        "en": "The file gives published groups for {indicator} {year}: {counts} — they will be stored as the "
              "published groups."},
    "imp_changes": {"vi": "Giá trị thêm mới hoặc thay đổi (cũ → mới)", "en": "Added or changed values (old → new)"},
    "imp_nothing_new": {"vi": "Tệp không thay đổi gì so với số liệu hiện có.",
                        "en": "The file changes nothing in the current data."},
    "imp_commit": {"vi": "Ghi vào cơ sở dữ liệu", "en": "Commit to the database"},
    "imp_committed": {"vi": "Đã nhập đợt {batch}: {n} giá trị. Mọi trang đã hiển thị số liệu mới; có thể hoàn tác trong “Lịch sử nhập”.",
                      "en": "Imported as batch {batch}: {n} values. Every page now shows the new data; undo it under “Import history”."},
    "imp_status_added": {"vi": "Thêm mới", "en": "Added"},
    "imp_status_changed": {"vi": "Thay đổi", "en": "Changed"},
    "imp_status_ci": {"vi": "Chỉ thêm/đổi khoảng tin cậy", "en": "New CI/SE only"},
    "imp_status_ci_removed": {"vi": "Bỏ khoảng tin cậy đã lưu", "en": "Stored CI/SE removed"},
    "imp_hidden": {"vi": "Đọc cả trang tính ẩn", "en": "Read hidden sheets too"},
    "imp_hidden_help": {"vi": "Trang tính ẩn thường là bản nháp hay số liệu cũ; chỉ chọn khi chắc chắn cần.",
                        "en": "Hidden sheets are often drafts or old figures; choose this only when you are sure."},
    "imp_reading": {"vi": "Đang đọc tệp {file}…", "en": "Reading {file}…"},
    "imp_status_unchanged": {"vi": "Không đổi", "en": "Unchanged"},
    "imp_status_kept": {"vi": "Giữ nguyên (không có trong tệp)", "en": "Kept (not in the file)"},
    "imp_col_file": {"vi": "Tệp", "en": "File"},
    "imp_col_sheet": {"vi": "Trang tính", "en": "Sheet"},
    "imp_col_cell": {"vi": "Ô", "en": "Cell"},
    "imp_col_problem": {"vi": "Vấn đề", "en": "Problem"},
    "imp_col_status": {"vi": "Thay đổi", "en": "Change"},
    "imp_col_old": {"vi": "Cũ", "en": "Old"},
    "imp_col_new": {"vi": "Mới", "en": "New"},
    "imp_col_delta": {"vi": "Chênh lệch", "en": "Difference"},
    "imp_col_batch": {"vi": "Đợt", "en": "Batch"},
    "imp_col_when": {"vi": "Thời gian (UTC)", "en": "When (UTC)"},
    "imp_col_who": {"vi": "Người nhập", "en": "By"},
    "imp_col_rows": {"vi": "Số giá trị", "en": "Values"},
    "imp_col_state": {"vi": "Trạng thái", "en": "State"},
    "imp_col_note": {"vi": "Ghi chú", "en": "Note"},
    "imp_state_active": {"vi": "Đang dùng", "en": "Active"},
    "imp_state_rolled_back": {"vi": "Đã hoàn tác", "en": "Rolled back"},
    "imp_source": {"vi": "Nguồn: lịch sử nhập của cơ sở dữ liệu ứng dụng", "en": "Source: the app database's import log"},
    "imp_source_file": {"vi": "Nguồn: tệp tải lên {file} (chưa ghi)", "en": "Source: uploaded file {file} (not written)"},
    "rb_title": {"vi": "Hoàn tác một đợt nhập", "en": "Roll back an import"},
    "rb_pick": {"vi": "Đợt nhập", "en": "Import batch"},
    "rb_confirm": {"vi": "Tôi hiểu: số liệu đợt này sẽ không còn hiển thị, số liệu trước đó hiện lại.",
                   "en": "I understand: this batch's values stop showing and the earlier values show again."},
    "rb_button": {"vi": "Hoàn tác", "en": "Roll back"},
    "rb_done": {"vi": "Đã hoàn tác đợt {batch}; số liệu trước đó đã hiện lại.",
                "en": "Batch {batch} rolled back; the earlier values show again."},
    "rb_none": {"vi": "Chưa có đợt nhập nào để hoàn tác.", "en": "No import to roll back yet."},
    "rb_analyst_only": {"vi": "Chỉ chuyên viên phân tích được hoàn tác (đăng nhập ở thẻ “Nhập dữ liệu mới”).",
                        "en": "Only analysts may roll back (sign in under “Import”)."},
    # access
    "auth_none_title": {"vi": "Chưa cấu hình chuyên viên phân tích: không ai nhập hay hoàn tác được dữ liệu.",
                        "en": "No analyst is configured: nobody can import or roll back data."},
    "auth_none_help": {
        "vi": "Để cho phép nhập dữ liệu, người quản trị máy chủ chọn một trong hai cách:\n\n"
              "1. **Mật khẩu chung**: chạy `python -m papi_data hash-password`, rồi đặt kết quả vào "
              "`.streamlit/secrets.toml`:\n\n   ```toml\n   [analyst]\n   password_hash = \"scrypt$…\"\n   ```\n\n"
              "   hoặc vào biến môi trường `PAPI_ANALYST_PASSWORD_HASH`.\n"
              "2. **Đăng nhập OpenID Connect** (Google, Microsoft…): thêm mục `[auth]` theo hướng dẫn `st.login` của Streamlit "
              "và danh sách người được phép: `[analyst] emails = [\"ten@so-noi-vu.gov.vn\"]` hoặc `domains = [\"…\"]`.\n\n"
              "Sau đó khởi động lại ứng dụng.",
        "en": "To allow imports, the server administrator picks one of two ways:\n\n"
              "1. **A shared password**: run `python -m papi_data hash-password` and put the result in "
              "`.streamlit/secrets.toml`:\n\n   ```toml\n   [analyst]\n   password_hash = \"scrypt$…\"\n   ```\n\n"
              "   or in the environment variable `PAPI_ANALYST_PASSWORD_HASH`.\n"
              "2. **OpenID Connect sign-in** (Google, Microsoft…): add an `[auth]` section as in Streamlit's `st.login` "
              "documentation and who may import: `[analyst] emails = [\"name@example.org\"]` or `domains = [\"…\"]`.\n\n"
              "Then restart the app."},
    "auth_login_needed": {"vi": "Chỉ chuyên viên phân tích được nhập dữ liệu. Hãy đăng nhập.",
                          "en": "Only analysts may import data. Please sign in."},
    "auth_name": {"vi": "Tên của bạn (ghi vào lịch sử nhập)", "en": "Your name (recorded in the import history)"},
    "auth_password": {"vi": "Mật khẩu chuyên viên", "en": "Analyst password"},
    "auth_login": {"vi": "Đăng nhập", "en": "Sign in"},
    "auth_login_oidc": {"vi": "Đăng nhập bằng tài khoản cơ quan", "en": "Sign in with your organisation account"},
    "auth_logout": {"vi": "Đăng xuất", "en": "Sign out"},
    "auth_wrong": {"vi": "Mật khẩu không đúng.", "en": "Wrong password."},
    "auth_locked": {"vi": "Sai quá nhiều lần. Hãy thử lại sau 15 phút.",
                    "en": "Too many failed attempts. Try again in 15 minutes."},
    "auth_signed_in": {"vi": "Đã đăng nhập: {name} (chuyên viên phân tích)", "en": "Signed in: {name} (analyst)"},
    "auth_not_allowed": {"vi": "Tài khoản {email} không có quyền nhập dữ liệu.",
                         "en": "The account {email} may not import data."},
})

STRINGS.update({
    "pmap_title": {"vi": "Tên tỉnh chưa nhận ra và chỉ số lạ", "en": "Unrecognised province names and indicators"},
    "pmap_intro": {
        "vi": "{n} tên tỉnh trong tệp không khớp quy tắc nào. Chọn tỉnh đúng cho mỗi tên (hoặc bỏ qua cột đó), rồi xem trước lại. Khi ghi, lựa chọn được lưu thành tên gọi khác để tệp sau nhập thẳng.",
        "en": "{n} province names in the file match no rule. Pick the province each one means (or skip its column), then preview again. On commit the choice is saved as an alias so the next file goes straight in."},
    "pmap_name": {"vi": "“{name}” ({n} giá trị; {where})", "en": "“{name}” ({n} values; {where})"},
    "pmap_pick": {"vi": "— chọn tỉnh —", "en": "— pick a province —"},
    "pmap_skip": {"vi": "Bỏ qua cột này (không nhập)", "en": "Skip this column (not imported)"},
    "pmap_current": {"vi": "Đang áp dụng: {pairs}", "en": "Applied: {pairs}"},
    "pmap_leave_out": {
        "vi": "Nhập các chỉ số đã biết, để riêng {n} hàng/cột chỉ số không có trong bộ chỉ số (mỗi hàng được ghi tên trong báo cáo)",
        "en": "Import the known indicators and leave out the {n} indicator rows/columns not in the codebook (each is named in the report)"},
    "pmap_apply": {"vi": "Áp dụng và xem trước lại", "en": "Apply and preview again"},
    "imp_groups": {"vi": "Lỗi theo loại", "en": "Errors by kind"},
    "imp_col_count": {"vi": "Số lần", "en": "Count"},
    "imp_col_first": {"vi": "Vị trí đầu tiên", "en": "First place"},
    "imp_all_errors": {"vi": "Danh sách đầy đủ ({n})", "en": "Full list ({n})"},
})
