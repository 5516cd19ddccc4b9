"""Read the appraisal: an appraiser's worklist, a unit's appraised leaves as the reader may see."""

from __future__ import annotations

from sqlmodel import Session

from models.accounts.tables import User
from models.campaign import unit_views
from models.campaign.facts import get_campaign
from models.catalog.criteria import CriteriaItem
from models.catalog.units import OrgUnit
from models.enums import Role
from models.scoring.tables import Appraisal
from services.access import Actor, require_read_unit, require_role, shown_fields, shown_item
from services.appraiser_scope import appraiser_worklist
from services.targets import campaign_unit
from services.visibility import require_scores


def worklist(
    *, session: Session, campaign_code: str, user: User
) -> list[tuple[OrgUnit, list[str]]]:
    """Return the units (each with its fields) this appraiser must appraise."""
    require_role(user, Role.appraiser)
    campaign = get_campaign(session=session, code=campaign_code)
    return appraiser_worklist(session=session, user=user, campaign=campaign)


def appraised(
    *, session: Session, campaign_code: str, unit_code: str, actor: Actor
) -> list[tuple[CriteriaItem, Appraisal]]:
    """Return the unit's appraised leaves (appraisers see their fields only)."""
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    require_read_unit(session=session, user=actor, campaign=campaign, unit=unit)
    require_scores(session=session, user=actor, campaign=campaign, unit=unit)
    fields = shown_fields(session=session, user=actor, campaign=campaign, unit=unit)
    rows = unit_views.appraisals(session=session, campaign_id=campaign.id, unit_id=unit.id)
    return [(i, a) for i, a in rows if shown_item(fields, i)]
