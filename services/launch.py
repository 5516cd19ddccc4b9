"""Launch a plan: check its guard rails, create (or amend) the campaign, register its tick."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from cchc.clock import now
from cchc.errors import ValidationError
from models.campaign.launch import LaunchSummary, launch_campaign
from models.campaign.tables import Campaign
from models.campaign.versions import add_version
from services.amend import AmendResult, amend_campaign
from services.launch_checks import launch_problems
from services.schedule import ScheduleResult, schedule_campaign


@dataclass(frozen=True)
class LaunchResult:
    """What was (or would be) created or amended, and the schedule (None: dry run or skipped)."""

    summary: LaunchSummary | None  # None when the plan amended a running campaign
    schedule: ScheduleResult | None
    amendment: AmendResult | None = None

    @property
    def campaign(self) -> str:
        """The campaign's code."""
        return self.summary.campaign if self.summary else self.amendment.campaign  # type: ignore[union-attr]


def launch_plan(
    *,
    session: Session,
    plan_path: Path,
    actor: str,
    dry_run: bool = False,
    schedule: bool = True,
    replay: bool = False,
    confirm: bool = False,
) -> LaunchResult:
    """Launch a plan file, or amend its running campaign as version N+1 once confirmed.

    Refused, with every reason at once, for stages needing review, scored stages without
    criteria sets, a units file of the wrong tier, or (unless `replay`) all deadlines past.
    """
    from config.loader import calendar_overrides, load_plan  # on use: adapters start faster

    plan_cfg = load_plan(plan_path)
    label = f"config/plans/{Path(plan_path).name}"
    problems = launch_problems(plan_cfg=plan_cfg, label=label, at=now(), replay=replay)
    if problems:
        raise ValidationError(problems[0], problems=problems)
    calendar = calendar_overrides(strict=True)  # a broken calendar refuses the launch
    running = session.exec(select(Campaign).where(Campaign.code == plan_cfg.code)).first()
    if running is not None:
        amended = amend_campaign(
            session=session,
            campaign=running,
            plan_cfg=plan_cfg,
            actor=actor,
            confirm=confirm,
            dry_run=dry_run,
            calendar=calendar,
        )
        registered = _schedule(session, running.code, actor, amended.applied and schedule)
        return LaunchResult(None, registered, amended)
    summary = launch_campaign(
        session=session, plan_cfg=plan_cfg, actor=actor, dry_run=dry_run, calendar=calendar
    )
    if dry_run:
        return LaunchResult(summary, None)
    campaign = session.exec(select(Campaign).where(Campaign.code == summary.campaign)).one()
    add_version(
        session=session,
        campaign=campaign,
        number=1,
        body=plan_cfg.model_dump(mode="json"),
        changes=[],
        actor=actor,
    )
    return LaunchResult(summary, _schedule(session, summary.campaign, actor, schedule))


def _schedule(session: Session, code: str, actor: str, wanted: bool) -> ScheduleResult | None:
    """Register (again) the campaign's tick when wanted; its span may have moved."""
    if not wanted:
        return None
    # The rows are only committed with the caller's transaction: a failed commit after this
    # leaves a deployment whose ticks find no campaign, and a new launch registers it again.
    return schedule_campaign(session=session, campaign_code=code, actor=actor)
