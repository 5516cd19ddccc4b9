"""The council secretary: sessions with attendance and votes, and final scores per leaf."""

from __future__ import annotations

from fastapi import APIRouter

from models.enums import Role
from models.results.views import council_sessions
from services import final_scores
from services.council import record_session
from services.not_submitted import mark_not_submitted
from web import lookup
from web.api import views
from web.deps import SessionDep, UserDep
from web.schemas import (
    ERRORS,
    AppraisalPublic,
    CampaignCode,
    CouncilSessionIn,
    CouncilSessionPublic,
    FinalScoreIn,
    ItemCode,
    NotSubmittedIn,
    NotSubmittedOut,
    UnitCode,
)
from web.scope import require_role

router = APIRouter(prefix="/api/campaigns/{code}", tags=["Hội đồng"], responses=ERRORS)


@router.get("/council/sessions", summary="Các phiên họp Hội đồng")
def sessions(code: CampaignCode, session: SessionDep, user: UserDep) -> list[CouncilSessionPublic]:
    """List the council sessions with attendance, votes and validity."""
    require_role(user, Role.admin, Role.council)
    camp = lookup.campaign(session, code)
    return [views.council_out(s) for s in council_sessions(session=session, campaign_id=camp.id)]


@router.post("/council/sessions", summary="Ghi nhận phiên họp Hội đồng", status_code=201)
def record(
    code: CampaignCode, body: CouncilSessionIn, session: SessionDep, user: UserDep
) -> CouncilSessionPublic:
    """Record a session; valid when more than half the members take part (present or in writing)."""
    require_role(user, Role.admin, Role.council)
    row = record_session(
        session=session,
        campaign_code=code,
        held_on=body.held_on,
        members_total=body.members_total,
        present=body.present,
        in_writing=body.in_writing,
        votes_for=body.votes_for,
        votes_against=body.votes_against,
        decision=body.decision,
        actor=user.name,
    )
    return views.council_out(row)


@router.post(
    "/units/{unit_code}/self-assessment:not-submitted",
    summary="Ghi nhận đơn vị không nộp tự đánh giá",
    status_code=201,
)
def not_submitted(
    code: CampaignCode,
    unit_code: UnitCode,
    body: NotSubmittedIn,
    session: SessionDep,
    user: UserDep,
) -> NotSubmittedOut:
    """Record that the unit did not submit (admin or council), so approval need not wait."""
    fact = mark_not_submitted(
        session=session, campaign_code=code, unit_code=unit_code, reason=body.reason, actor=user
    )
    reason, by = fact.payload["reason"], fact.recorded_by
    return NotSubmittedOut(unit_code=unit_code, reason=reason, recorded_by=by)


@router.post("/units/{unit_code}/final-scores/{item_code}", summary="Điểm cuối cùng của Hội đồng")
def final_score(
    code: CampaignCode,
    unit_code: UnitCode,
    item_code: ItemCode,
    body: FinalScoreIn,
    session: SessionDep,
    user: UserDep,
) -> AppraisalPublic:
    """Record the council's final score for one leaf, with its reason."""
    item, row = final_scores.record(
        session=session,
        campaign_code=code,
        unit_code=unit_code,
        item_code=item_code,
        actor=user,
        score=body.score,
        reason=body.reason,
    )
    return views.appraisal_out(item, row)
