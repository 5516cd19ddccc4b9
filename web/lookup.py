"""Find what a URL names: the campaign, the unit, the item; and whether results are published."""

from __future__ import annotations

from sqlmodel import Session

from models.campaign.facts import get_campaign
from models.campaign.tables import Campaign
from models.catalog.criteria import CriteriaItem
from models.catalog.lookup import find_unit
from models.catalog.units import OrgUnit
from services import targets, visibility


def campaign(session: Session, code: str) -> Campaign:
    """Return the campaign named in the URL (404 when unknown)."""
    return get_campaign(session=session, code=code)


def unit(session: Session, camp: Campaign, code: str) -> OrgUnit:
    """Return the campaign province's unit named in the URL (404 when unknown)."""
    return find_unit(session=session, campaign=camp, code=code)


def item(session: Session, camp: Campaign, org: OrgUnit, code: str) -> CriteriaItem:
    """Return the unit's criteria item with this code (404 when unknown)."""
    return targets.find_item(session=session, campaign=camp, unit=org, item_code=code)


def is_published(session: Session, camp: Campaign) -> bool:
    """Tell whether the campaign's results are published."""
    return visibility.is_published(session=session, campaign=camp)
