"""The Sở Nội vụ: launch, record facts, extend a deadline, approve, publish, add users."""

from __future__ import annotations

from fastapi import APIRouter

from cchc.clock import as_utc
from cchc.errors import NotFound
from cchc.settings import get_settings
from deadlines import end_of
from models.enums import Role
from services import approval, extensions, facts, results, users
from services.launch import launch_plan
from web.deps import SessionDep, UserDep
from web.schemas import (
    ERRORS,
    ApprovalIn,
    ApprovalOut,
    CampaignCode,
    ComputeOut,
    ExtensionIn,
    ExtensionOut,
    FactIn,
    FactOut,
    LaunchIn,
    LaunchOut,
    PublicationOut,
    UnitCode,
    UserCreated,
    UserIn,
)
from web.scope import require_role

router = APIRouter(prefix="/api", tags=["quản trị"], responses=ERRORS)


@router.post("/campaigns", summary="Khởi động chiến dịch từ kế hoạch", status_code=201)
def launch(body: LaunchIn, session: SessionDep, user: UserDep) -> LaunchOut:
    """Launch config/plans/<plan> and register its schedule (dry_run: say what would be made)."""
    require_role(user, Role.admin)
    plans = (get_settings().config_dir / "plans").resolve()
    path = (plans / body.plan).resolve()
    if path.parent != plans or not path.is_file():  # the API reads only the shipped plans
        raise NotFound(f"không có kế hoạch «{body.plan}» trong config/plans")
    done = launch_plan(
        session=session,
        plan_path=path,
        actor=user.name,
        dry_run=body.dry_run,
        replay=body.replay,
        confirm=body.confirm,
    )
    registered = done.schedule is not None and done.schedule.registered
    return LaunchOut(
        dry_run=body.dry_run,
        summary=done.summary,
        amendment=done.amendment,
        schedule=done.schedule,
        next=None if registered else f"cchc schedule -c {done.campaign}",
    )


@router.post("/campaigns/{code}/facts", summary="Ghi nhận một bước đã làm", status_code=201)
def fact(code: CampaignCode, body: FactIn, session: SessionDep, user: UserDep) -> FactOut:
    """Record the fact the stage itself waits for (guidance, generic task, appraisal done)."""
    require_role(user, Role.admin)
    row = facts.record_fact(
        session=session,
        campaign_code=code,
        actor=user.name,
        stage_code=body.stage_code,
        fact_kind=body.kind,
        unit_code=body.unit_code,
        document_no=body.document_no,
        note=body.note,
    )
    return FactOut(
        kind=row.kind,
        stage_code=body.stage_code,
        document_no=row.document_no,
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at.isoformat(),
    )


@router.post(
    "/campaigns/{code}/units/{unit_code}/extensions",
    summary="Gia hạn cho một đơn vị",
    status_code=201,
)
def extend(
    code: CampaignCode, unit_code: UnitCode, body: ExtensionIn, session: SessionDep, user: UserDep
) -> ExtensionOut:
    """Move one unit's due time in one stage to the end of `new_due` (local), with its document."""
    require_role(user, Role.admin)
    ext = extensions.extend_deadline(
        session=session,
        campaign_code=code,
        stage_code=body.stage_code,
        unit_code=unit_code,
        new_due_at=as_utc(end_of(body.new_due)),
        reason=body.reason,
        document_no=body.document_no,
        actor=user.name,
    )
    return ExtensionOut(
        unit_code=unit_code,
        stage_code=body.stage_code,
        old_due_at=ext.old_due_at.isoformat(),
        new_due_at=ext.new_due_at.isoformat(),
    )


@router.post("/campaigns/{code}/results:compute", summary="Tính Chỉ số và xếp hạng")
def compute(code: CampaignCode, session: SessionDep, user: UserDep) -> ComputeOut:
    """Recompute every unit's index and rank in the database (refused once approved)."""
    require_role(user, Role.admin)
    return ComputeOut(units=results.compute(session=session, campaign_code=code, actor=user.name))


@router.post("/campaigns/{code}/approval", summary="Ghi nhận quyết định phê duyệt", status_code=201)
def approve(
    code: CampaignCode, body: ApprovalIn, session: SessionDep, user: UserDep
) -> ApprovalOut:
    """Record the chairman's approval (decision number and date); results are then frozen."""
    require_role(user, Role.admin)
    row = approval.approve(
        session=session,
        campaign_code=code,
        decision_no=body.decision_no,
        decided_on=body.decided_on,
        actor=user.name,
        force=body.force,
        reason=body.reason,
    )
    return ApprovalOut(decision_no=row.decision_no, decided_on=row.decided_on.isoformat())


@router.post("/campaigns/{code}/publication", summary="Công bố kết quả", status_code=201)
def publish(code: CampaignCode, session: SessionDep, user: UserDep) -> PublicationOut:
    """Publish the approved results; public endpoints show them from now on."""
    require_role(user, Role.admin)
    row = approval.publish(session=session, campaign_code=code, actor=user.name)
    return PublicationOut(published_at=row.published_at.isoformat())


@router.post("/users", summary="Tạo người dùng (mã truy cập chỉ hiện một lần)", status_code=201)
def add_user(body: UserIn, session: SessionDep, user: UserDep) -> UserCreated:
    """Create a user; the answer carries its token, which is stored only as a hash."""
    require_role(user, Role.admin)
    row, token = users.add_user(
        session=session,
        name=body.name,
        role=body.role,
        actor=user.name,
        unit_code=body.unit_code,
        field_codes=body.field_codes,
        unit_codes=body.unit_codes,
    )
    return UserCreated(name=row.name, role=row.role, token=token)
