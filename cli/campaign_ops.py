"""Glue for the campaign commands: open the database, call models/flows, shape the output."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

from rich.table import Table

from cchc.clock import now, to_local
from cchc.db import get_engine, session_scope
from cchc.errors import CchcError
from cchc.settings import get_settings
from cli.parse import parse_local_instant
from models.campaign.launch import LaunchSummary

ACTOR = "cli"


def engine(*, migrate: bool = False):  # type: ignore[no-untyped-def]
    """Return the configured engine, upgrading the schema first when asked."""
    eng = get_engine(get_settings().db_url)
    if migrate:
        from models.db_init import init_db

        init_db(eng)
    return eng


def launch(plan_path: Path, *, dry_run: bool) -> LaunchSummary:
    """Validate and launch a plan file."""
    import config
    from models.campaign.launch import launch_campaign

    plan = config.load_plan(plan_path)
    with session_scope(engine(migrate=True)) as session:
        return launch_campaign(
            session=session,
            plan_cfg=plan,
            actor=ACTOR,
            dry_run=dry_run,
            calendar=config.calendar_overrides(strict=True),
        )


def schedule_message(code: str, *, required: bool = False) -> str:
    """Register the campaign's daily schedule with Prefect, or say how to do it later."""
    from flows import schedule
    from models.campaign.facts import get_campaign
    from models.tick.context import campaign_calendar

    later = f"đặt PREFECT_API_URL tới máy chủ Prefect rồi chạy `cchc schedule {code}`"
    if schedule.api_configured() is None:
        if required:
            raise CchcError(f"chưa có máy chủ Prefect (PREFECT_API_URL); {later}")
        return f"Chưa đăng ký lịch chạy (không có máy chủ Prefect): {later}."
    with session_scope(engine()) as session:
        campaign = get_campaign(session=session, code=code)
        hours = campaign.policy.get("schedule") or {}
        rrule = schedule.working_day_rrule(
            to_local(campaign.starts_at).date(),
            to_local(campaign.ends_at).date(),
            hour=hours.get("hour", 8),
            minute=hours.get("minute", 0),
            cal=campaign_calendar(campaign),
        )
        try:
            name = asyncio.run(schedule.register_schedule(campaign=code, rrule=rrule))
        except Exception as exc:  # any transport error: rows are stored, the schedule can wait
            if required:
                raise CchcError(f"không đăng ký được lịch với Prefect ({exc}); {later}") from exc
            return f"Chưa đăng ký lịch chạy ({type(exc).__name__}): {later}."
        campaign.deployment_name = name
        session.add(campaign)
    hour = hours.get("hour", 8)
    return f"Đã đăng ký lịch chạy {name}: các ngày làm việc lúc {hour:02d}:00 giờ Việt Nam."


def tick(code: str, at: datetime | None, *, local: bool) -> dict:
    """Evaluate a campaign once, through Prefect (default) or in this process."""
    if not local:
        from flows.campaign_tick import campaign_tick

        return campaign_tick(campaign=code, at=at)
    from flows.tick_sequence import InProcessSteps, run_tick

    # The flow's own sequence, each step a plain call (no Prefect API) in one transaction.
    with session_scope(engine()) as session:
        run = run_tick(InProcessSteps(session), code, at or now())
    return {**run.report, "delivery": run.delivery.__dict__}


def status_table(code: str) -> Table:
    """Build the stage progress table of a campaign."""
    from models.campaign.facts import get_campaign
    from models.campaign.stage_progress import STATE_VI, stage_progress

    with session_scope(engine()) as session:
        campaign = get_campaign(session=session, code=code)
        rows = stage_progress(session=session, campaign_id=campaign.id)
    table = Table(
        "#",
        "Giai đoạn",
        "Loại",
        "Trạng thái",
        "Hạn",
        "Xong",
        "Muộn",
        "Quá hạn",
        "Từ chối",
        title=campaign.title,
    )
    for i, p in enumerate(rows, 1):
        table.add_row(
            str(i),
            p.code,
            p.kind,
            STATE_VI.get(p.state, p.state),
            f"{to_local(p.due_at):%d/%m/%Y}",
            f"{p.acted}/{p.total}",
            str(p.counts["late"]),
            str(p.counts["overdue"]),
            str(p.counts["refused"]),
        )
    return table


def extend(campaign: str, stage: str, unit: str, until: str, reason: str, document: str) -> str:
    """Extend one unit's due time in one stage."""
    from models.campaign.extensions import extend_unit

    new_due = parse_local_instant(until, "--until", day_end=True)
    with session_scope(engine()) as session:
        extend_unit(
            session=session,
            campaign_code=campaign,
            stage_code=stage,
            unit_code=unit,
            new_due_at=new_due,
            reason=reason,
            document_no=document,
            actor=ACTOR,
        )
    return f"{to_local(new_due):%d/%m/%Y %H:%M}"
