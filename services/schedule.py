"""Register a campaign's daily tick with Prefect and record the deployment on the campaign."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from sqlmodel import Session

from cchc.clock import to_local
from cchc.errors import CchcError
from cchc.wording.dates import LOCAL_NOTE
from config.schema.plan import Schedule
from deadlines.schedule import working_day_rrule
from models.audit.log import record_audit
from models.campaign.deployment import record_deployment
from models.campaign.facts import get_campaign
from models.campaign.tables import Campaign
from models.tick.context import campaign_calendar
from services import deployments


@dataclass(frozen=True)
class ScheduleResult:
    """Whether the schedule is registered, under which deployment, and what to tell the user."""

    registered: bool
    deployment_name: str | None
    message: str


def _rrule(campaign: Campaign, hour: int, minute: int) -> str:
    """Return the campaign's working days, from its start to its end, at hour:minute local."""
    return working_day_rrule(
        to_local(campaign.starts_at).date(),
        to_local(campaign.ends_at).date(),
        hour=hour,
        minute=minute,
        cal=campaign_calendar(campaign),
    )


def _not_registered(reason: str, later: str) -> ScheduleResult:
    """Say the schedule waits and how to register it later."""
    return ScheduleResult(False, None, f"Chưa đăng ký lịch chạy ({reason}): {later}.")


def schedule_campaign(
    *, session: Session, campaign_code: str, actor: str, required: bool = False
) -> ScheduleResult:
    """Register (again) the campaign's tick deployment; without Prefect say how to do it later."""
    later = f"đặt PREFECT_API_URL tới máy chủ Prefect rồi chạy `cchc schedule -c {campaign_code}`"
    if deployments.api_configured() is None:
        if required:
            raise CchcError(f"chưa có máy chủ Prefect (PREFECT_API_URL); {later}")
        return _not_registered("không có máy chủ Prefect", later)
    campaign = get_campaign(session=session, code=campaign_code)
    # The schedule stored at launch, its gaps filled by the plan schema's defaults.
    hours = Schedule.model_validate(campaign.policy.get("schedule") or {})
    rrule = _rrule(campaign, hours.hour, hours.minute)
    try:
        name, deployment_id = asyncio.run(
            deployments.register_schedule(campaign=campaign_code, rrule=rrule)
        )
    except Exception as exc:  # any transport error: rows are stored, the schedule can wait
        if required:
            raise CchcError(f"không đăng ký được lịch với Prefect ({exc}); {later}") from exc
        return _not_registered(type(exc).__name__, later)
    record_deployment(
        session=session, campaign=campaign, name=name, actor=actor, deployment_id=deployment_id
    )
    at = f"{hours.hour:02d}:00 {LOCAL_NOTE}"
    message = f"Đã đăng ký lịch chạy {name}: các ngày làm việc lúc {at}."
    return ScheduleResult(True, name, message)


def pause_schedule(*, session: Session, campaign_code: str, actor: str) -> ScheduleResult:
    """Set the campaign's tick schedule inactive (after publication nothing is left to tick)."""
    campaign = get_campaign(session=session, code=campaign_code)
    name = campaign.deployment_name
    if name is None or deployments.api_configured() is None:
        return ScheduleResult(False, name, "Không có lịch chạy nào đang hoạt động để tạm dừng.")
    try:
        paused = asyncio.run(deployments.pause_schedules(name=name))
    except Exception as exc:  # the publication stands; the schedule can be paused by hand
        return ScheduleResult(True, name, f"Chưa tạm dừng được lịch chạy {name} ({exc}).")
    if paused:
        _audit(session, campaign, actor, "pause_schedule", "active", "paused")
    return ScheduleResult(False, name, f"Đã tạm dừng lịch chạy {name}.")


def remove_schedule(*, session: Session, campaign_code: str, actor: str) -> ScheduleResult:
    """Delete the campaign's deployment from Prefect and forget its name (archive)."""
    campaign = get_campaign(session=session, code=campaign_code)
    name = campaign.deployment_name
    if name is None:
        return ScheduleResult(False, None, "Chiến dịch không có lịch chạy nào.")
    if deployments.api_configured() is None:
        raise CchcError(f"chưa có máy chủ Prefect (PREFECT_API_URL) để xoá lịch chạy {name}")
    asyncio.run(deployments.remove_deployment(name=name))
    campaign.deployment_name = campaign.deployment_id = None
    session.add(campaign)
    _audit(session, campaign, actor, "remove_schedule", name, None)
    return ScheduleResult(False, None, f"Đã xoá lịch chạy {name}.")


def _audit(
    session: Session, campaign: Campaign, actor: str, action: str, old: object, new: object
) -> None:
    """Record a schedule change on the campaign."""
    record_audit(
        session=session,
        actor=actor,
        action=action,
        entity="campaign",
        entity_id=campaign.id,
        campaign_id=campaign.id,
        field="schedule",
        old=old,
        new=new,
    )
