"""Who may see and do what: roles, and the units and fields each user is scoped to."""

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
from models.scoring.appraisal_access import appraisal_worklist, field_appraisers

OVERSEERS = {Role.admin, Role.council}
NO_SCORES = "Điểm chỉ được xem sau khi công bố kết quả"


def require_role(user: User, *roles: str) -> None:
    """Refuse a user whose role is not among `roles`."""
    if user.role not in roles:
        role = ROLE.get(user.role, user.role)
        raise PermissionDenied(f"Vai trò «{role}» không được phép thực hiện thao tác này")


def appraised_fields(session: Session, user: User, camp: Campaign, unit: OrgUnit) -> set[str]:
    """Return the field codes of the unit this appraiser appraises (empty when none)."""
    agency = agency_code(session=session, user=user)
    if agency is None or (user.unit_codes and unit.code not in user.unit_codes):
        return set()
    try:
        cset = criteria_set_for(session=session, campaign=camp, unit=unit)
    except NotFound:
        return set()
    items = set_items(session=session, criteria_set_id=cset.id)
    fields = {
        f
        for f, code in field_appraisers(session=session, unit=unit, items=items).items()
        if code == agency
    }
    return fields & set(user.field_codes) if user.field_codes else fields


def can_read_unit(session: Session, user: User, camp: Campaign, unit: OrgUnit) -> bool:
    """Tell whether the user may see the unit's progress (not necessarily its scores)."""
    if user.role in {Role.admin, Role.council, Role.viewer}:
        return True
    if user.role == Role.unit:
        return user.unit_id == unit.id
    return bool(appraised_fields(session, user, camp, unit))


def require_read_unit(session: Session, user: User, camp: Campaign, unit: OrgUnit) -> None:
    """Refuse a user outside the unit's scope."""
    if not can_read_unit(session, user, camp, unit):
        raise PermissionDenied(f"Bạn không có quyền xem dữ liệu của đơn vị «{unit.name}»")


def require_own_unit(user: User, unit: OrgUnit) -> None:
    """Refuse anyone but the unit's own users (the only ones who write its self-assessment)."""
    if user.role != Role.unit or user.unit_id != unit.id:
        raise PermissionDenied(f"Chỉ đơn vị «{unit.name}» được thực hiện thao tác này")


def can_see_scores(
    session: Session, user: User | None, camp: Campaign, unit: OrgUnit, published: bool
) -> bool:
    """Tell whether the unit's scores may be shown: after publication to all, before to few."""
    if published:
        return True
    if user is None or user.role == Role.viewer:
        return False
    if user.role in OVERSEERS:
        return True
    if user.role == Role.unit:
        return user.unit_id == unit.id
    return bool(appraised_fields(session, user, camp, unit))  # its own fields only


def require_scores(
    session: Session, user: User, camp: Campaign, unit: OrgUnit, published: bool
) -> None:
    """Refuse to show scores to a user who may not see them yet."""
    if not can_see_scores(session, user, camp, unit, published):
        raise PermissionDenied(NO_SCORES)


def require_appraiser(
    session: Session, user: User, camp: Campaign, unit: OrgUnit, field_code: str | None
) -> str | None:
    """Refuse an appraisal outside the appraiser's units or fields; return its agency code."""
    if user.role == Role.admin:
        return None  # the Sở Nội vụ may act for any agency
    require_role(user, Role.appraiser)
    fields = appraised_fields(session, user, camp, unit)
    if not fields:
        raise PermissionDenied(f"Đơn vị «{unit.name}» không thuộc phạm vi thẩm định của bạn")
    if field_code is not None and field_code not in fields:
        raise PermissionDenied(f"Lĩnh vực {field_code} không thuộc phạm vi thẩm định của bạn")
    return agency_code(session=session, user=user)


def shown_item(fields: set[str] | None, item: CriteriaItem) -> bool:
    """Tell whether an item's score is shown (None: every field; appraisers: their fields)."""
    return fields is None or item.field_code in fields


def appraiser_worklist(
    session: Session, user: User, camp: Campaign
) -> list[tuple[OrgUnit, list[str]]]:
    """Return the units this appraiser must appraise, each with its fields (narrowed by user)."""
    agency = agency_code(session=session, user=user)
    if agency is None:
        return []
    out: dict[str, tuple[OrgUnit, list[str]]] = {}
    pairs = appraisal_worklist(session=session, campaign_id=camp.id, appraiser_code=agency)
    for unit, field in pairs:
        if user.unit_codes and unit.code not in user.unit_codes:
            continue
        if user.field_codes and field not in user.field_codes:
            continue
        out.setdefault(unit.code, (unit, []))[1].append(field)
    return list(out.values())
