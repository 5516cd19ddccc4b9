"""The council's final score for one leaf of a unit."""

from __future__ import annotations

from sqlmodel import Session

from models.catalog.criteria import CriteriaItem
from models.enums import Role
from models.scoring.appraisals import record_final_score
from models.scoring.tables import Appraisal
from services.access import Actor, actor_name, require_role
from services.lifecycle import require_appraisable
from services.score_input import nfc, require_number
from services.targets import campaign_unit, find_item


def record(
    *,
    session: Session,
    campaign_code: str,
    unit_code: str,
    item_code: str,
    actor: Actor,
    score: float,
    reason: str,
) -> tuple[CriteriaItem, Appraisal]:
    """Record the council's final score for one leaf, with its reason (admin or council)."""
    require_number(item_code, score)  # strict at the service entry: no true, "1.5" or "１"
    reason = nfc(reason)
    require_role(actor, Role.admin, Role.council)
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    item = find_item(session=session, campaign=campaign, unit=unit, item_code=item_code)
    require_appraisable(session=session, campaign=campaign, unit=unit, act="final_score")
    row = record_final_score(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code=item.code,
        score=score,
        reason=reason,
        actor=actor_name(actor),
    )
    return item, row
