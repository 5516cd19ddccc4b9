"""Apply a filled self-assessment workbook: save it as the draft, upload named evidence, submit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlmodel import Session

from cchc.errors import ScoreError, ValidationError
from models.campaign.tables import Campaign
from models.catalog.units import OrgUnit
from models.scoring.evidence import add_evidence
from models.scoring.self_assessments import save_draft, submit_self_assessment
from models.scoring.tables import SelfAssessment
from report.workbook import SHEET, WorkbookScores, locate, read_workbook


def _check_identity(parsed: WorkbookScores, campaign: Campaign, unit: OrgUnit, name: str) -> None:
    """Refuse a workbook made for another campaign or unit."""
    if parsed.campaign and parsed.campaign != campaign.code:
        raise ValidationError(
            f"{name}: tệp của chiến dịch «{parsed.campaign}», không phải «{campaign.code}»"
        )
    if parsed.unit and parsed.unit != unit.code:
        raise ValidationError(f"{name}: tệp của đơn vị «{parsed.unit}», không phải «{unit.code}»")


def _inside(folder: Path, name: str) -> Path | None:
    """Return the evidence file `name` in `folder`, or None when it would point outside it."""
    relative = Path(name)
    if relative.is_absolute() or relative.drive or ".." in relative.parts:
        return None
    root = folder.resolve()
    path = (root / relative).resolve()  # a symlink may still lead elsewhere
    return path if path.is_relative_to(root) and path != root else None


def _upload(
    session: Session,
    campaign: Campaign,
    unit: OrgUnit,
    parsed: WorkbookScores,
    folder: Path,
    actor: str,
) -> int:
    """Upload every evidence file the workbook names (all found, or none)."""
    wanted, problems = [], []
    for code, names in parsed.evidence.items():
        cell = parsed.cells[code].replace(f"{SHEET}!D", f"{SHEET}!F")
        for name in names:
            path = _inside(folder, name)
            if path is None:
                problems.append(f"{cell}: tên tệp «{name}» nằm ngoài thư mục {folder}")
            elif path.is_file():
                wanted.append((code, path))
            else:
                problems.append(f"{cell}: không tìm thấy tệp «{name}» trong {folder}")
    if problems:
        raise ValidationError(problems[0], problems=problems)
    for code, path in wanted:
        add_evidence(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit.id,
            filename=path.name,
            data=path.read_bytes(),
            actor=actor,
            item_code=code,
        )
    return len(wanted)


def apply_workbook(
    *,
    session: Session,
    campaign: Campaign,
    unit: OrgUnit,
    path: str | Path,
    actor: str,
    submit: bool = True,
    evidence_dir: str | Path | None = None,
) -> SelfAssessment:
    """Save the workbook as the unit's draft, upload its evidence, submit unless `submit` is off."""
    path = Path(path)
    parsed = read_workbook(path)
    _check_identity(parsed, campaign, unit, path.name)
    with _located(parsed):
        draft = save_draft(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit.id,
            scores=parsed.scores,
            actor=actor,
        )
        if evidence_dir is not None:
            _upload(session, campaign, unit, parsed, Path(evidence_dir), actor)
        if submit:
            return submit_self_assessment(
                session=session, campaign_id=campaign.id, unit_id=unit.id, actor=actor
            )
    return draft


def submit_workbook(
    *, session: Session, campaign: Campaign, unit: OrgUnit, path: str | Path, actor: str
) -> SelfAssessment:
    """Submit the draft saved from this workbook; refusals name the workbook's cells."""
    with _located(read_workbook(Path(path))):
        return submit_self_assessment(
            session=session, campaign_id=campaign.id, unit_id=unit.id, actor=actor
        )


@contextmanager
def _located(parsed: WorkbookScores) -> Iterator[None]:
    """Re-raise a ScoreError with each problem prefixed by its sheet and cell."""
    try:
        yield
    except ScoreError as exc:
        problems = locate(exc.problems, parsed.cells)
        raise ScoreError(problems[0], problems=problems) from exc
