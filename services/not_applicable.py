"""Mark a leaf not applicable to a unit (không áp dụng), or clear it: the unit or its appraiser."""

from __future__ import annotations

from sqlmodel import Session

from models.accounts.tables import User
from models.campaign.tables import Campaign
from models.catalog.criteria import CriteriaItem
from models.catalog.units import OrgUnit
from models.enums import Role
from models.scoring import not_applicable as data
from models.scoring.tables import NotApplicable
from services import lifecycle
from services.access import Actor, actor_name, require_own_unit
from services.appraiser_scope import require_appraiser
from services.score_input import nfc
from services.targets import campaign_unit, find_item


def mark_not_applicable(
    *,
    session: Session,
    campaign_code: str,
    unit_code: str,
    item_code: str,
    reason: str,
    actor: Actor,
) -> NotApplicable:
    """Mark the leaf not applicable to the unit, with its reason; refused where the set forbids."""
    campaign, unit, item = _target(session, campaign_code, unit_code, item_code, actor)
    return data.mark_not_applicable(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item=item,
        reason=nfc(reason),
        actor=actor_name(actor),
    )


def clear_not_applicable(
    *, session: Session, campaign_code: str, unit_code: str, item_code: str, actor: Actor
) -> bool:
    """Remove the leaf's not-applicable mark for the unit; False when it had none."""
    campaign, unit, item = _target(session, campaign_code, unit_code, item_code, actor)
    return data.clear_not_applicable(
        session=session, campaign_id=campaign.id, unit_id=unit.id, item=item,
        actor=actor_name(actor),
    )  # fmt: skip


def _target(
    session: Session, campaign_code: str, unit_code: str, item_code: str, actor: Actor
) -> tuple[Campaign, OrgUnit, CriteriaItem]:
    """Find the campaign, unit and leaf, and refuse an actor who may not mark it."""
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    item = find_item(session=session, campaign=campaign, unit=unit, item_code=nfc(item_code))
    if isinstance(actor, User) and actor.role == Role.unit:
        require_own_unit(actor, unit)  # the unit, while its self-assessment may change
        lifecycle.require(campaign, "edit")
    else:
        require_appraiser(
            session=session, user=actor, campaign=campaign, unit=unit, field_code=item.field_code
        )
    return campaign, unit, item
