"""Excel round trip: template → fill → submit; errors name the sheet, the cell and the item code."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import Session, select

from cchc.errors import ScoreError, ValidationError
from models import SelfScore
from models.scoring.self_assessments import current_submission, save_draft
from report.workbook import SHEET, write_template
from report.workbook_apply import apply_workbook
from tests.world.scoring import scoring_campaign


def _fill(path: Path, values: dict[str, tuple[object, str | None]]) -> None:
    """Type scores and explanations into the rows of the given item codes."""
    book = load_workbook(path)
    sheet = book[SHEET]
    for row in sheet.iter_rows(min_row=6):
        if row[0].value in values:
            row[3].value, row[4].value = values[row[0].value]
    book.save(path)


def test_template_fill_submit_round_trip(session: Session, tmp_path: Path) -> None:
    campaign, (unit,) = scoring_campaign(session, ["so-tu-phap"])
    path = write_template(session=session, campaign=campaign, unit=unit, path=tmp_path / "tdg.xlsx")
    sheet = load_workbook(path)[SHEET]
    assert [c.value for c in sheet[5]] == [
        "Mã",
        "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
        "Điểm tối đa",
        "Tự đánh giá",
        "Giải trình",
        "Tài liệu kiểm chứng",
        "Ghi chú",
    ]
    assert [sheet.cell(r, 1).value for r in range(6, 12)] == [
        "1",
        "1.1",
        "1.2",
        "1.2.1",
        "1.2.2",
        "2",
    ]
    assert sheet.cell(12, 7).value == "Điều tra XHH"
    _fill(
        path,
        {
            "1.1": (1.75, "Kế hoạch số 12/KH"),
            "1.2.1": ("0,5", "Thiếu báo cáo quý I"),
            "1.2.2": (1, "Đúng hạn"),
        },
    )
    done = apply_workbook(session=session, campaign=campaign, unit=unit, path=path, actor="stp")
    session.commit()
    assert done.status == "submitted"
    assert sorted(s.score for s in session.exec(select(SelfScore)).all()) == [0.5, 1.0, 1.75]
    again = load_workbook(
        write_template(session=session, campaign=campaign, unit=unit, path=tmp_path / "lai.xlsx")
    )[SHEET]
    assert (again.cell(7, 4).value, again.cell(7, 5).value) == (1.75, "Kế hoạch số 12/KH")


def test_bad_cells_are_named_by_sheet_cell_and_code(session: Session, tmp_path: Path) -> None:
    campaign, (unit,) = scoring_campaign(session, ["so-tu-phap"])
    save_draft(
        session=session, campaign_id=campaign.id, unit_id=unit.id, scores={"1.1": 1.0}, actor="stp"
    )
    session.commit()
    path = write_template(session=session, campaign=campaign, unit=unit, path=tmp_path / "tdg.xlsx")
    _fill(path, {"1.1": ("nhiều", None)})
    with pytest.raises(ValidationError, match=r"Tự đánh giá!D7 \(1.1\): «nhiều» không phải số"):
        apply_workbook(session=session, campaign=campaign, unit=unit, path=path, actor="stp")
    _fill(path, {"1.1": (2.5, "x"), "1.2.1": (1, "x")})
    with pytest.raises(ScoreError) as err:
        apply_workbook(session=session, campaign=campaign, unit=unit, path=path, actor="stp")
    session.rollback()
    assert err.value.problems == ["Tự đánh giá!D7 1.1: điểm 2,5 ngoài khoảng 0 – 2"]
    assert session.exec(select(SelfScore)).one().score == 1.0  # the stored draft is untouched
    _fill(path, {"1.1": (2, "x")})
    with pytest.raises(ScoreError) as err:
        apply_workbook(session=session, campaign=campaign, unit=unit, path=path, actor="stp")
    assert err.value.problems == ["Tự đánh giá!D10 1.2.2: chưa chấm điểm"]
    assert current_submission(session=session, campaign_id=campaign.id, unit_id=unit.id) is None


def test_a_workbook_for_another_unit_is_refused(session: Session, tmp_path: Path) -> None:
    campaign, (a, b) = scoring_campaign(session, ["a", "b"])
    path = write_template(session=session, campaign=campaign, unit=a, path=tmp_path / "a.xlsx")
    with pytest.raises(ValidationError, match="tệp của đơn vị «a», không phải «b»"):
        apply_workbook(session=session, campaign=campaign, unit=b, path=path, actor="b")
