"""Evidence names in a workbook stay inside the evidence folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import Session, select

from cchc.errors import ValidationError
from models import Evidence
from report.workbook import SHEET, write_template
from report.workbook_apply import apply_workbook
from tests.world.scoring import scoring_campaign


def _name_evidence(path: Path, names: str) -> None:
    """Score 1.1 and name its evidence files."""
    book = load_workbook(path)
    for row in book[SHEET].iter_rows(min_row=6):
        if row[0].value == "1.1":
            row[3].value, row[4].value, row[5].value = 1, "x", names
    book.save(path)


def test_evidence_outside_the_folder_is_refused(session: Session, tmp_path: Path) -> None:
    campaign, (unit,) = scoring_campaign(session, ["a"])
    folder = tmp_path / "minh-chung"
    folder.mkdir()
    (folder / "ok.pdf").write_bytes(b"%PDF")
    secret = tmp_path / "secret.txt"
    secret.write_text("bí mật", encoding="utf-8")
    (folder / "link.txt").symlink_to(secret)
    path = write_template(session=session, campaign=campaign, unit=unit, path=tmp_path / "a.xlsx")
    _name_evidence(path, f"ok.pdf; ../secret.txt; {secret}; link.txt")
    with pytest.raises(ValidationError) as err:
        apply_workbook(
            session=session,
            campaign=campaign,
            unit=unit,
            path=path,
            actor="a",
            submit=False,
            evidence_dir=folder,
        )
    outside = [p for p in err.value.problems if "nằm ngoài thư mục" in p]
    assert len(outside) == 3 and all(p.startswith(f"{SHEET}!F") for p in outside)
    session.rollback()
    assert session.exec(select(Evidence)).all() == []
