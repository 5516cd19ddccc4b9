"""XLSX appendices: a hand-made workbook with merged cells, and the round trip of every set."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from cchc.settings import get_settings
from cli.main import app
from config import load_criteria_set
from config.schema.criteria import CriteriaSet
from criteriaimport import import_criteria
from criteriaimport.export import write_criteria_xlsx

SETS = sorted((get_settings().config_dir / "criteria").glob("*.yaml"))


def _workbook(path: Path) -> Path:
    """Bắc Kạn 2023 communes: title rows, header on row 4, the district appraising by merge."""
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "Bắc Kạn, ngày 02 tháng 10 năm 2023"
    sheet["A2"] = "Bộ Chỉ số cải cách hành chính của UBND các xã năm 2023"
    rows = [
        ["TT", "Tiêu chí", "Tiêu chí thành phần", "Điểm tối đa", "Cơ quan thẩm định"],
        ["I", "Công tác chỉ đạo", None, 3, "UBND cấp huyện"],
        ["1", "Kế hoạch CCHC", None, 2, None],
        ["a", None, "Ban hành đúng hạn", 1.25, None],
        ["b", None, "Đủ nội dung", 0.75, None],
        ["2", "Hài lòng của người dân", None, 1, "Điều tra XHH"],
    ]
    for r, row in enumerate(rows, start=4):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
    sheet.merge_cells("E5:E7")  # the district appraises field I, one merged cell
    sheet.merge_cells("B5:C5")  # the field's title runs over both title columns
    book.save(path)
    return path


def test_xlsx_with_merged_cells_and_title_columns(tmp_path: Path) -> None:
    result = import_criteria(_workbook(tmp_path / "bo-chi-so.xlsx"))
    cs = result.criteria_set
    assert result.reviews == [] and result.shape == "xlsx"
    assert (cs["code"], cs["tier"], cs["applies_to"]) == (
        "bac-kan-2023-xa",
        "commune",
        {"rank_groups": ["commune"]},
    )
    field = cs["fields"][0]
    assert (field["appraiser"], field["title"], field["max_points"]) == (
        "parent",
        "Công tác chỉ đạo",
        3,
    )
    subs = field["criteria"][0]["sub_criteria"]
    assert [(s["code"], s["title"], s["max_points"]) for s in subs] == [
        ("1.1.1", "Ban hành đúng hạn", 1.25),
        ("1.1.2", "Đủ nội dung", 0.75),
    ]
    assert field["criteria"][1]["method"] == "survey" and cs["survey_total"] == 1


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_export_then_import_gives_the_same_set(path: Path, tmp_path: Path) -> None:
    original = load_criteria_set(path)
    result = import_criteria(write_criteria_xlsx(original, tmp_path / "set.xlsx"))
    assert result.reviews == []
    assert CriteriaSet.model_validate(result.criteria_set).model_dump() == original.model_dump()


def test_criteria_export_command_writes_a_workbook_import_reads(tmp_path: Path) -> None:
    target = tmp_path / "xa.xlsx"
    source = get_settings().config_dir / "criteria" / "lai-chau-2025-xa.yaml"
    out = CliRunner().invoke(app, ["criteria", "export", str(source), "-o", str(target)])
    assert out.exit_code == 0, out.output
    back = import_criteria(target).criteria_set
    assert (back["code"], back["units"], back["total"]) == (
        "lai-chau-2025-xa",
        "lai-chau-2025",
        100,
    )
