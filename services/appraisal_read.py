"""Read the appraisal: an appraiser's worklist, a unit's appraised leaves as the reader may see."""

from __future__ import annotations

from sqlmodel import Session

from models.accounts.tables import User
from models.campaign import unit_views
from models.campaign.facts import get_campaign
from models.catalog.criteria import CriteriaItem
from models.catalog.units import OrgUnit
from models.enums import Role
from models.scoring.appraisals import unit_threads
from models.scoring.tables import Appraisal, AppraisalMessage
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


Thread = list[AppraisalMessage]


def appraised(
    *, session: Session, campaign_code: str, unit_code: str, actor: Actor
) -> list[tuple[CriteriaItem, Appraisal, Thread]]:
    """Return the unit's appraised leaves with their threads (appraisers: their fields only)."""
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    require_read_unit(session=session, user=actor, campaign=campaign, unit=unit)
    require_scores(session=session, user=actor, campaign=campaign, unit=unit)
    fields = shown_fields(session=session, user=actor, campaign=campaign, unit=unit)
    rows = unit_views.appraisals(session=session, campaign_id=campaign.id, unit_id=unit.id)
    threads = unit_threads(session=session, campaign_id=campaign.id, unit_id=unit.id)
    return [(i, a, threads.get(i.id, [])) for i, a in rows if shown_item(fields, i)]


def threads(
    *, session: Session, campaign_code: str, unit_code: str, actor: Actor
) -> list[tuple[CriteriaItem, Thread]]:
    """Return every leaf's reply thread of the unit, in criteria order, as the reader may see."""
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    require_read_unit(session=session, user=actor, campaign=campaign, unit=unit)
    require_scores(session=session, user=actor, campaign=campaign, unit=unit)
    fields = shown_fields(session=session, user=actor, campaign=campaign, unit=unit)
    found = unit_threads(session=session, campaign_id=campaign.id, unit_id=unit.id)
    items = unit_views.items_by_id(session=session, item_ids=list(found))
    ordered = sorted(items.values(), key=lambda i: (i.position, i.code))
    return [(i, found[i.id]) for i in ordered if shown_item(fields, i)]
