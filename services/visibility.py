"""When scores may be seen: after publication by all, before it by the few in scope."""

from __future__ import annotations

from sqlmodel import Session

from cchc.errors import PermissionDenied
from models.campaign.tables import Campaign
from models.catalog.units import OrgUnit
from models.enums import CampaignState, Role
from models.results.views import publication
from services.access import EARLY_RESULTS, NO_SCORES, OVERSEERS, Actor, appraised_fields


def is_published(*, session: Session, campaign: Campaign) -> bool:
    """Tell whether the campaign's results are published."""
    if campaign.state == CampaignState.published:
        return True
    return publication(session=session, campaign_id=campaign.id) is not None


def can_see_scores(
    *, session: Session, user: Actor | None, campaign: Campaign, unit: OrgUnit, published: bool
) -> bool:
    """Tell whether the unit's scores may be shown: after publication to all, before to few."""
    if published or isinstance(user, str):
        return True
    if user is None or user.role == Role.viewer:
        return False
    if user.role in OVERSEERS:
        return True
    if user.role == Role.unit:
        return user.unit_id == unit.id
    # an appraiser sees its own fields only
    return bool(appraised_fields(session=session, user=user, campaign=campaign, unit=unit))


def require_scores(*, session: Session, user: Actor, campaign: Campaign, unit: OrgUnit) -> None:
    """Refuse to show the unit's scores to a user who may not see them yet."""
    published = is_published(session=session, campaign=campaign)
    if not can_see_scores(
        session=session, user=user, campaign=campaign, unit=unit, published=published
    ):
        raise PermissionDenied(NO_SCORES)


def sees_all_results(*, user: Actor, published: bool) -> bool:
    """Tell whether every unit's results may be shown: after publication, or to overseers."""
    return published or isinstance(user, str) or user.role in OVERSEERS


def require_early_results(*, user: Actor, published: bool) -> None:
    """Refuse the results list before publication to all but admin, council and units."""
    if not published and not isinstance(user, str) and user.role not in EARLY_RESULTS:
        raise PermissionDenied(NO_SCORES)
