"""Launch a plan: create the campaign, then register its daily tick with Prefect."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from models.campaign.launch import LaunchSummary, launch_campaign
from services.schedule import ScheduleResult, schedule_campaign


@dataclass(frozen=True)
class LaunchResult:
    """What was (or would be) created, and the schedule (None for a dry run or when skipped)."""

    summary: LaunchSummary
    schedule: ScheduleResult | None


def launch_plan(
    *, session: Session, plan_path: Path, actor: str, dry_run: bool = False, schedule: bool = True
) -> LaunchResult:
    """Validate the plan file and launch it once; a dry run stores nothing and schedules nothing."""
    from config.loader import calendar_overrides, load_plan  # on use: adapters start faster

    summary = launch_campaign(
        session=session,
        plan_cfg=load_plan(plan_path),
        actor=actor,
        dry_run=dry_run,
        calendar=calendar_overrides(strict=True),  # a broken calendar refuses the launch
    )
    if dry_run or not schedule:
        return LaunchResult(summary, None)
    # The rows are only committed with the caller's transaction: a failed commit after this
    # leaves a deployment whose ticks find no campaign, and a new launch registers it again.
    registered = schedule_campaign(session=session, campaign_code=summary.campaign, actor=actor)
    return LaunchResult(summary, registered)
