"""Plan files as provinces publish them, built at test time: Thái Nguyên's
2024 plan (Kế hoạch 99/KH-UBND ngày 14/5/2024) with its appendix of 17 key
tasks, as Word (text, then the table split over two pages with the header
repeated, a group row and merged cells), Excel (a title row above the header,
a blank row) and CSV.

tests/fixtures/plan_99_libreoffice.docx is the same plan written by another
program: plan_html() converted with
    soffice --headless --convert-to 'docx:MS Word 2007 XML' plan.html
(two tables, each with the header, a row of column numbers and a group row).
"""
import csv
import html
import io

import docx
import openpyxl
from docx.enum.text import WD_BREAK

HEADER = ("Số TT", "Nhiệm vụ trọng tâm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành")
ENGLISH = ("No.", "Task", "Lead agency", "Partner agencies", "Deadline")
TITLE = ("PHÂN CÔNG THỰC THIỆN NHIỆM VỤ TRỌNG TÂM DUY TRÌ, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ HIỆU QUẢ QUẢN TRỊ "
         "VÀ HÀNH CHÍNH CÔNG TỈNH THÁI NGUYÊN NĂM 2024")

BODY = ['KẾ HOẠCH',
 'Duy trì, cải thiện và nâng cao Chỉ số hiệu quả quản trị và hành chính công (PAPI) tỉnh Thái Nguyên năm 2024',
 'I. MỤC ĐÍCH, YÊU CẦU',
 '1. Mục đích',
 '- Triển khai đồng bộ, hiệu quả các giải pháp nhằm tiếp tục duy trì, cải thiện và nâng cao Chỉ số hiệu quả '
 'quản trị và hành chính công (PAPI) năm 2024. Tập trung vào các nội dung có điểm số thấp, chưa được cải '
 'thiện. Phấn đấu kết quả Chỉ số PAPI tỉnh Thái Nguyên năm 2024 nằm trong nhóm Cao nhất toàn quốc.',
 '- Đề ra những giải pháp nâng cao chất lượng điều hành quản trị và hành chính công của bộ máy chính quyền các '
 'cấp; phát hiện các vướng mắc, hạn chế, thiếu sót để điều chỉnh, bổ sung, góp phần xây dựng hệ thống các cơ '
 'quan hành chính nhà nước dân chủ, trong sạch, vững mạnh, hoạt động hiệu lực, hiệu quả và đáp ứng yêu cầu '
 'phục vụ cá nhân, tổ chức ngày càng tốt hơn.',
 '- Phát huy sự tham gia của mọi tầng lớp Nhân dân vào quá trình xây dựng, thực thi và giám sát việc thực thi '
 'chính sách pháp luật; thực hiện có hiệu quả công tác cải cách hành chính (CCHC), nâng cao hiệu quả quản trị '
 'và hành chính công của tỉnh Thái Nguyên năm 2024; nâng cao trách nhiệm của người đứng đầu cơ quan hành chính '
 'nhà nước cũng như cán bộ, công chức trong thực thi công vụ.',
 '- Tuyên truyền nâng cao nhận thức của Nhân dân về các nội dung nâng cao hiệu quả quản trị và hành chính '
 'công.',
 '2. Yêu cầu',
 '- Thủ trưởng các cơ quan, đơn vị, địa phương trực tiếp chỉ đạo thực hiện nhiệm vụ nâng cao Chỉ số PAPI năm '
 '2024 và triển khai đồng bộ với Kế hoạch CCHC tỉnh Thái Nguyên năm 2024.',
 '- Quán triệt, phổ biến và triển khai hiệu quả Luật Thực hiện dân chủ ở cơ sở, thực hiện tốt chủ trương "Dân '
 'biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng" qua đó góp phần nâng cao Chỉ số PAPI năm '
 '2024.',
 '- Tuyên truyền, quán triệt sâu rộng trong toàn bộ hệ thống chính trị về mục đích, ý nghĩa của việc duy trì, '
 'cải thiện và nâng cao Chỉ số PAPI là việc làm thường xuyên, liên tục, lâu dài. Phát huy vai trò, trách nhiệm '
 'người đứng đầu và của từng cán bộ, công chức, viên chức trong nâng cao Chỉ số PAPI.',
 '- Chủ động nắm bắt các yêu cầu và kịp thời giải quyết các vướng mắc, ý kiến kiến nghị, bức xúc của Nhân dân, '
 'của tổ chức và cá nhân; đánh giá đúng thực trạng thực hiện hiệu quả các giải pháp cải thiện, nâng cao các '
 'trục nội dung của Chỉ số PAPI thuộc trách nhiệm của từng cơ quan, đơn vị, địa phương.',
 'II. NHIỆM VỤ',
 '(Có Phụ lục phân công nhiệm vụ kèm theo).',
 'III. TỔ CHỨC THỰC HIỆN',
 'Trên đây là Kế hoạch duy trì, cải thiện và nâng cao Chỉ số hiệu quả quản trị và hành chính công tỉnh Thái '
 'Nguyên năm 2024. Yêu cầu cơ quan, đơn vị, địa phương triển khai thực hiện và định kỳ báo cáo UBND tỉnh theo '
 'quy định.']

# (no, task, lead, partners, deadline) as in the appendix
TASKS = [('1',
  'Xây dựng tiêu chí đánh giá hiệu quả quản trị và hành chính công đối với với các cơ quan chuyên môn thuộc '
  'UBND cấp huyện và UBND cấp xã trên địa bàn theo Quyết định số 2269/QĐ-UBND ngày 23/9/2023 của Chủ tịch UBND '
  'tỉnh Thái Nguyên.',
  'UBND các huyện, thành phố',
  'Sở Nội vụ, các sở, ban, ngành liên quan',
  'Quý II; triển khai đánh giá trong năm 2024'),
 ('2',
  'Triển khai thực hiện có hiệu quả Chỉ thị số 20-CT/TU ngày 26/4/2023 của Ban Thường vụ Tỉnh ủy về tiếp tục '
  'đẩy mạnh CCHC, nâng cao hiệu quả quản trị và hành chính công trên địa bàn tỉnh Thái Nguyên đến năm 2025; '
  'Chương trình CCHC nhà nước tỉnh Thái Nguyên giai đoạn 2021 - 2025; Chương trình nâng cao hiệu quả quản trị '
  'và hành chính công trên địa bàn tỉnh Thái Nguyên giai đoạn 2022 - 2025.',
  'Các sở, ngành, UBND cấp huyện',
  'Sở Nội vụ',
  'Thường xuyên'),
 ('3',
  'Tổ chức tập huấn, tuyên truyền, phổ biến các nội dung nâng cao Chỉ số PAPI năm 2024',
  'Sở Nội vụ',
  'Các sở, ngành, UBND cấp huyện liên quan',
  'Quý III/2024'),
 ('4',
  'Công khai kịp thời, đầy đủ nội dung và hình thức đối với các nội dung phải công khai theo quy định của Luật '
  'Thực hiện dân chủ ở cơ sở, Luật tiếp cận thông tin. Trọng tâm là công khai thu, chi tài chính, ngân sách '
  'cấp xã; danh sách hộ nghèo, cận nghèo theo quy định. Thực hiện công khai bằng nhiều hình thức, đảm bảo mọi '
  'người dân đều có thể tiếp cận, nắm bắt.',
  'UBND cấp huyện, UBND cấp xã',
  'Các sở, ban, ngành',
  'Thường xuyên'),
 ('5',
  'Công khai quy hoạch, Kế hoạch sử dụng đất, Bảng giá đất trên Trang thông tin điện tử, tại trụ sở cơ quan, '
  'gửi thông báo đến xóm/tổ dân phố đảm bảo người dân được tiếp cận.',
  'UBND cấp xã',
  'UBND cấp huyện, Sở Tài nguyên và Môi trường',
  'Thường xuyên'),
 ('6',
  'Thực hiện nghiêm, đầy đủ các nội dung Nhân dân được bàn và quyết định theo quy định của Luật Thực hiện dân '
  'chủ ở cơ sở. Trọng tâm là việc Nhân dân bàn, quyết định xây dựng, tu sửa các công trình công cộng, quản lý, '
  'sử dụng các quỹ đóng góp của người dân.',
  'UBND cấp xã',
  'UBND cấp huyện Các sở, ban, ngành',
  'Thường xuyên'),
 ('7',
  'Nâng cao hiệu quả hoạt động của Ban Thanh tra Nhân dân, Ban Giám sát đầu tư của cộng đồng. Tổ chức tập huấn '
  'nâng cao kỹ năng về chuyên môn nghiệp vụ, quy định của pháp luật và các quy trình giám sát cơ bản cho Ban '
  'Thanh tra Nhân dân, Ban Giám sát đầu tư của cộng đồng để thực hiện tốt nhiệm vụ. Tuyên truyền rộng rãi kết '
  'quả thanh tra, kiểm tra, giám sát tới Nhân dân.',
  'UBND cấp xã',
  'UBND cấp huyện Các sở, ban, ngành',
  'Thường xuyên'),
 ('8',
  'Thực hiện nghiêm việc đối thoại với Nhân dân, tiếp công dân định kỳ. Giải quyết kịp thời, thỏa đáng, đúng '
  'quy định pháp luật mọi ý kiến kiến nghị, phản ánh, khiếu nại, tố cáo của người dân gửi tới chính quyền địa '
  'phương.',
  'UBND cấp huyện, UBND cấp xã',
  'Thanh tra tỉnh; các sở, ban, ngành liên quan',
  'Thường xuyên'),
 ('9',
  'Rà soát các vướng mắc, khó khăn của người dân trên địa bàn và tổ chức các hội nghị đối thoại với người dân '
  '(tối thiểu 02 lần/1 năm) để hỗ trợ, hướng dẫn, giải quyết kịp thời.',
  'UBND cấp xã',
  'Các phòng, ban thuộc UBND cấp huyện',
  'Năm 2024'),
 ('10',
  'Bồi dưỡng, nâng cao năng lực, hiệu quả hoạt động của các Tổ hòa giải, Ban Công tác mặt trận xóm/tổ dân phố '
  'trong việc giải quyết các mâu thuẫn, tranh chấp tại cơ sở.',
  'UBND cấp xã',
  'UBND cấp huyện; Ủy ban MTTQ cấp huyện, cấp xã',
  'Năm 2024'),
 ('11',
  'Tập trung thanh tra những nội dung, lĩnh vực dư luận xã hội quan tâm như: quản lý thu, chi ngân sách, giải '
  'quyết thủ tục hành chính, cung cấp dịch vụ y tế, giáo dục công lập, tuyển dụng công chức, viên chức... Công '
  'khai rộng rãi kết quả thanh tra, xử lý các trường hợp vi phạm để mọi người dân có thể dễ dàng nắm bắt.',
  'Thanh tra tỉnh',
  'Các cơ quan, đơn vị có liên quan',
  'Thường xuyên'),
 ('12',
  'Công khai đầy đủ TTHC, phí, lệ phí tại Bộ phận Một cửa. Không để xảy ra hiện tượng người dân phải chờ đợi '
  'lâu, đi lại nhiều lần, phải chi thêm ngoài phí, lệ phí khi giải quyết TTHC. Không để hồ sơ TTHC giải quyết '
  'quá hạn; trường hợp quá hạn phải có văn bản xin lỗi và có biện pháp khắc phục kịp thời để trả kết quả cho '
  'người dân. Xử lý nghiêm công chức, viên chức có hành vi nhũng nhiễu, vòi vĩnh, yêu cầu thành phần hồ sơ '
  'ngoài quy định, nhiều lần để hồ sơ giải quyết quá hạn.',
  'Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
  'Văn phòng UBND tỉnh; Sở Nội vụ.',
  'Thường xuyên'),
 ('13',
  'Đầu tư, cải tạo, nâng cấp cơ sở vật chất và trang thiết bị cho các cơ sở y tế tuyến huyện, tuyến xã. Không '
  'để người bệnh phải chờ đợi lâu, phải nằm chung giường, phòng bệnh và nhà vệ sinh sạch sẽ. Nâng cao tinh '
  'thần trách nhiệm, thái độ phục vụ của đội ngũ y bác sỹ. Không để xảy ra việc người bệnh phải chi thêm ngoài '
  'quy định khi khám, chữa bệnh.',
  'Sở Y tế',
  'UBND cấp huyện, Sở Kế hoạch và Đầu tư, Sở Tài chính',
  'Thường xuyên'),
 ('14',
  'Tiếp tục đầu tư xây dựng cơ sở vật chất cho các trường Mầm non, Tiểu học, Trung học cơ sở trên địa bàn. Đảm '
  'bảo lớp học kiên cố, nước uống sạch, nhà vệ sinh sạch cho học sinh. Không để xảy ra tình trạng lạm thu tiền '
  'đóng góp; minh bạch thu chi các loại quỹ và thường xuyên thông tin về kết quả học tập tới phụ huynh học '
  'sinh.',
  'UBND cấp huyện',
  'Sở Giáo dục và Đào tạo, Sở Kế hoạch và Đầu tư, Sở Tài chính',
  'Thường xuyên'),
 ('15',
  'Nâng cao chất lượng cung cấp các dịch vụ công gồm: điện sinh hoạt, nước sạch, thu gom rác thải, đường giao '
  'thông, an ninh trật tự tại các khu dân cư.',
  'UBND cấp huyện',
  'Sở Xây dựng, Sở Nông nghiệp và Phát triển nông thôn; Sở Công Thương; Công an tỉnh; UBND cấp xã',
  'Thường xuyên'),
 ('16',
  'Kiểm tra, hướng dẫn việc tuân thủ các quy định pháp luật về môi trường; kịp thời phát hiện và xử lý nghiêm '
  'các hành vi gây ô nhiễm môi trường. Triển khai các biện pháp bảo vệ, cải thiện chất lượng không khí, chất '
  'lượng nguồn nước sông/suối/kênh/mương trên địa bàn; đảm bảo các nguồn nước, không khí tại các khu dân cư '
  'không bị ô nhiễm',
  'Sở Tài Nguyên và Môi trường; UBND cấp huyện, UBND cấp xã',
  'Các cơ quan, đơn vị có liên quan',
  'Thường xuyên'),
 ('17',
  'Đăng tải đầy đủ, kịp thời các chủ trương, chính sách pháp luật; các nội dung cần xin ý kiến người dân; các '
  'nội dung thông báo, công khai minh bạch; các thông tin, biểu mẫu, quy trình giải quyết các TTHC thuộc thẩm '
  'quyền trên Trang thông tin điện tử của cơ quan, đơn vị, địa phương, đảm bảo đơn giản, dễ hiểu, dễ tiếp cận. '
  'Phản hồi kịp thời các phản ánh của người dân trên Trang thông tin điện tử, Hệ thống thông tin giải quyết '
  'TTHC của tỉnh, Cổng dịch vụ công quốc gia.',
  'Các sở, ban, ngành; UBND cấp huyện, UBND cấp xã.',
  'Sở Thông tin và Truyền thông',
  'Thường xuyên')]


def _docx_table(doc, header, rows, group=None, merge_lead=()):
    """A table: header, optional group row merged across, the task rows; the
    lead cells of the rows at `merge_lead` (indices into rows) merged
    vertically as Word does when an agency leads several tasks in a row."""
    t = doc.add_table(rows=0, cols=len(header))
    t.style = "Table Grid"
    for i, h in enumerate(header):
        t.add_row() if i == 0 else None
        t.rows[0].cells[i].text = h
    if group:
        cells = t.add_row().cells
        cells[0].merge(cells[-1]).text = group
    first = len(t.rows)
    for k, r in enumerate(rows):
        cells = t.add_row().cells
        for i, v in enumerate(r):
            if not (i == 2 and k in merge_lead[1:]):
                cells[i].text = v
    if merge_lead:
        top = t.rows[first + merge_lead[0]].cells[2]
        top.merge(t.rows[first + merge_lead[-1]].cells[2])
        top.text = rows[merge_lead[0]][2]
    return t


def plan_docx(header=HEADER, tasks=TASKS, split=10, group="I. NHIỆM VỤ TRỌNG TÂM", with_table=True) -> bytes:
    """The plan as Word: the body text, a page break, the appendix title and
    its table split over two pages (header repeated); tasks 5-7 share one
    merged lead cell ("UBND cấp xã")."""
    doc = docx.Document()
    for p in BODY:
        doc.add_paragraph(p)
    doc.add_page_break()
    doc.add_paragraph("PHỤ LỤC")
    doc.add_paragraph(TITLE)
    doc.add_paragraph("(Kèm theo Kế hoạch số 99 /KH-UBND ngày 14/5/2024 của UBND tỉnh Thái Nguyên)")
    if with_table:
        _docx_table(doc, header, tasks[:split], group, merge_lead=(4, 5, 6) if split > 6 else ())
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _docx_table(doc, header, tasks[split:])
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def plan_xlsx(header=HEADER, tasks=TASKS) -> bytes:
    """The appendix as a sheet: the title merged over the columns, a blank
    row, the header, the tasks (numbers as numbers), one group row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    ws.append([TITLE])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append([])
    ws.append(list(header))
    ws.append(["I. NHIỆM VỤ TRỌNG TÂM"])
    ws.merge_cells(start_row=4, start_column=1, end_row=4, end_column=len(header))
    for no, *rest in tasks:
        ws.append([int(no), *rest])
    ws.merge_cells("C9:C11")            # tasks 5-7 share their lead
    for r in (10, 11):
        assert ws.cell(r, 3).value in (None, "UBND cấp xã")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def plan_csv(header=HEADER, tasks=TASKS, delimiter=",", bom=True) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter)
    w.writerow(header)
    w.writerows(tasks)
    return (("\ufeff" if bom else "") + buf.getvalue()).encode("utf-8")


def plan_html() -> str:
    """The plan as a web page, for LibreOffice to write as .docx."""
    def table(rows, group):
        head = "".join(f"<th>{html.escape(c)}</th>" for c in HEADER)
        nums = "".join(f"<td>({i})</td>" for i in range(1, 6))
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
        return (f'<table border="1"><tr>{head}</tr><tr>{nums}</tr>'
                f'<tr><td colspan="5"><b>{group}</b></td></tr>{body}</table>')
    parts = [f"<p>{html.escape(p)}</p>" for p in BODY[:12]]
    parts += ['<p style="page-break-before: always">PHỤ LỤC</p>', f"<p>{TITLE}</p>",
              table(TASKS[:9], "I. NHIỆM VỤ CHUNG"), '<p style="page-break-before: always"></p>',
              table(TASKS[9:], "II. NHIỆM VỤ CỤ THỂ")]
    return '<html><head><meta charset="utf-8"></head><body>' + "\n".join(parts) + "</body></html>"
