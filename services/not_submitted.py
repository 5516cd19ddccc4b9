"""The council records that a unit did not submit its self-assessment, with the reason."""

from __future__ import annotations

from sqlmodel import Session

from cchc.errors import Conflict, ValidationError
from models.campaign.facts import record_fact
from models.campaign.tables import Fact
from models.enums import Role
from models.scoring.readiness import MISSING_KIND
from models.scoring.self_assessments import current_submission
from services import lifecycle
from services.access import Actor, actor_name, require_role
from services.targets import campaign_unit


def mark_not_submitted(
    *, session: Session, campaign_code: str, unit_code: str, reason: str, actor: Actor
) -> Fact:
    """Record, once its window is over, that the unit did not submit (admin or council)."""
    require_role(actor, Role.admin, Role.council)
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    lifecycle.require(campaign, "not_submitted")
    if not (reason or "").strip():
        raise ValidationError("reason: cần nêu lý do đơn vị không nộp tự đánh giá")
    if current_submission(session=session, campaign_id=campaign.id, unit_id=unit.id):
        raise Conflict(f"đơn vị {unit.code} đã nộp tự đánh giá", rule="already_submitted")
    lifecycle.require_submission_final(session=session, campaign=campaign, unit=unit)
    return record_fact(
        session=session,
        campaign_id=campaign.id,
        kind=MISSING_KIND,
        actor=actor_name(actor),
        unit_id=unit.id,
        payload={"reason": reason.strip()},
        document_no=reason.strip()[:128],
        key=f"{MISSING_KIND}:{unit.id}",
    )
