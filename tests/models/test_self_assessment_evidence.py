"""Evidence: stored by sha256 under var/evidence, limits from settings, counted at submit."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from cchc.errors import ValidationError
from cchc.settings import get_settings
from models.scoring.evidence import add_evidence, read_evidence
from models.scoring.self_assessments import save_draft, submit_self_assessment
from tests.world.scoring import scoring_campaign


@pytest.fixture
def var_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point settings.var_dir at a temporary folder with a 1 KB evidence limit."""
    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("CCHC_EVIDENCE__MAX_BYTES", "1024")
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_evidence_is_stored_by_sha256_and_replaces_the_explanation(
    session: Session, var_dir: Path
) -> None:
    campaign, (unit,) = scoring_campaign(session, ["so-tu-phap"])
    data = b"%PDF-1.4 ke hoach CCHC"
    row = add_evidence(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        filename="C:\\docs\\Kế hoạch 12.pdf",
        data=data,
        actor="u",
        item_code="1.1",
    )
    assert (row.filename, row.size, row.sha256) == (
        "Kế hoạch 12.pdf",
        len(data),
        hashlib.sha256(data).hexdigest(),
    )
    assert (var_dir / "evidence" / row.sha256).read_bytes() == data
    assert read_evidence(session=session, evidence_id=row.id)[1] == data
    save_draft(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        actor="u",
        scores={"1.1": 2.0, "1.2.1": {"score": 1, "explanation": "x"}, "1.2.2": 0.0},
    )
    assert (
        submit_self_assessment(
            session=session, campaign_id=campaign.id, unit_id=unit.id, actor="u"
        ).status
        == "submitted"
    )


@pytest.mark.parametrize(
    ("name", "size", "message"),
    [
        ("virus.exe", 10, "loại tệp «.exe» không được nhận"),
        ("big.pdf", 2000, "vượt giới hạn 1,024 byte"),
        ("empty.pdf", 0, "tệp rỗng"),
    ],
)
def test_evidence_limits_come_from_settings(
    session: Session, var_dir: Path, name: str, size: int, message: str
) -> None:
    campaign, (unit,) = scoring_campaign(session, ["so-tu-phap"])
    with pytest.raises(ValidationError, match=message):
        add_evidence(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit.id,
            filename=name,
            data=b"x" * size,
            actor="u",
        )
    assert not (var_dir / "evidence").exists()
