"""Who may see and do what: roles, and the units and fields each user is scoped to.

An actor is a `User` (API, pages: checked against its scope) or a plain name (the trusted
local operator: CLI, flows, demo; acts with the Sở Nội vụ's reach).
"""

from __future__ import annotations

from sqlmodel import Session

from cchc.errors import NotFound, PermissionDenied
from cchc.wording.labels import ROLE
from models.accounts.ops import agency_code
from models.accounts.tables import User
from models.campaign.tables import Campaign
from models.catalog.criteria import CriteriaItem
from models.catalog.lookup import criteria_set_for, set_items
from models.catalog.units import OrgUnit
from models.enums import Role
from models.scoring.appraisal_access import field_appraisers

Actor = User | str
OVERSEERS = {Role.admin, Role.council}
WATCHERS = {Role.admin, Role.council, Role.viewer}  # follow every unit's progress
EARLY_RESULTS = {Role.admin, Role.council, Role.unit}  # may ask for results before publication
NO_SCORES = "Điểm chỉ được xem sau khi công bố kết quả"


def actor_name(actor: Actor) -> str:
    """Return the name the audit log records for this actor."""
    return actor if isinstance(actor, str) else actor.name


def require_role(user: Actor, *roles: str) -> None:
    """Refuse a user whose role is not among `roles` (the local operator passes)."""
    if isinstance(user, str):
        return
    if user.role not in roles:
        role = ROLE.get(user.role, user.role)
        raise PermissionDenied(f"Vai trò «{role}» không được phép thực hiện thao tác này")


def appraised_fields(
    *, session: Session, user: User, campaign: Campaign, unit: OrgUnit
) -> set[str]:
    """Return the field codes of the unit this appraiser appraises (empty when none)."""
    agency = agency_code(session=session, user=user)
    if agency is None or (user.unit_codes and unit.code not in user.unit_codes):
        return set()
    try:
        cset = criteria_set_for(session=session, campaign=campaign, unit=unit)
    except NotFound:
        return set()
    items = set_items(session=session, criteria_set_id=cset.id)
    fields = {
        f
        for f, code in field_appraisers(session=session, unit=unit, items=items).items()
        if code == agency
    }
    return fields & set(user.field_codes) if user.field_codes else fields


def shown_fields(
    *, session: Session, user: Actor, campaign: Campaign, unit: OrgUnit
) -> set[str] | None:
    """Return the fields whose scores this user sees (None: every field)."""
    if isinstance(user, str) or user.role != Role.appraiser:
        return None
    return appraised_fields(session=session, user=user, campaign=campaign, unit=unit)


def shown_item(fields: set[str] | None, item: CriteriaItem) -> bool:
    """Tell whether an item's score is shown (None: every field; appraisers: their fields)."""
    return fields is None or item.field_code in fields


def watches_all(user: User) -> bool:
    """Tell whether the user follows every unit (admin, council, viewer)."""
    return user.role in WATCHERS


def can_read_unit(*, session: Session, user: Actor, campaign: Campaign, unit: OrgUnit) -> bool:
    """Tell whether the user may see the unit's progress (not necessarily its scores)."""
    if isinstance(user, str) or watches_all(user):
        return True
    if user.role == Role.unit:
        return user.unit_id == unit.id
    return bool(appraised_fields(session=session, user=user, campaign=campaign, unit=unit))


def require_read_unit(*, session: Session, user: Actor, campaign: Campaign, unit: OrgUnit) -> None:
    """Refuse a user outside the unit's scope."""
    if not can_read_unit(session=session, user=user, campaign=campaign, unit=unit):
        raise PermissionDenied(f"Bạn không có quyền xem dữ liệu của đơn vị «{unit.name}»")


def require_own_unit(user: Actor, unit: OrgUnit) -> None:
    """Refuse anyone but the unit's own users (the only ones who write its self-assessment)."""
    if isinstance(user, str):
        return
    if user.role != Role.unit or user.unit_id != unit.id:
        raise PermissionDenied(f"Chỉ đơn vị «{unit.name}» được thực hiện thao tác này")
