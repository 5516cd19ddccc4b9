"""The report's ranking sentence follows the rules in force; block titles follow unit kinds."""

from __future__ import annotations

import pytest

from cchc.wording.blocks import block_title
from cchc.wording.rank_rules import rank_rule_text


@pytest.mark.parametrize(
    ("method", "precision", "chain", "says", "never"),
    [
        ("competition", 2, [], ["làm tròn 2 chữ số thập phân", "đồng hạng", "1, 2, 2, 4"], ["rồi"]),
        ("dense", 1, [], ["làm tròn 1 chữ số thập phân", "1, 2, 2, 3"], ["1, 2, 2, 4"]),
        ("competition", 0, [], ["làm tròn đến hàng đơn vị"], ["chữ số thập phân"]),
        ("competition", None, [], ["chưa làm tròn"], ["làm tròn 2"]),
        (
            "competition",
            2,
            ["appraised_points", "survey_points"],
            ["xếp tiếp theo điểm thẩm định, rồi điểm điều tra xã hội học", "chỉ đồng hạng khi"],
            ["các đơn vị bằng chỉ số đồng hạng"],
        ),
        ("dense", 2, ["field:2"], ["điểm lĩnh vực 2 (Cải cách thủ tục hành chính)"], []),
    ],
)
def test_rank_text_says_the_rules_in_force(
    method: str, precision: int | None, chain: list[str], says: list[str], never: list[str]
) -> None:
    text = rank_rule_text(method, precision, chain, {"2": "Cải cách thủ tục hành chính"})
    assert all(s in text for s in says), text
    assert not any(s in text for s in never), text


def test_local_blocks_are_titled_from_their_units_kinds() -> None:
    assert block_title("commune", ["Xã Nậm Cương", "Phường Tân Phong", "Đặc khu Cô Tô"]) == (
        "UBND các xã, phường, đặc khu"
    )
    district = ["Thành phố Lai Châu", "Huyện Tam Đường", "Thị xã Sa Pa", "UBND quận Ba Đình"]
    assert block_title("district", district) == "UBND các quận, huyện, thị xã, thành phố"
    assert block_title("commune", ["Xã A", "Thị trấn B"]) == "UBND các xã, thị trấn"
    assert block_title("department", ["Sở Nội vụ"]) == "Sở, ban, ngành"
