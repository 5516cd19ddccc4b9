"""A .docx plan with a stage table (built here with python-docx), for a 2-tier province."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx

from planimport import import_plan
from tests.planimport.helpers import stages, window

ROWS = [
    ("TT", "Nhiệm vụ", "Thời gian", "Chủ trì", "Phối hợp"),
    ("(1)", "(2)", "(3)", "(4)", "(5)"),
    ("1", "Hướng dẫn tự đánh giá, chấm điểm Chỉ số CCHC năm 2025", "Tháng 9/2025",
     "Sở Nội vụ", "Văn phòng UBND tỉnh"),
    ("2", "Tự đánh giá, chấm điểm gửi Sở Nội vụ\nkèm tài liệu kiểm chứng",
     "chậm nhất ngày 15/11/2025", "UBND cấp xã", "UBND cấp huyện"),
    ("3", "Công bố Chỉ số CCHC năm 2025", "Tháng 01", "UBND tỉnh", "Sở Nội vụ"),
]


def _plan_docx(path: Path) -> Path:
    """Write a small plan document: heading paragraphs, then the stage table."""
    document = docx.Document()
    document.add_paragraph("Lai Châu, ngày 20 tháng 8 năm 2025")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Xác định Chỉ số cải cách hành chính năm 2025")
    table = document.add_table(rows=len(ROWS), cols=5)
    for r, values in enumerate(ROWS):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.add_paragraph("Trên đây là Kế hoạch của UBND tỉnh.")
    document.save(str(path))
    return path


def test_import_docx_reads_the_table_in_document_order(tmp_path: Path) -> None:
    result = import_plan(_plan_docx(tmp_path / "ke-hoach.docx"))
    s = stages(result)
    assert result.shape == "docx" and len(s) == 3
    assert (result.plan["province"], result.plan["year"]) == ("lai-chau", 2025)
    assert result.plan["units"] == "lai-chau-2025"  # the year's 2-tier units file
    assert s[0]["kind"] == "guidance" and s[0]["lead"] == ["so-noi-vu"]
    assert s[1]["title"] == "Tự đánh giá, chấm điểm gửi Sở Nội vụ kèm tài liệu kiểm chứng"
    assert s[1]["scope"] == {"kinds": ["commune"]} and window(s[1])[1] == date(2025, 11, 15)
    assert window(s[2]) == (date(2026, 1, 1), date(2026, 1, 31))  # "Tháng 01" after 11/2025


def test_import_docx_flags_districts_in_a_two_tier_province(tmp_path: Path) -> None:
    result = import_plan(_plan_docx(tmp_path / "ke-hoach.docx"))
    [review] = [r for r in result.reviews if r.field != "thời hạn"]
    [year] = [r for r in result.reviews if r.field == "thời hạn"]  # "Tháng 01": year flagged
    assert year.stage == "s03" and "chọn năm 2026 theo lịch chiến dịch" in year.reason
    assert (review.stage, review.field) == ("s02", "cơ quan phối hợp")
    assert review.text == "UBND cấp huyện"
    assert "all_districts" in review.reason
    assert review.line == 7  # paragraphs 1-3, then one line per table row: this is row 4 of 5
