"""Agency names and stage kinds as documents write them."""

from __future__ import annotations

import pytest

from config import load_units
from planimport.agencies import Directory
from planimport.kinds import stage_kind


@pytest.fixture(scope="module")
def bac_kan() -> Directory:
    """Bắc Kạn's units, as the importer matches them."""
    from cchc.settings import get_settings

    units = load_units(get_settings().config_dir / "units" / "bac-kan.yaml")
    return Directory(units.units, units.province.name)


@pytest.mark.parametrize(("text", "targets"), [
    ("Sở TT&TT", ["so-thong-tin-va-truyen-thong"]),
    ("VP UBND tỉnh; Văn phòng Ủy ban nhân dân tỉnh", ["van-phong-ubnd-tinh"]),
    ("các Sở: Tư pháp, Tài chính, Thông tin và Truyền thông",
     ["so-tu-phap", "so-tai-chinh", "so-thong-tin-va-truyen-thong"]),
    ("So Tu phap, so tai chinh", ["so-tu-phap", "so-tai-chinh"]),
    ("UBND cấp huyện", ["all_districts"]),
    ("UBND các huyện, thành phố và các xã, phường, thị trấn", ["all_districts", "all_communes"]),
    ("Các sở, ban, ngành; người dân; doanh nghiệp", ["all_departments"]),
    ("- Các Sở và cơ quan ngang Sở.\n- UBND các quận, huyện, thị xã.",
     ["all_departments", "all_districts"]),
    ("Cơ quan Trung ương đóng trên địa bàn tỉnh", ["all_central_agencies"]),
    ("Hội đồng thẩm định cấp huyện", ["all_districts"]),
])
def test_resolve_names_documents_use(bac_kan: Directory, text: str, targets: list[str]) -> None:
    found = bac_kan.resolve(text)
    assert (found.targets, found.unknown) == (targets, [])


def test_resolve_reports_what_it_cannot_place(bac_kan: Directory) -> None:
    found = bac_kan.resolve("Sở Nội vụ; Sở Du lịch vũ trụ; các Sở: Tư pháp, Hàng không")
    assert found.targets == ["so-noi-vu", "so-tu-phap"]
    assert found.unknown == ["Sở Du lịch vũ trụ", "Hàng không"]


@pytest.mark.parametrize(("text", "kind"), [
    ("Ban hành văn bản hướng dẫn các cơ quan tự đánh giá chấm điểm", "guidance"),
    ("Tổ chức thẩm định kết quả tự đánh giá chấm điểm", "appraisal"),
    ("Họp Tổ thẩm định, thống nhất kết quả", "council_session"),
    ("Tham mưu UBND tỉnh ban hành Quyết định thành lập Tổ thẩm định", "generic"),
    ("Trình UBND tỉnh kết quả xác định Chỉ số CCHC", "approval"),
    ("Tổ chức điều tra XHH", "survey"),
    ("Công bố Chỉ số CCHC năm 2023", "publication"),
    ("Báo cáo tự đánh giá của các xã gửi UBND cấp huyện để thẩm định", "self_assessment"),
    ("Tổng hợp, xử lý số liệu", "generic"),
])
def test_stage_kind_reads_the_first_act(text: str, kind: str) -> None:
    assert stage_kind(text).kind == kind


def test_stage_kind_doubts_two_acts_side_by_side() -> None:
    guess = stage_kind("Thẩm định và công bố kết quả Chỉ số CCHC")
    assert guess.kind == "appraisal" and guess.doubt and "công bố" in guess.doubt
