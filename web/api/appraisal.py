"""Appraisal: appraisers list their units and fields, accept or adjust; units answer remarks."""

from __future__ import annotations

from fastapi import APIRouter

from services import appraisal as acts
from services import appraisal_read as reads
from services.appraisal_reply import post_message
from web.api import views
from web.deps import SessionDep, UserDep
from web.schemas import (
    ERRORS,
    AcceptAllIn,
    AcceptedOut,
    AppraisalPublic,
    AppraiseIn,
    CampaignCode,
    ItemCode,
    ResponseIn,
    ThreadPublic,
    UnitCode,
    WorklistEntry,
)

router = APIRouter(prefix="/api/campaigns/{code}", tags=["thẩm định"], responses=ERRORS)


@router.get("/appraiser/worklist", summary="Đơn vị và lĩnh vực được giao thẩm định")
def worklist(code: CampaignCode, session: SessionDep, user: UserDep) -> list[WorklistEntry]:
    """Return the (unit, fields) this appraiser must appraise in the campaign."""
    return [
        WorklistEntry(unit_code=unit.code, unit_name=unit.name, fields=fields)
        for unit, fields in reads.worklist(session=session, campaign_code=code, user=user)
    ]


@router.get("/units/{unit_code}/appraisals", summary="Kết quả thẩm định của đơn vị")
def appraisals(
    code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> list[AppraisalPublic]:
    """Return the unit's appraised leaves (appraisers see their fields only)."""
    rows = reads.appraised(session=session, campaign_code=code, unit_code=unit_code, actor=user)
    return [views.appraisal_out(i, a, t) for i, a, t in rows]


@router.get("/units/{unit_code}/threads", summary="Các luồng giải trình của đơn vị")
def threads(
    code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> list[ThreadPublic]:
    """Return every leaf's reply thread of the unit (appraisers see their fields only)."""
    found = reads.threads(session=session, campaign_code=code, unit_code=unit_code, actor=user)
    return [views.thread_out(item, rows) for item, rows in found]


@router.post("/units/{unit_code}/appraisals/{item_code}", summary="Chấp nhận hoặc điều chỉnh điểm")
def appraise(
    code: CampaignCode,
    unit_code: UnitCode,
    item_code: ItemCode,
    body: AppraiseIn,
    session: SessionDep,
    user: UserDep,
) -> AppraisalPublic:
    """Accept the unit's self score for one leaf, or adjust it (score and reason required)."""
    item, row = acts.appraise_item(
        session=session,
        campaign_code=code,
        unit_code=unit_code,
        item_code=item_code,
        actor=user,
        decision=body.decision,
        score=body.score,
        reason=body.reason,
        figure=body.figure,
    )
    return views.appraisal_out(item, row)


@router.post("/units/{unit_code}/appraisals:accept-all", summary="Chấp nhận mọi điểm tự chấm")
def accept(
    code: CampaignCode, unit_code: UnitCode, body: AcceptAllIn, session: SessionDep, user: UserDep
) -> AcceptedOut:
    """Accept every not yet appraised leaf (of one field, or of every field in scope)."""
    count = acts.accept_all(
        session=session,
        campaign_code=code,
        unit_code=unit_code,
        actor=user,
        field_code=body.field_code,
    )
    return AcceptedOut(accepted=count)


@router.post(
    "/units/{unit_code}/appraisals/{item_code}/messages",
    summary="Trao đổi giải trình: thẩm định viên hỏi, đơn vị giải trình",
)
@router.post(
    "/units/{unit_code}/appraisals/{item_code}/response",
    summary="Đơn vị giải trình kết quả thẩm định (như /messages)",
)
def respond(
    code: CampaignCode,
    unit_code: UnitCode,
    item_code: ItemCode,
    body: ResponseIn,
    session: SessionDep,
    user: UserDep,
) -> ThreadPublic:
    """Add one message to a leaf's reply thread; answer the whole thread."""
    item, thread = post_message(
        session=session,
        campaign_code=code,
        unit_code=unit_code,
        item_code=item_code,
        actor=user,
        text=body.text,
    )
    return views.thread_out(item, thread)
