"""Find what a URL names: the campaign, the unit, the item; and whether results are published."""

from __future__ import annotations

from sqlmodel import Session

from cchc.errors import NotFound
from models.campaign.facts import get_campaign
from models.campaign.tables import Campaign
from models.catalog.criteria import CriteriaItem
from models.catalog.lookup import criteria_set_for, find_unit, items_by_code
from models.catalog.units import OrgUnit
from models.enums import CampaignState
from models.results.views import publication


def campaign(session: Session, code: str) -> Campaign:
    """Return the campaign named in the URL (404 when unknown)."""
    return get_campaign(session=session, code=code)


def unit(session: Session, camp: Campaign, code: str) -> OrgUnit:
    """Return the campaign province's unit named in the URL (404 when unknown)."""
    return find_unit(session=session, campaign=camp, code=code)


def item(session: Session, camp: Campaign, org: OrgUnit, code: str) -> CriteriaItem:
    """Return the unit's criteria item with this code (404 when unknown)."""
    cset = criteria_set_for(session=session, campaign=camp, unit=org)
    found = items_by_code(session=session, criteria_set_id=cset.id).get(code)
    if found is None:
        raise NotFound(f"{code}: không có tiêu chí này trong bộ chỉ số «{cset.code}»")
    return found


def is_published(session: Session, camp: Campaign) -> bool:
    """Tell whether the campaign's results are published."""
    if camp.state == CampaignState.published:
        return True
    return publication(session=session, campaign_id=camp.id) is not None
