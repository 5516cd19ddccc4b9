"""Campaign-wide reads: the campaign list, stage progress, results (scoped), outbox and audit."""

from __future__ import annotations

from fastapi import APIRouter, Query

from models.campaign import progress
from models.enums import Role
from models.outbox.marks import Mark
from models.results import lineage
from models.results import views as result_views
from services.visibility import can_see_scores, require_early_results
from web import lookup
from web.api import views
from web.deps import SessionDep, UserDep
from web.schemas import (
    ERRORS,
    AuditEntryPublic,
    CampaignCode,
    CampaignDetail,
    CampaignProgressPublic,
    MePublic,
    NotificationsPublic,
    ResultPublic,
)
from web.scope import require_role

router = APIRouter(prefix="/api", tags=["chung"], responses=ERRORS)
MARK_QUERY = Query(None, description="held: chờ hết giờ nghỉ; personal: gửi riêng người dùng (@…)")


@router.get("/me", summary="Người dùng hiện tại")
def me(user: UserDep) -> MePublic:
    """Return who the token belongs to, its role and scope."""
    return MePublic(
        name=user.name,
        role=user.role,
        unit_id=str(user.unit_id or "") or None,
        field_codes=user.field_codes,
        unit_codes=user.unit_codes,
    )


@router.get("/campaigns", summary="Danh sách chiến dịch")
def campaigns(session: SessionDep, user: UserDep) -> list[CampaignProgressPublic]:
    """List every campaign with its overall progress (no scores)."""
    return [views.campaign_progress_out(c, n) for c, n in progress.campaign_rows(session=session)]


@router.get("/campaigns/{code}", summary="Chiến dịch và tiến độ từng giai đoạn")
def campaign(code: CampaignCode, session: SessionDep, user: UserDep) -> CampaignDetail:
    """Return the campaign with each stage's window and progress (done/total, late, overdue)."""
    camp = lookup.campaign(session, code)
    stages = progress.stage_progress(session=session, campaign_id=camp.id)
    header = views.campaign_out(camp).model_dump()
    return CampaignDetail(**header, stages=[views.stage_out(s) for s in stages])


@router.get("/campaigns/{code}/results", summary="Kết quả Chỉ số CCHC và xếp hạng")
def results(code: CampaignCode, session: SessionDep, user: UserDep) -> list[ResultPublic]:
    """Return index and ranking: all after publication; before, to admin/council, a unit its own."""
    camp = lookup.campaign(session, code)
    published = lookup.is_published(session, camp)
    require_early_results(user=user, published=published)
    rows = result_views.results(session=session, campaign_id=camp.id)
    yoy = lineage.compare(session=session, campaign=camp)
    return [
        views.result_out(r, u, yoy.get(u.id))
        for r, u in rows
        if can_see_scores(session=session, user=user, campaign=camp, unit=u, published=published)
    ]


@router.get("/campaigns/{code}/notifications", summary="Nhật ký gửi thông báo")
def notifications(
    code: CampaignCode,
    session: SessionDep,
    user: UserDep,
    state: str | None = Query(None, max_length=16),
    mark: Mark | None = MARK_QUERY,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=10_000_000),
) -> NotificationsPublic:
    """Return the outbox counts and a page of messages (to whom, delivered or failed, attempts)."""
    require_role(user, Role.admin, Role.council, Role.viewer)
    camp = lookup.campaign(session, code)
    rows = result_views.outbox(
        session=session, campaign_id=camp.id, state=state, mark=mark, limit=limit, offset=offset
    )
    counts, mark_counts = result_views.outbox_summary(session=session, campaign_id=camp.id)
    return NotificationsPublic(
        counts=counts,
        mark_counts=mark_counts,
        data=[views.notification_out(n, u) for n, u in rows],
    )


@router.get("/campaigns/{code}/audit", summary="Nhật ký thay đổi (chỉ quản trị)")
def audit(
    code: CampaignCode,
    session: SessionDep,
    user: UserDep,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=10_000_000),
) -> list[AuditEntryPublic]:
    """Return a page of the campaign's audit log: who, when, old, new, why."""
    require_role(user, Role.admin)
    camp = lookup.campaign(session, code)
    rows = result_views.audit_log(session=session, campaign_id=camp.id, limit=limit, offset=offset)
    return [
        AuditEntryPublic(
            at=e.at.isoformat(),
            actor=e.actor,
            action=e.action,
            entity=e.entity,
            field=e.field,
            old=e.old_value,
            new=e.new_value,
            reason=e.reason,
        )
        for e in rows
    ]
