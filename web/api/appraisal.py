"""Appraisal: appraisers list their units and fields, accept or adjust; units answer remarks."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from models.campaign import unit_views
from models.enums import Role
from models.scoring.appraisals import accept_all, appraise_item, respond_to_appraisal
from web import lookup
from web.api import views
from web.deps import SessionDep, UserDep
from web.schemas import (
    ERRORS,
    AcceptAllIn,
    AppraiseIn,
    CampaignCode,
    ItemCode,
    ResponseIn,
    UnitCode,
)
from web.scope import (
    appraised_fields,
    appraiser_worklist,
    require_appraiser,
    require_own_unit,
    require_read_unit,
    require_role,
    require_scores,
)

router = APIRouter(prefix="/api/campaigns/{code}", tags=["thẩm định"], responses=ERRORS)


@router.get("/appraiser/worklist", summary="Đơn vị và lĩnh vực được giao thẩm định")
def worklist(code: CampaignCode, session: SessionDep, user: UserDep) -> list[dict[str, Any]]:
    """Return the (unit, fields) this appraiser must appraise in the campaign."""
    require_role(user, Role.appraiser)
    camp = lookup.campaign(session, code)
    return [
        {"unit_code": unit.code, "unit_name": unit.name, "fields": fields}
        for unit, fields in appraiser_worklist(session, user, camp)
    ]


@router.get("/units/{unit_code}/appraisals", summary="Kết quả thẩm định của đơn vị")
def appraisals(
    code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> list[dict[str, Any]]:
    """Return the unit's appraised leaves (appraisers see their fields only)."""
    camp = lookup.campaign(session, code)
    unit = lookup.unit(session, camp, unit_code)
    require_read_unit(session, user, camp, unit)
    require_scores(session, user, camp, unit, lookup.is_published(session, camp))
    fields = appraised_fields(session, user, camp, unit) if user.role == Role.appraiser else None
    rows = unit_views.appraisals(session=session, campaign_id=camp.id, unit_id=unit.id)
    return [views.appraisal_out(i, a) for i, a in rows if fields is None or i.field_code in fields]


@router.post("/units/{unit_code}/appraisals/{item_code}", summary="Chấp nhận hoặc điều chỉnh điểm")
def appraise(
    code: CampaignCode,
    unit_code: UnitCode,
    item_code: ItemCode,
    body: AppraiseIn,
    session: SessionDep,
    user: UserDep,
) -> dict[str, Any]:
    """Accept the unit's self score for one leaf, or adjust it (score and reason required)."""
    camp = lookup.campaign(session, code)
    unit = lookup.unit(session, camp, unit_code)
    item = lookup.item(session, camp, unit, item_code)
    agency = require_appraiser(session, user, camp, unit, item.field_code)
    row = appraise_item(
        session=session,
        campaign_id=camp.id,
        unit_id=unit.id,
        item_code=item.code,
        decision=body.decision,
        actor=user.name,
        score=body.score,
        reason=body.reason,
        appraiser_code=agency,
    )
    return views.appraisal_out(item, row)


@router.post("/units/{unit_code}/appraisals:accept-all", summary="Chấp nhận mọi điểm tự chấm")
def accept(
    code: CampaignCode, unit_code: UnitCode, body: AcceptAllIn, session: SessionDep, user: UserDep
) -> dict[str, int]:
    """Accept every not yet appraised leaf (of one field, or of every field in scope)."""
    camp = lookup.campaign(session, code)
    unit = lookup.unit(session, camp, unit_code)
    agency = require_appraiser(session, user, camp, unit, body.field_code)
    fields: list[str | None] = [body.field_code]
    if agency is not None and body.field_code is None:
        fields = sorted(appraised_fields(session, user, camp, unit))  # only the fields in scope
    count = sum(
        accept_all(
            session=session,
            campaign_id=camp.id,
            unit_id=unit.id,
            actor=user.name,
            field_code=field,
            appraiser_code=agency,
        )
        for field in fields
    )
    return {"accepted": count}


@router.post(
    "/units/{unit_code}/appraisals/{item_code}/response",
    summary="Đơn vị giải trình kết quả thẩm định",
)
def respond(
    code: CampaignCode,
    unit_code: UnitCode,
    item_code: ItemCode,
    body: ResponseIn,
    session: SessionDep,
    user: UserDep,
) -> dict[str, Any]:
    """Record the unit's answer to the appraisal of one leaf."""
    camp = lookup.campaign(session, code)
    unit = lookup.unit(session, camp, unit_code)
    require_own_unit(user, unit)
    item = lookup.item(session, camp, unit, item_code)
    row = respond_to_appraisal(
        session=session,
        campaign_id=camp.id,
        unit_id=unit.id,
        item_code=item.code,
        text=body.text,
        actor=user.name,
    )
    return views.appraisal_out(item, row)
