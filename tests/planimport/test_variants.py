"""Documents written differently from the seeds: pipe tables, other headers and column orders."""

from __future__ import annotations

from datetime import date

from planimport import import_plan
from tests.planimport.conftest import DATA
from tests.planimport.helpers import stages, window


def test_import_pipe_table_with_other_headers_markup_and_repeated_header() -> None:
    result = import_plan(DATA / "lai-chau-2023-pipe.md")
    s = stages(result)
    assert result.shape == "pipe" and result.plan["decision_no"] == "2150/KH-UBND"
    assert [x["code"] for x in s] == [f"s0{i}" for i in range(1, 8)]  # section rows skipped
    assert s[0]["lead"] == ["so-noi-vu"]  # "So Noi vu" without diacritics
    assert s[0]["cooperating"] == ["van-phong-ubnd-tinh", "so-thong-tin-va-truyen-thong"]
    assert window(s[0]) == (date(2023, 10, 1), date(2023, 12, 31))  # "Quý IV/2023"
    assert window(s[1]) == (date(2023, 12, 1), date(2023, 12, 14))  # "Trước 15/12/2023"
    assert s[2]["title"].endswith("gửi báo cáo và tài liệu kiểm chứng về Sở Nội vụ")  # <br>
    assert s[2]["lead"] == ["all_departments", "all_districts"]
    assert s[3]["cooperating"] == ["so-tu-phap", "so-tai-chinh", "so-noi-vu"]  # "... và Nội vụ"
    assert window(s[3])[0] == date(2024, 1, 1)  # "Tháng 01" after "Tháng 12/2023"
    assert [x["kind"] for x in s[3:]] == ["appraisal", "council_session", "approval", "publication"]
    # Only the loose deadlines are flagged: the quarter and the month written without a year.
    assert [(r.stage, r.text) for r in result.reviews] == [
        ("s01", "Quý IV/2023"), ("s04", "Tháng 01"), ("s05", "Tháng 02")
    ]


def test_import_tab_table_with_sub_rows_and_wrapped_cells() -> None:
    result = import_plan(DATA / "ha-tinh-2024-tabs.txt")
    s = stages(result)
    assert (result.plan["province"], result.plan["year"]) == ("ha-tinh", 2024)
    assert len(s) == 5  # "1 Chuẩn bị" heads 1.1 and 1.2; it is not a stage
    assert window(s[0]) == (date(2024, 10, 16), date(2024, 11, 1))  # "từ ngày 16-10 đến 1-11"
    assert window(s[1])[1] == date(2024, 11, 20)
    assert s[2]["title"].endswith("(kèm tài liệu kiểm chứng)")  # a cell wrapped onto a new line
    assert s[2]["lead"] == ["all_communes"] and window(s[2])[1] == date(2024, 12, 5)
    assert window(s[3]) == (date(2025, 1, 1), date(2025, 1, 10))  # "đầu tháng 01/2025"
    assert s[3]["lead"] == ["all_districts"] and "s03" in s[3]["depends_on"]
    assert s[4]["scope"] == {"kinds": ["department"], "units": ["cuc-thue-tinh"]}


def test_import_tab_table_lists_what_it_cannot_read_with_lines() -> None:
    result = import_plan(DATA / "ha-tinh-2024-tabs.txt")
    found = {(r.line, r.stage, r.field, r.text) for r in result.reviews}
    assert found == {
        (13, "s04", "cơ quan phối hợp", "Phòng Nội vụ cấp huyện"),
        (14, "s05", "thời hạn", "Thường xuyên"),
        # dates without a year and "đầu tháng": read by the documented rules, flagged
        (9, "s01", "thời hạn", "từ ngày 16-10 đến 1-11"),
        (10, "s02", "thời hạn", "chậm nhất ngày 20/11"),
        (12, "s03", "thời hạn", "chậm nhất ngày 05/12"),
        (13, "s04", "thời hạn", "đầu tháng 01/2025"),
    }
    s = stages(result)
    assert s[4]["needs_review"] and "window" not in s[4] and s[4]["deadline"] == "Thường xuyên"
    assert "chọn năm 2024 theo lịch chiến dịch" in s[0]["review_notes"][0]
