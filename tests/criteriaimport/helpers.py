"""Build criteria appendices the way decisions publish them: .docx, .xlsx and text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx

HEAD = [
    "STT",
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Điểm tối đa",
    "Cơ quan thẩm định",
    "Cách chấm",
    "Ghi chú",
]
TOP = [
    "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU",
    "Số: 1234/QĐ-UBND",
    "Lai Châu, ngày 20 tháng 12 năm 2024",
    "BỘ CHỈ SỐ",
    "Đánh giá công tác cải cách hành chính hàng năm của các sở, ban, ngành tỉnh Lai Châu",
]
PAGE1 = [
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "6", "Sở Nội vụ", "", ""],
    ["1", "Kế hoạch cải cách hành chính năm", "2", "", "", ""],
    ["a)", "Ban hành kế hoạch đúng thời hạn", "1", "", "Trước ngày 31/12: 1 điểm", "Bước 0,5"],
    ["b)", "Xác định đầy đủ nhiệm vụ, sản phẩm", "1", "", "", ""],
    ["2", "Báo cáo cải cách hành chính định kỳ", "1,5", "", "Đủ, đúng hạn: 1,5 điểm", ""],
    ["3", "Đánh giá của người dân về công tác chỉ đạo", "2,5", "", "Điều tra XHH", ""],
]
PAGE2 = [
    ["II", "CẢI CÁCH THỂ CHẾ", "5", "Sở Tư pháp", "", ""],
    ["1", "Xây dựng và ban hành văn bản quy phạm pháp luật", "3", "", "", ""],
    ["1.1", "Thực hiện đúng quy trình xây dựng văn bản", "2", "", "", ""],
    ["1.2", "Ban hành văn bản đúng thời hạn", "1", "", "", ""],
    ["2", "Kiểm tra, rà soát văn bản quy phạm pháp luật", "2", "", "", ""],
]
PAGE3 = [
    ["III", "HIỆN ĐẠI HÓA NỀN HÀNH CHÍNH", "4", "Sở Thông tin và Truyền thông", "", ""],
    ["1", "Ứng dụng công nghệ thông tin trong xử lý công việc", "2", "", "", ""],
    ["2", "Mức độ hài lòng về dịch vụ công trực tuyến (Điều tra XHH)", "2", "", "", ""],
    ["", "Tổng cộng", "15", "", "", ""],
]


def _table(document: Any, rows: list[list[str]]) -> Any:
    """Add a table holding `rows`."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return table


def _merge(table: Any, r1: int, c1: int, r2: int, c2: int) -> None:
    """Merge a block the way Word does, keeping the top-left cell's text."""
    text = table.cell(r1, c1).text
    table.cell(r1, c1).merge(table.cell(r2, c2)).text = text


def appendix_docx(path: Path) -> Path:
    """The appendix over three pages: the header repeats on page 2, not on page 3."""
    document = docx.Document()
    for text in TOP:
        document.add_paragraph(text)
    first = _table(document, [HEAD, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"], *PAGE1])
    _merge(first, 2, 3, 7, 3)  # Sở Nội vụ appraises the whole field, one cell down its rows
    _merge(first, 2, 4, 2, 5)  # the field row's method and note cells run together
    document.add_page_break()
    second = _table(document, [HEAD, *PAGE2])
    second.cell(1, 0).text = "II. CẢI CÁCH THỂ CHẾ"
    _merge(second, 1, 0, 1, 1)  # the field's number and title in one cell across two columns
    document.add_page_break()
    _table(document, PAGE3)
    document.add_paragraph("Ghi chú: điểm điều tra xã hội học do Sở Nội vụ tổng hợp.")
    document.save(str(path))
    return path
