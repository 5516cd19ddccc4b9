"""Plans written as other provinces write them: prose with I./1./a), other column orders, no
diacritics, a two-tier province, a two-row time header; each review listed with its line."""

from __future__ import annotations

from datetime import date

from planimport import import_plan
from tests.planimport.conftest import DATA
from tests.planimport.helpers import stages, window


def _reviews(name: str) -> set[tuple[int, str | None, str, str]]:
    """Return (line, stage, field, text) of every review of a test document."""
    return {(r.line, r.stage, r.field, r.text) for r in import_plan(DATA / name).reviews}


def test_prose_with_roman_sections_sub_items_and_dates_in_words() -> None:
    result = import_plan(DATA / "lai-chau-2024-prose.txt")
    s = stages(result)
    assert (result.shape, result.plan["units"], result.plan["decision_no"]) == (
        "prose", "lai-chau", "3105/KH-UBND")
    assert [x["kind"] for x in s] == ["guidance", "self_assessment", "self_assessment",
                                      "appraisal", "survey", "approval", "publication", "guidance"]
    assert s[0]["lead"] == ["so-noi-vu"]  # "(Thường trực Hội đồng thẩm định)" is a role, not a unit
    assert s[1]["title"].startswith("Các sở, ban, ngành tỉnh")  # "a) " dropped
    assert s[1]["scope"] == {"kinds": ["department"], "units": ["cuc-thue-tinh"]}
    assert window(s[1])[1] == date(2024, 11, 20)  # "chậm nhất ngày 20 tháng 11 năm 2024"
    assert window(s[2])[1] == date(2024, 11, 25)  # "trước 17 giờ ngày 25 tháng 11 năm 2024"
    assert s[3]["cooperating"] == ["so-tu-phap", "so-tai-chinh", "so-thong-tin-va-truyen-thong"]
    assert s[4]["lead"] == ["buu-dien-tinh"]
    assert s[4]["title"] == "Bưu điện tỉnh phát, thu phiếu điều tra xã hội học"
    assert window(s[4]) == (date(2024, 11, 1), date(2024, 12, 31))  # "trong tháng 11 - 12/2024"
    assert window(s[5]) == (date(2025, 1, 1), date(2025, 1, 31))
    assert s[6]["title"] == "UBND tỉnh công bố Chỉ số CCHC năm 2024"  # no dangling "trong"
    assert window(s[6]) == (date(2025, 1, 1), date(2025, 3, 31))
    assert s[7]["title"] == "Theo dõi, đôn đốc việc tự đánh giá" and "window" not in s[7]
    why = {r.stage: r.reason for r in result.reviews}
    assert _reviews("lai-chau-2024-prose.txt") == {
        (21, "s03", "thời hạn", "trước 17 giờ ngày 25 tháng 11 năm 2024"),
        (37, "s08", "thời hạn", "Thường xuyên"),  # "- Thời gian: Thường xuyên." is not dropped
        (33, "s07", "thời hạn", "Quý I/2025"),  # a quarter is a window by rule: flagged
    }
    assert why == {"s03": "hạn có ghi giờ; cửa sổ tính theo cả ngày, cần xác nhận",
                   "s07": "«Quý I/2025» là mốc ước lệ, đọc theo quy ước quý: cả quý; cần xác nhận",
                   "s08": "việc làm thường xuyên, không có hạn cụ thể"}


def test_time_column_before_lead_undated_rows_and_two_acts() -> None:
    result = import_plan(DATA / "ha-noi-2024-tabs.txt")
    s = stages(result)
    assert [x["kind"] for x in s] == ["generic", "guidance", "self_assessment", "survey",
                                      "appraisal", "appraisal", "generic", "approval"]
    assert s[0]["lead"] == ["so-noi-vu"]  # "So Noi vu"
    assert s[0]["cooperating"] == ["vien-nghien-cuu-phat-trien-kt-xh"]  # without diacritics too
    assert s[1]["lead"] == ["so-noi-vu"] and not s[1]["needs_review"]
    assert s[2]["lead"] == ["all_departments", "all_districts"]
    assert window(s[3]) == (date(2024, 10, 1), date(2024, 11, 30))  # "Tháng 10 - 11/2024"
    assert "window" not in s[5] and "window" not in s[6]
    assert window(s[7]) == (date(2025, 1, 1), date(2025, 1, 31))
    reasons = {r.stage: r.reason for r in result.reviews if r.field == "thời hạn"}
    assert reasons == {"s06": "việc làm thường xuyên, không có hạn cụ thể",
                       "s07": "hạn tính theo một việc khác, chưa có ngày"}
    assert _reviews("ha-noi-2024-tabs.txt") == {
        (16, "s04", "cơ quan phối hợp", "Bưu điện Thành phố"),  # not in config/units/ha-noi
        (17, "s05", "loại giai đoạn", "Thẩm định và công bố kết quả tự đánh giá"),
        (18, "s06", "thời hạn", "Thường xuyên"),
        (19, "s07", "thời hạn", "Sau khi có kết quả thẩm định"),
        (19, "s07", "cơ quan phối hợp", "Ban Chỉ đạo CCHC Thành phố"),
    }


def test_two_tier_province_communes_and_special_zones() -> None:
    result = import_plan(DATA / "lai-chau-2025-two-tier.md")
    s = stages(result)
    assert (result.plan["year"], result.plan["units"]) == (2025, "lai-chau-2025")
    assert [x["kind"] for x in s] == ["guidance", "guidance", "self_assessment", "self_assessment",
                                      "appraisal", "survey", "approval", "publication"]
    assert s[2]["scope"] == {"kinds": ["department"]}  # "Các cơ quan chuyên môn thuộc UBND tỉnh"
    assert s[3]["scope"] == {"kinds": ["commune"]}  # "UBND các xã, phường, đặc khu"
    assert window(s[2])[1] == date(2025, 11, 20) and window(s[3])[1] == date(2025, 11, 25)
    assert window(s[5]) == (date(2025, 11, 1), date(2025, 12, 31))
    assert window(s[6]) == (date(2026, 1, 1), date(2026, 1, 31))
    assert window(s[7]) == (date(2026, 1, 1), date(2026, 3, 31))
    assert _reviews("lai-chau-2025-two-tier.md") == {
        (21, "s05", "cơ quan phối hợp", "UBND cấp huyện"),  # no districts since 07/2025
        (22, "s06", "cơ quan phối hợp", "Trung tâm Phục vụ hành chính công tỉnh"),
        (25, "s08", "thời hạn", "Quý I/2026"),  # a quarter is a window by rule: flagged
    }


def test_document_without_diacritics() -> None:
    result = import_plan(DATA / "bac-kan-2024-khong-dau.md")
    s = stages(result)
    assert (result.plan["province"], result.plan["decision_no"]) == ("bac-kan", "688/KH-UBND")
    assert [x["kind"] for x in s] == ["guidance", "self_assessment", "appraisal",
                                      "self_assessment", "appraisal", "publication"]
    assert s[1]["lead"] == ["all_communes"] and s[1]["cooperating"] == ["all_districts"]
    assert window(s[1])[1] == date(2024, 11, 15)  # "cham nhat ngay 15 thang 11 nam 2024"
    assert s[4]["lead"] == ["to-tham-dinh"]
    assert s[4]["cooperating"] == ["so-tu-phap", "so-tai-chinh", "so-thong-tin-va-truyen-thong"]
    assert window(s[5]) == (date(2025, 1, 1), date(2025, 3, 31))  # "Quy I/2025"
    assert _reviews("bac-kan-2024-khong-dau.md") == {
        (15, "s03", "loại giai đoạn", "Tham dinh, cong bo Chi so CCHC cua UBND cap xa"),
        (15, "s03", "cơ quan phối hợp", "Phong Noi vu cac huyen, thanh pho"),
        (18, "s06", "thời hạn", "Quy I/2025"),  # a quarter is a window by rule: flagged
    }


def test_two_row_time_header_same_as_above_and_start_only() -> None:
    result = import_plan(DATA / "bac-kan-2023-bat-dau.txt")
    s = stages(result)
    assert window(s[0]) == (date(2023, 10, 2), date(2023, 10, 16))
    assert window(s[1]) == (date(2023, 10, 17), date(2023, 11, 30))
    assert s[1]["scope"] == {"kinds": ["commune"]}
    assert window(s[2]) == window(s[3]) == (date(2023, 12, 1), date(2024, 1, 31))  # "Như trên"
    assert window(s[4]) == (date(2024, 3, 1), date(2024, 3, 14))  # "Trước ngày 15/3/2024"
    assert "window" not in s[5] and s[5]["lead"] == []
    assert _reviews("bac-kan-2023-bat-dau.txt") == {
        (13, "s04", "thời hạn", "từ Tháng 12/2023 đến Tháng 01/2024"),
        (15, "s06", "thời hạn", "01/3/2024"),
        (15, "s06", "cơ quan chủ trì", "Đoàn kiểm tra CCHC tỉnh"),
    }


def test_table_copied_from_a_web_page_one_cell_per_line() -> None:
    result = import_plan(DATA / "ha-tinh-2024-web.txt")
    s = stages(result)
    assert result.shape == "cell_lines" and len(s) == 4  # "I Tự đánh giá" heads rows 1-2
    assert s[0]["lead"] == ["all_departments"]  # "Thủ trưởng các sở, ban, ngành"
    assert window(s[0]) == (date(2024, 11, 1), date(2024, 12, 31))  # "Tháng 11, 12/2024"
    assert s[1]["scope"] == {"kinds": ["central_agency"]}  # "... theo ngành dọc đóng trên địa bàn"
    # Row 3 lacks its cooperating cell: its cells are not placed by guesswork, they are reviewed.
    assert s[2]["title"] == "Thẩm định kết quả tự đánh giá" and s[2]["lead"] == []
    assert window(s[2]) == (date(2025, 1, 1), date(2025, 3, 31))
    assert "window" not in s[3] and s[3]["cooperating"] == ["cuc-thue-tinh"]
    assert _reviews("ha-tinh-2024-web.txt") == {
        (27, "s03", "thời hạn", "Quý I/2025"),
        (24, "s03", "cơ quan chủ trì", ""),
        (32, "s04", "thời hạn", "Từ 05/01/2025"),  # a start without an end
        (29, "s04", "loại giai đoạn", "Kiểm tra, xác minh tài liệu kiểm chứng"),  # "II Thẩm định"
    }
