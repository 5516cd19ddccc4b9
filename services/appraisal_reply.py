"""The unit's answer (giải trình) to the appraisal of one of its leaves."""

from __future__ import annotations

from sqlmodel import Session

from models.catalog.criteria import CriteriaItem
from models.scoring.appraisals import respond_to_appraisal
from models.scoring.tables import Appraisal
from services.access import Actor, actor_name, require_own_unit
from services.targets import campaign_unit, find_item


def reply(
    *, session: Session, campaign_code: str, unit_code: str, item_code: str, actor: Actor, text: str
) -> tuple[CriteriaItem, Appraisal]:
    """Record the unit's answer to the appraisal of one leaf (its own users only)."""
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    require_own_unit(actor, unit)
    item = find_item(session=session, campaign=campaign, unit=unit, item_code=item_code)
    row = respond_to_appraisal(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code=item.code,
        text=text,
        actor=actor_name(actor),
    )
    return item, row
