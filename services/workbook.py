"""A unit's self-assessment workbook: export the template, import it as the draft, submit it."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from models.scoring.tables import SelfAssessment
from services.access import Actor, actor_name, require_read_unit
from services.self_assessment import editable
from services.targets import campaign_unit


def export_template(
    *, session: Session, campaign_code: str, unit_code: str, actor: Actor, path: Path
) -> Path:
    """Write the unit's workbook, pre-filled with its newest version's scores."""
    from report.workbook import write_template  # openpyxl: loaded when a workbook is asked for

    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    require_read_unit(session=session, user=actor, campaign=campaign, unit=unit)
    return write_template(session=session, campaign=campaign, unit=unit, path=path)


def import_draft(
    *,
    session: Session,
    campaign_code: str,
    unit_code: str,
    actor: Actor,
    path: Path,
    evidence_dir: Path | None = None,
) -> SelfAssessment:
    """Save a filled workbook as the unit's draft, with the evidence files it names."""
    from report.workbook_apply import apply_workbook

    campaign, unit = editable(
        session=session, campaign_code=campaign_code, unit_code=unit_code, actor=actor
    )
    return apply_workbook(
        session=session,
        campaign=campaign,
        unit=unit,
        path=path,
        actor=actor_name(actor),
        submit=False,
        evidence_dir=evidence_dir,
    )


def submit(
    *, session: Session, campaign_code: str, unit_code: str, actor: Actor, path: Path
) -> SelfAssessment:
    """Submit the draft saved from this workbook; refusals name the workbook's cells."""
    from report.workbook_apply import submit_workbook as submit_from_workbook

    campaign, unit = editable(
        session=session, campaign_code=campaign_code, unit_code=unit_code, actor=actor
    )
    return submit_from_workbook(
        session=session, campaign=campaign, unit=unit, path=path, actor=actor_name(actor)
    )
