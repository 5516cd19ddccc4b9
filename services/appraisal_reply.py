"""The reply thread (giải trình) of an appraised leaf: the appraiser asks, the unit replies.

Guard rails: only the unit's own users and the appraisers of the leaf's field write; only while
the appraisal is open; text NFC, not empty, at most `MESSAGE_MAX` characters; every message audited.
"""

from __future__ import annotations

from sqlmodel import Session

from cchc.errors import ValidationError
from models.campaign.tables import Campaign
from models.catalog.criteria import CriteriaItem
from models.catalog.units import OrgUnit
from models.enums import Role
from models.scoring import appraisals as data
from models.scoring.tables import AppraisalMessage
from services.access import Actor, actor_name, require_own_unit, require_role
from services.appraiser_scope import require_appraiser
from services.lifecycle import require_appraisable
from services.score_input import nfc
from services.targets import campaign_unit, find_item


def post_message(
    *,
    session: Session,
    campaign_code: str,
    unit_code: str,
    item_code: str,
    actor: Actor,
    text: str,
    role: str = "appraiser",
) -> tuple[CriteriaItem, list[AppraisalMessage]]:
    """Add one message to a leaf's thread; return the thread (`role`: the local operator's side)."""
    text = _checked_text(item_code, text)
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    item = find_item(session=session, campaign=campaign, unit=unit, item_code=item_code)
    side = _side(session, actor, campaign, unit, item, role)
    require_appraisable(session=session, campaign=campaign, unit=unit, act="appraise")
    data.post_message(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code=item.code,
        role=side,
        text=text,
        actor=actor_name(actor),
    )
    thread = data.leaf_messages(
        session=session, campaign_id=campaign.id, unit_id=unit.id, item_id=item.id
    )
    return item, thread


def _checked_text(item_code: str, text: str) -> str:
    """Return the message in NFC, refusing an empty or overlong one."""
    text = nfc(text or "")
    if not text:
        raise ValidationError(f"{item_code}: nội dung giải trình trống")
    if len(text) > data.MESSAGE_MAX:
        raise ValidationError(f"{item_code}: nội dung dài quá {data.MESSAGE_MAX} ký tự")
    return text


def _side(
    session: Session, actor: Actor, campaign: Campaign, unit: OrgUnit, item: CriteriaItem, role: str
) -> str:
    """Say which side of the thread the actor writes on, refusing anyone else."""
    if isinstance(actor, str):
        return role if role in data.ROLES else "appraiser"
    if actor.role == Role.unit:
        require_own_unit(actor, unit)
        return "unit"
    require_role(actor, Role.appraiser, Role.admin)
    require_appraiser(
        session=session, user=actor, campaign=campaign, unit=unit, field_code=item.field_code
    )
    return "appraiser"
