""".docx plans as Word writes them: merged cells, a two-row header (built here, python-docx)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx

from config import load_plan
from planimport import import_plan
from planimport.dump import to_yaml
from tests.planimport.helpers import stages, window

HEAD = ("TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
        "Sản phẩm")
SOCIAL = ("Cục Thuế tỉnh, Bảo hiểm xã hội tỉnh", "Sở Nội vụ", "", "Báo cáo tự đánh giá")
ROWS = [  # "" under a merged cell; the merges are made below
    ("I", "CÔNG TÁC CHUẨN BỊ", "", "", "", ""),
    ("1", "Ban hành văn bản hướng dẫn tự đánh giá, chấm điểm Chỉ số CCHC năm 2024",
     "Sở Nội vụ (Thường trực Hội đồng)", "Văn phòng UBND tỉnh", "Trước ngày 15/10/2024",
     "Văn bản hướng dẫn"),
    ("2", "Tập huấn sử dụng phần mềm chấm điểm", "", "Sở Thông tin và Truyền thông",
     "Tháng 10/2024", "Hội nghị tập huấn"),
    ("II", "TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", "", "", "", ""),
    ("1", "Tự đánh giá, chấm điểm và gửi báo cáo về UBND cấp huyện",
     "UBND các xã, phường, thị trấn", "UBND các huyện, thành phố, thị xã",
     "chậm nhất ngày 20 tháng 11 năm 2024", "Báo cáo"),
    ("2", "Tự đánh giá, chấm điểm và gửi báo cáo về Sở Nội vụ",
     "Các sở, ban, ngành tỉnh; UBND các huyện, thành phố, thị xã", "Sở Nội vụ",
     "Trước ngày 25/11/2024", "Báo cáo tự đánh giá"),
    ("", "", *SOCIAL),
    ("III", "THẨM ĐỊNH, CÔNG BỐ", "", "", "", ""),
    ("1", "Thẩm định kết quả tự đánh giá của UBND cấp xã", "Hội đồng thẩm định cấp huyện",
     "Phòng Nội vụ cấp huyện", "Tháng 12/2024", "Kết quả thẩm định"),
    ("2", "Thẩm định kết quả tự đánh giá của các sở, ban, ngành và UBND cấp huyện",
     "Hội đồng thẩm định cấp tỉnh", "Sở Tư pháp, Sở Tài chính, Sở Thông tin và Truyền thông",
     "Tháng 12/2024 - tháng 01/2025", "Kết quả thẩm định"),
    ("3", "Họp Hội đồng thẩm định thống nhất kết quả", "", "Sở Nội vụ", "Trong tháng 01 năm 2025",
     "Biên bản họp"),
    ("4", "Công bố Chỉ số CCHC năm 2024", "UBND tỉnh", "Sở Nội vụ (Thường trực Hội đồng)",
     "Quý I/2025", "Quyết định công bố"),
]
TOP = ("UỶ BAN NHÂN DÂN TỈNH HÀ TĨNH", "Số: 512/KH-UBND", "Hà Tĩnh, ngày 25 tháng 9 năm 2024",
       "KẾ HOẠCH", "Xác định Chỉ số cải cách hành chính năm 2024", "I. MỤC ĐÍCH, YÊU CẦU",
       "Bảo đảm khách quan, thực chất.", "II. NỘI DUNG, THỜI GIAN THỰC HIỆN")


def _table(document: docx.document.Document, rows: list[tuple[str, ...]]) -> docx.table.Table:
    """Add a table holding `rows` (empty strings left empty)."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value:
                table.cell(r, c).text = value
    return table


def _merge(table: docx.table.Table, r1: int, c1: int, r2: int, c2: int) -> None:
    """Merge a block of cells the way Word does, keeping the top-left cell's text."""
    text = table.cell(r1, c1).text
    table.cell(r1, c1).merge(table.cell(r2, c2)).text = text


def _merged_plan(path: Path) -> Path:
    """Hà Tĩnh 2024: section rows span the table; leads, a task and a deadline span rows."""
    document = docx.Document()
    for text in TOP:
        document.add_paragraph(text)
    table = _table(document, [HEAD, *ROWS])
    for r in (1, 4, 8):
        _merge(table, r, 1, r, 5)  # "I | CÔNG TÁC CHUẨN BỊ" across the row
    _merge(table, 2, 2, 3, 2)  # Sở Nội vụ leads I.1 and I.2
    for c in (0, 1, 3, 4, 5):
        _merge(table, 6, c, 7, c)  # II.2 is one task in two rows, one lead per row
    _merge(table, 10, 2, 11, 2)  # the council leads III.2 and III.3
    document.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    document.save(str(path))
    return path


def test_docx_merged_cells_repeat_down_the_rows_they_span(tmp_path: Path) -> None:
    result = import_plan(_merged_plan(tmp_path / "ke-hoach.docx"))
    s = stages(result)
    assert (result.shape, result.plan["units"], result.plan["decision_no"]) == (
        "docx", "ha-tinh", "512/KH-UBND")
    assert [x["kind"] for x in s] == ["guidance", "guidance", *["self_assessment"] * 3,
                                      "appraisal", "appraisal", "council_session", "publication"]
    assert [x["lead"] for x in s[:2]] == [["so-noi-vu"], ["so-noi-vu"]]  # "(Thường trực Hội đồng)"
    assert window(s[2]) == (date(2024, 11, 1), date(2024, 11, 20))  # date written in words
    assert s[2]["lead"] == ["all_communes"] and s[2]["cooperating"] == ["all_districts"]
    assert s[3]["scope"] == {"kinds": ["department", "district"]}
    assert s[4]["title"] == s[3]["title"] and window(s[4])[1] == date(2024, 11, 24)
    assert s[4]["scope"] == {"units": ["cuc-thue-tinh", "bao-hiem-xa-hoi-tinh"]}
    assert window(s[6]) == (date(2024, 12, 1), date(2025, 1, 31))
    assert s[6]["lead"] == s[7]["lead"] == ["hoi-dong-tham-dinh-tinh"]
    assert window(s[8]) == (date(2025, 1, 1), date(2025, 3, 31)) and s[8]["cooperating"] == [
        "so-noi-vu"]


def test_docx_merged_cells_review_only_the_unknown_office(tmp_path: Path) -> None:
    result = import_plan(_merged_plan(tmp_path / "ke-hoach.docx"))
    found = [(r.line, r.stage, r.field, r.text) for r in result.reviews]
    assert found == [
        (18, "s06", "cơ quan phối hợp", "Phòng Nội vụ cấp huyện"),  # table row 10
        (21, "s09", "thời hạn", "Quý I/2025"),  # a quarter is a window by rule: flagged
    ]
    assert [x["code"] for x in stages(result) if x["needs_review"]] == ["s06", "s09"]
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "imported.yaml").write_text(to_yaml(result), encoding="utf-8")
    assert len(load_plan(plans / "imported.yaml").stages) == 9


def _two_row_header(path: Path, last: tuple[str, str]) -> Path:
    """"Thời gian" spans "Bắt đầu | Hoàn thành"; TT, task and agency span both header rows."""
    document = docx.Document()
    for text in ("Bắc Kạn, ngày 25 tháng 9 năm 2024", "KẾ HOẠCH",
                 "Xác định Chỉ số cải cách hành chính năm 2024"):
        document.add_paragraph(text)
    table = _table(document, [("TT", "Nhiệm vụ", "Cơ quan thực hiện", "Thời gian", ""),
                              ("", "", "", "Bắt đầu", "Hoàn thành"),
                              ("1", "Hướng dẫn tự đánh giá", "Sở Nội vụ", "01/10/2024",
                               "15/10/2024"),
                              ("2", "Tự đánh giá, chấm điểm", "UBND cấp xã", *last)])
    for c in range(3):
        _merge(table, 0, c, 1, c)
    _merge(table, 0, 3, 0, 4)
    document.save(str(path))
    return path


def test_docx_two_row_header_reads_start_and_end_as_one_window(tmp_path: Path) -> None:
    result = import_plan(_two_row_header(tmp_path / "kh.docx", ("Tháng 10/2024", "Tháng 11/2024")))
    first, second = stages(result)
    assert window(first) == (date(2024, 10, 1), date(2024, 10, 15))  # not the start day alone
    assert first["deadline"] == "từ 01/10/2024 đến 15/10/2024"
    assert window(second) == (date(2024, 10, 1), date(2024, 11, 30)) and result.reviews == []


def test_docx_two_row_header_flags_a_start_without_an_end(tmp_path: Path) -> None:
    result = import_plan(_two_row_header(tmp_path / "kh.docx", ("16/10/2024", "")))
    [review] = result.reviews
    assert (review.stage, review.field, review.text) == ("s02", "thời hạn", "16/10/2024")
    assert "ngày bắt đầu" in review.reason and "window" not in stages(result)[1]
