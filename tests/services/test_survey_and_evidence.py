"""Survey, evidence and workbook service entries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from cchc.errors import PermissionDenied
from cchc.settings import get_settings
from services import evidence, survey, workbook
from tests.world.people import make_user
from tests.world.scoring import scoring_campaign


def test_points_import_is_for_the_admin_and_closes_coverage(
    session: Session, tmp_path: Path
) -> None:
    campaign, (unit,) = scoring_campaign(session, ["a"])
    path = tmp_path / "xhh.csv"
    path.write_text("unit,item,points\na,2.1,2.5\n", encoding="utf-8")
    assert [g.unit_code for g in survey.coverage(session=session, campaign_code=campaign.code)] == [
        "a"
    ]
    with pytest.raises(PermissionDenied):
        survey.import_points(
            session=session,
            campaign_code=campaign.code,
            path=path,
            actor=make_user(session, "unit", unit),
        )
    admin = make_user(session, "admin")
    assert (
        survey.import_points(session=session, campaign_code=campaign.code, path=path, actor=admin)
        == 1
    )
    assert survey.coverage(session=session, campaign_code=campaign.code) == []


def test_ballots_import_is_for_the_admin(session: Session, tmp_path: Path) -> None:
    campaign, _units = scoring_campaign(session, ["a"])
    path = tmp_path / "phieu.csv"
    path.write_text("group,unit,question,answer\ndai-bieu,a,2.1,A\n", encoding="utf-8")
    with pytest.raises(PermissionDenied):
        survey.import_ballots(
            session=session,
            campaign_code=campaign.code,
            path=path,
            actor=make_user(session, "viewer"),
        )


@pytest.fixture
def var_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point settings.var_dir at a temporary folder."""
    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_unit_uploads_evidence_and_exports_its_workbook(
    session: Session, var_dir: Path, tmp_path: Path
) -> None:
    campaign, (unit, other) = scoring_campaign(session, ["a", "b"])
    target = {"session": session, "campaign_code": campaign.code, "unit_code": unit.code}
    with pytest.raises(PermissionDenied):
        evidence.upload(
            **target, actor=make_user(session, "unit", other), filename="bc.pdf", data=b"%PDF"
        )
    row = evidence.upload(
        **target,
        actor=make_user(session, "unit", unit),
        filename="bc.pdf",
        data=b"%PDF",
        item_code="1.1",
    )
    assert [e.id for e in evidence.documents(**target, actor=make_user(session, "viewer"))] == [
        row.id
    ]
    out = workbook.export_template(**target, actor="cli", path=tmp_path / "a.xlsx")
    assert out.exists()
