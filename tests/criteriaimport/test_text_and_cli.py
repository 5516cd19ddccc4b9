"""Text appendices (Markdown pipes, tabs), the review list, --strict and --json."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from cli.main import app
from criteriaimport import import_criteria

runner = CliRunner()


def _flat(text: str) -> str:
    """Undo the console's line wrapping."""
    return " ".join(text.split())


# 2-tier Lai Châu 2025, communes; arabic numbering 1 / 1.1 / 1.1.1; line numbers matter below.
TEXT = """Lai Châu, ngày 05 tháng 8 năm 2025
BỘ CHỈ SỐ ĐÁNH GIÁ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC XÃ, PHƯỜNG NĂM 2025

| STT | Nội dung | Điểm tối đa | Phương pháp đánh giá | Cơ quan thẩm định |
|---|---|---|---|---|
| 1 | Công tác chỉ đạo, điều hành | 5 | | Sở Nội vụ |
| 1.1 | Kế hoạch cải cách hành chính | 3 | Tự đánh giá | |
| 1.1.1 | Ban hành kế hoạch | 1,5 | | |
| 1.1.2 | Hoàn thành kế hoạch | 1 | | |
| 1.1.2.1 | Hoàn thành trên 90% | 0,5 | | |
| 1.2 | Sự hài lòng của người dân | 2 | Điều tra xã hội học | |
| 2 | Cải cách thủ tục hành chính | 4 | | Sở Du hành Vũ trụ |
| 2.1 | Công khai thủ tục hành chính | 4 | | |
| | Tổng cộng | 9 | | |
"""


def _doc(tmp_path: Path) -> Path:
    """Write the text appendix."""
    path = tmp_path / "phu-luc.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_text_appendix_flags_sums_depth_and_unknown_agency(tmp_path: Path) -> None:
    result = import_criteria(_doc(tmp_path))
    found = {(r.line, r.item, r.field, r.text) for r in result.reviews}
    assert found == {
        (10, None, "cấp mục", "1.1.2.1 Hoàn thành trên 90%"),
        (7, "1.1", "điểm tối đa", "3"),  # 1,5 + 1 = 2,5 written as 3
        (6, "1", "điểm tối đa", "5"),  # so the field sums to 4,5
        (12, "2", "cơ quan thẩm định", "Sở Du hành Vũ trụ"),
        (14, None, "tổng điểm", "9"),
    }
    cs = result.criteria_set
    assert (cs["code"], cs["units"], cs["tier"]) == ("lai-chau-2025-xa", "lai-chau-2025", "commune")
    assert cs["applies_to"] == {"rank_groups": ["commune", "ward"]}
    assert [f["appraiser"] for f in cs["fields"]] == ["so-noi-vu", "can-xem-lai"]
    assert cs["fields"][0]["criteria"][1]["method"] == "survey"
    assert (cs["total"], cs["self_total"], cs["survey_total"]) == (8.5, 6.5, 2)


def test_criteria_import_strict_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "set.yaml"
    out = runner.invoke(
        app, ["criteria", "import", str(_doc(tmp_path)), "--strict", "-o", str(target)]
    )
    assert out.exit_code == 2 and not target.exists() and "Traceback" not in out.output
    assert "dòng 12: mục 2, cơ quan thẩm định «Sở Du hành Vũ trụ»" in _flat(out.output)
    assert "5 giá trị cần xem lại (--strict)" in _flat(out.output)


def test_criteria_import_json_and_yaml_outputs(tmp_path: Path) -> None:
    out = runner.invoke(app, ["criteria", "import", str(_doc(tmp_path)), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["shape"] == "text" and len(data["reviews"]) == 5
    target = tmp_path / "set.yaml"
    out = runner.invoke(app, ["criteria", "import", str(_doc(tmp_path)), "-o", str(target)])
    assert out.exit_code == 0 and "2 lĩnh vực, 3 tiêu chí, tổng 8,5 điểm" in _flat(out.output)
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["fields"][1]["code"] == "2"


def test_tab_text_and_tier_option(tmp_path: Path) -> None:
    path = tmp_path / "bang.txt"
    path.write_text(
        "Bắc Kạn, ngày 01 tháng 10 năm 2023\nBỘ CHỈ SỐ CCHC NĂM 2023\n"
        "STT\tLĩnh vực, tiêu chí\tĐiểm\tCơ quan đánh giá\n"
        "I\tCông tác chỉ đạo\t2\tUBND cấp huyện\n"
        "1\tKế hoạch\t2\t\n",
        encoding="utf-8",
    )
    result = import_criteria(path, tier="commune")
    cs = result.criteria_set
    assert result.reviews == [] and cs["code"] == "bac-kan-2023-xa"
    assert cs["fields"][0]["appraiser"] == "parent"  # 3-tier: the commune's district appraises


def test_criteria_import_without_tier_asks_for_it(tmp_path: Path) -> None:
    path = tmp_path / "bang.txt"
    path.write_text(
        "Lai Châu, ngày 01 tháng 10 năm 2024\nBỘ CHỈ SỐ\nCủa các sở và các huyện\n"
        "STT\tTiêu chí\tĐiểm tối đa\n1\tA\t1\n1.1\tB\t1\n",
        encoding="utf-8",
    )
    out = runner.invoke(app, ["criteria", "import", str(path)])
    assert (
        out.exit_code == 2
        and "hãy dùng --tier" in _flat(out.output)
        and "Traceback" not in out.output
    )
    out = runner.invoke(app, ["criteria", "import", str(path), "--tier", "nowhere"])
    assert out.exit_code == 2 and "--tier «nowhere» không hợp lệ" in out.output


def test_criteria_import_refuses_a_file_without_a_table(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Lai Châu, ngày 01 tháng 10 năm 2024\nKhông có bảng.\n", encoding="utf-8")
    out = runner.invoke(app, ["criteria", "import", str(path), "--tier", "department"])
    assert out.exit_code == 2 and "không thấy bảng tiêu chí" in _flat(out.output)


def test_field_with_two_appraisers_or_none_is_reviewed(tmp_path: Path) -> None:
    path = tmp_path / "bang.txt"
    path.write_text(
        "Lai Châu, ngày 01 tháng 10 năm 2024\nBỘ CHỈ SỐ CCHC CỦA CÁC SỞ NĂM 2024\n"
        "STT\tTiêu chí\tĐiểm tối đa\tCơ quan thẩm định\n"
        "I\tCông tác chỉ đạo\t3\t\n"
        "1\tKế hoạch\t2\tSở Nội vụ\n"
        "2\tBáo cáo\t1\tVăn phòng UBND tỉnh\n"
        "II\tThể chế\t1\t\n"
        "1\tVăn bản\t1\t\n",
        encoding="utf-8",
    )
    result = import_criteria(path)
    assert [f["appraiser"] for f in result.criteria_set["fields"]] == ["so-noi-vu", "can-xem-lai"]
    assert [r.note() for r in result.reviews] == [
        "dòng 4: mục 1, cơ quan thẩm định «Sở Nội vụ; Văn phòng UBND tỉnh» — mỗi lĩnh vực chỉ có "
        "một cơ quan thẩm định; đã chọn cơ quan đầu tiên",
        "dòng 7: mục 2, cơ quan thẩm định «» — văn bản không ghi cơ quan thẩm định",
    ]


def test_agency_naming_a_group_or_two_units_is_reviewed(tmp_path: Path) -> None:
    path = tmp_path / "bang.txt"
    path.write_text(
        "Lai Châu, ngày 01 tháng 10 năm 2024\nBỘ CHỈ SỐ CCHC CỦA CÁC SỞ NĂM 2024\n"
        "STT\tTiêu chí\tĐiểm tối đa\tCơ quan thẩm định\n"
        "I\tĐiều tra xã hội học về sự hài lòng\t1\tCác sở, ban, ngành\n"
        "1\tMức độ hài lòng\t1\t\n"
        "II\tThể chế\t1\tSở Nội vụ, Sở Tư pháp\n"
        "1\tVăn bản\t1\t\n",
        encoding="utf-8",
    )
    result = import_criteria(path)
    assert result.criteria_set["tier"] == "department"  # "xã hội" is not a commune
    assert [r.reason for r in result.reviews] == [
        "là một nhóm đơn vị, không phải một cơ quan thẩm định",
        "nêu nhiều đơn vị; mỗi lĩnh vực chỉ có một cơ quan thẩm định",
    ]
