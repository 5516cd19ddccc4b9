"""Find what an act names by code: the campaign, its unit, the unit's criteria item."""

from __future__ import annotations

from sqlmodel import Session

from cchc.errors import NotFound
from models.campaign.facts import get_campaign
from models.campaign.tables import Campaign
from models.catalog.criteria import CriteriaItem
from models.catalog.lookup import criteria_set_for, find_unit, items_by_code
from models.catalog.units import OrgUnit


def campaign_unit(
    *, session: Session, campaign_code: str, unit_code: str
) -> tuple[Campaign, OrgUnit]:
    """Return the campaign and its province's unit with these codes (NotFound when unknown)."""
    campaign = get_campaign(session=session, code=campaign_code)
    return campaign, find_unit(session=session, campaign=campaign, code=unit_code)


def find_item(
    *, session: Session, campaign: Campaign, unit: OrgUnit, item_code: str
) -> CriteriaItem:
    """Return the unit's criteria item with this code (NotFound when unknown)."""
    cset = criteria_set_for(session=session, campaign=campaign, unit=unit)
    found = items_by_code(session=session, criteria_set_id=cset.id).get(item_code)
    if found is None:
        raise NotFound(f"{item_code}: không có tiêu chí này trong bộ chỉ số «{cset.code}»")
    return found
