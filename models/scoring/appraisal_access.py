"""Who appraises what: the field's agency from the criteria set; a commune's district in 3 tiers."""

from __future__ import annotations

import uuid

from sqlmodel import Session, select

from cchc.errors import NotFound, PermissionDenied
from models.catalog.criteria import CriteriaItem
from models.catalog.lookup import criteria_set_for, get_campaign_by_id, get_unit, set_items
from models.catalog.units import OrgUnit


def field_appraisers(
    *, session: Session, unit: OrgUnit, items: list[CriteriaItem]
) -> dict[str, str | None]:
    """Return {field code: appraising unit code} for one unit's criteria set."""
    parent = session.get(OrgUnit, unit.parent_id) if unit.parent_id else None
    if unit.kind == "commune" and parent is not None and parent.kind == "district":
        return {
            i.code: parent.code for i in items if i.level == 1
        }  # 3-tier: the district appraises
    out: dict[str, str | None] = {}
    for item in items:
        if item.level == 1:
            code = item.appraiser_code
            out[item.code] = parent.code if code == "parent" and parent is not None else code
    return out


def appraiser_of(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, item_code: str
) -> str | None:
    """Return the code of the unit that appraises this item (a leaf or a field) of this unit."""
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    unit = get_unit(session=session, unit_id=unit_id)
    items = set_items(
        session=session,
        criteria_set_id=criteria_set_for(session=session, campaign=campaign, unit=unit).id,
    )
    field = next((i.field_code for i in items if i.code == item_code), item_code.split(".")[0])
    return field_appraisers(session=session, unit=unit, items=items).get(field)


def can_appraise(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    item_code: str,
    appraiser_code: str,
) -> bool:
    """Tell whether the agency `appraiser_code` appraises this item (or field) of this unit."""
    return (
        appraiser_of(session=session, campaign_id=campaign_id, unit_id=unit_id, item_code=item_code)
        == appraiser_code
    )


def check_appraiser(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    item_code: str,
    appraiser_code: str | None,
) -> None:
    """Raise PermissionDenied unless `appraiser_code` (None: not checked) appraises this item."""
    if appraiser_code is None:
        return
    expected = appraiser_of(
        session=session, campaign_id=campaign_id, unit_id=unit_id, item_code=item_code
    )
    if expected != appraiser_code:
        raise PermissionDenied(
            f"{item_code}: lĩnh vực này do «{expected}» thẩm định, không phải «{appraiser_code}»"
        )


def appraisal_worklist(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    appraiser_code: str,
    units: list[OrgUnit] | None = None,
) -> list[tuple[OrgUnit, str]]:
    """Return the (unit, field code) pairs an appraising agency must appraise in the campaign."""
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    if units is None:
        units = list(
            session.exec(
                select(OrgUnit).where(
                    OrgUnit.province_code == campaign.province_code, OrgUnit.active
                )
            ).all()
        )
    out: list[tuple[OrgUnit, str]] = []
    for unit in units:
        try:
            cset = criteria_set_for(session=session, campaign=campaign, unit=unit)
        except NotFound:  # units without a criteria set are not appraised
            continue
        items = set_items(session=session, criteria_set_id=cset.id)
        survey_only = {i.field_code for i in items if i.is_leaf} - {
            i.field_code for i in items if i.is_leaf and i.method == "self"
        }
        for field, code in field_appraisers(session=session, unit=unit, items=items).items():
            if code == appraiser_code and field not in survey_only:
                out.append((unit, field))
    return out
