"""Bonus ("Điểm thưởng"), penalty ("Điểm trừ") and not-applicable rows; formulas round trip."""

from __future__ import annotations

from pathlib import Path

import yaml

import config
from config.schema import CriteriaSet
from criteriaimport import import_criteria
from criteriaimport.export import write_criteria_xlsx
from tests.world.extensions import extended_set

# Lai Châu 2025 communes: base 6 points; bonus 1 and penalty 2 outside it; 1.2 may not apply.
TEXT = """Lai Châu, ngày 05 tháng 8 năm 2025
BỘ CHỈ SỐ ĐÁNH GIÁ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC XÃ, PHƯỜNG NĂM 2025

| STT | Nội dung | Điểm tối đa | Phương pháp đánh giá | Cơ quan thẩm định | Ghi chú |
|---|---|---|---|---|---|
| 1 | Công tác chỉ đạo, điều hành | 6 | | Sở Nội vụ | |
| 1.1 | Kế hoạch cải cách hành chính | 3 | Tự đánh giá | | |
| 1.2 | Thanh tra công vụ | 2 | | | Không đánh giá đối với xã không có cán bộ thanh tra |
| 1.3 | Sáng kiến cải cách hành chính | 1 | | | |
| 1.4 | Điểm thưởng: sáng kiến được cấp tỉnh công nhận | 1 | | | |
| 2 | Điểm trừ | -2 | | Sở Nội vụ | |
| 2.1 | Chậm gửi báo cáo cải cách hành chính | -1 | | | |
| 2.2 | Để xảy ra vi phạm bị xử lý kỷ luật | -1 | | | |
| | Tổng cộng | 6 | | | |
"""


def test_bonus_penalty_and_not_applicable_rows_are_recognised(tmp_path: Path) -> None:
    path = tmp_path / "phu-luc.md"
    path.write_text(TEXT, encoding="utf-8")
    result = import_criteria(path)
    cs = result.criteria_set
    f1, f2 = cs["fields"]
    assert (f1["max_points"], [c.get("kind") for c in f1["criteria"]]) == (
        6, [None, None, None, "bonus"])  # fmt: skip
    assert [c.get("allow_not_applicable") for c in f1["criteria"]] == [None, True, None, None]
    assert (f2["kind"], f2["max_points"], [c["kind"] for c in f2["criteria"]]) == (
        "penalty", 2, ["penalty", "penalty"])  # fmt: skip
    assert (cs["total"], cs["self_total"], cs["index_cap"]) == (6, 6, 100)
    assert [(r.item, r.field) for r in result.reviews] == [("1.4", "điểm thưởng")]
    target = tmp_path / "config" / "criteria" / "lai-chau-2025-xa.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(yaml.safe_dump(cs, allow_unicode=True, sort_keys=False), encoding="utf-8")
    units = Path(__file__).resolve().parents[2] / "config" / "units" / "lai-chau-2025.yaml"
    (tmp_path / "config" / "units").mkdir()
    (tmp_path / "config" / "units" / "lai-chau-2025.yaml").write_bytes(units.read_bytes())
    assert config.validate_paths([target]) == []


def test_bonus_and_penalty_fields_without_an_agency_go_to_so_noi_vu_for_review(
    tmp_path: Path,
) -> None:
    """Decisions rarely name who checks bonus and penalty points: the standing agency (Sở Nội vụ)
    is written, said in the review list, and the set validates; a base field stays unresolved."""
    text = TEXT.replace("| 2 | Điểm trừ | -2 | | Sở Nội vụ | |", "| 2 | Điểm trừ | -2 | | | |")
    path = tmp_path / "phu-luc.md"
    path.write_text(text, encoding="utf-8")
    result = import_criteria(path)
    penalty = result.criteria_set["fields"][1]
    assert penalty["appraiser"] == "so-noi-vu"
    (review,) = [r for r in result.reviews if r.field == "cơ quan thẩm định"]
    assert review.item == "2" and review.line == 11 and "đã ghi Sở Nội vụ" in review.reason
    base = TEXT.replace("| 6 | | Sở Nội vụ | |", "| 6 | | | |")
    path.write_text(base, encoding="utf-8")
    assert import_criteria(path).criteria_set["fields"][0]["appraiser"] == "can-xem-lai"


def test_extended_set_exports_and_reads_back_the_same(tmp_path: Path) -> None:
    """Kinds, the not-applicable mark, formulas and the cap survive the XLSX round trip."""
    body = extended_set(code="lai-chau-2024-mo-rong", province="lai-chau")  # a shipped units file
    original = CriteriaSet.model_validate(body)
    result = import_criteria(write_criteria_xlsx(original, tmp_path / "set.xlsx"))
    assert result.reviews == []
    assert CriteriaSet.model_validate(result.criteria_set).model_dump() == original.model_dump()
