"""Extending one unit's due time in one stage, found by codes (for the CLI and the API)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, func, select

from cchc.errors import NotFound
from models.campaign.assignments import extend_due
from models.campaign.facts import get_campaign, get_stage
from models.campaign.tables import Assignment, Extension, Stage
from models.catalog.units import OrgUnit


def extend_unit(
    *,
    session: Session,
    campaign_code: str,
    stage_code: str,
    unit_code: str,
    new_due_at: datetime,
    reason: str,
    document_no: str,
    actor: str,
) -> Extension:
    """Extend a unit's assignment; reminders and lateness follow the new due time."""
    campaign = get_campaign(session=session, code=campaign_code)
    stage = get_stage(session=session, campaign_id=campaign.id, code=stage_code)
    row = session.exec(
        select(Assignment)
        .join(OrgUnit, col(OrgUnit.id) == col(Assignment.unit_id))
        .where(Assignment.stage_id == stage.id, OrgUnit.code == unit_code)
    ).first()
    if row is None:
        raise NotFound(f"đơn vị «{unit_code}» không có nhiệm vụ trong giai đoạn «{stage_code}»")
    return extend_due(
        session=session,
        assignment=row,
        new_due_at=new_due_at,
        reason=reason,
        document_no=document_no,
        actor=actor,
    )


def extendable_stages(*, session: Session, campaign_code: str) -> list[Stage]:
    """Return the campaign's stages in which units act (they have assignments), in order."""
    camp = get_campaign(session=session, code=campaign_code)
    has_units = select(Assignment.id).where(col(Assignment.stage_id) == col(Stage.id)).exists()
    query = (
        select(Stage)
        .where(col(Stage.campaign_id) == camp.id, has_units)
        .order_by(col(Stage.position))
    )
    return list(session.exec(query).all())


def extendable_units(
    *, session: Session, campaign_code: str, text: str, limit: int
) -> list[tuple[str, str]]:
    """Return (code, name) of the campaign's assigned units whose name or code holds `text`."""
    camp = get_campaign(session=session, code=campaign_code)
    pattern = f"%{text.strip().lower()}%"
    assigned = (
        select(Assignment.id)
        .where(col(Assignment.unit_id) == col(OrgUnit.id), Assignment.campaign_id == camp.id)
        .exists()
    )
    query = (
        select(OrgUnit.code, OrgUnit.name)
        .where(
            col(OrgUnit.province_code) == camp.province_code,
            func.lower(OrgUnit.name).like(pattern) | func.lower(OrgUnit.code).like(pattern),
            assigned,
        )
        .order_by(col(OrgUnit.code))
        .limit(limit)
    )
    return [(code, name) for code, name in session.exec(query).all()]
