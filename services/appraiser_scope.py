"""Which units and fields an appraiser appraises, and refusing appraisals outside them."""

from __future__ import annotations

from sqlmodel import Session

from cchc.errors import PermissionDenied
from models.accounts.ops import agency_code
from models.accounts.tables import User
from models.campaign.tables import Campaign
from models.catalog.units import OrgUnit
from models.enums import Role
from models.scoring.appraisal_access import appraisal_worklist
from services.access import Actor, appraised_fields, require_role


def require_appraiser(
    *, session: Session, user: Actor, campaign: Campaign, unit: OrgUnit, field_code: str | None
) -> str | None:
    """Refuse an appraisal outside the appraiser's units or fields; return its agency code."""
    if isinstance(user, str) or user.role == Role.admin:
        return None  # the Sở Nội vụ (and its local operator) may act for any agency
    require_role(user, Role.appraiser)
    fields = appraised_fields(session=session, user=user, campaign=campaign, unit=unit)
    if not fields:
        raise PermissionDenied(f"Đơn vị «{unit.name}» không thuộc phạm vi thẩm định của bạn")
    if field_code is not None and field_code not in fields:
        raise PermissionDenied(f"Lĩnh vực {field_code} không thuộc phạm vi thẩm định của bạn")
    return agency_code(session=session, user=user)


def appraiser_worklist(
    *, session: Session, user: User, campaign: Campaign
) -> list[tuple[OrgUnit, list[str]]]:
    """Return the units this appraiser must appraise, each with its fields (narrowed by user)."""
    agency = agency_code(session=session, user=user) if user.role == Role.appraiser else None
    if agency is None:
        return []
    out: dict[str, tuple[OrgUnit, list[str]]] = {}
    pairs = appraisal_worklist(session=session, campaign_id=campaign.id, appraiser_code=agency)
    for unit, field in pairs:
        if user.unit_codes and unit.code not in user.unit_codes:
            continue
        if user.field_codes and field not in user.field_codes:
            continue
        out.setdefault(unit.code, (unit, []))[1].append(field)
    return list(out.values())
