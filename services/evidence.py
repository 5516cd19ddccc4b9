"""Evidence documents (tài liệu kiểm chứng): a unit uploads them; those in scope list them."""

from __future__ import annotations

from sqlmodel import Session

from models.scoring.evidence import add_evidence, list_evidence
from models.scoring.self_assessments.versions import open_stage
from models.scoring.tables import Evidence
from services.access import Actor, actor_name, require_read_unit
from services.self_assessment import editable
from services.targets import campaign_unit


def upload(
    *,
    session: Session,
    campaign_code: str,
    unit_code: str,
    actor: Actor,
    filename: str,
    data: bytes,
    item_code: str | None = None,
) -> Evidence:
    """Store an evidence document for the unit (and one self-assessed leaf, when given)."""
    campaign, unit = editable(
        session=session, campaign_code=campaign_code, unit_code=unit_code, actor=actor,
        act="evidence",
    )  # fmt: skip
    # evidence belongs to the self-assessment: the same window as submit, edit and withdraw
    open_stage(session=session, campaign_id=campaign.id, unit_id=unit.id)
    return add_evidence(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        filename=filename,
        data=data,
        actor=actor_name(actor),
        item_code=item_code,
    )


def documents(
    *, session: Session, campaign_code: str, unit_code: str, actor: Actor
) -> list[Evidence]:
    """Return the unit's evidence documents in upload order (readers of the unit only)."""
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    require_read_unit(session=session, user=actor, campaign=campaign, unit=unit)
    return list_evidence(session=session, campaign_id=campaign.id, unit_id=unit.id)
