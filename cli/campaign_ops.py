"""Glue for the campaign commands: open the database, call models/flows, shape the output."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.table import Column, Table
from sqlalchemy import Engine

from cchc.clock import now
from cchc.db import get_engine, session_scope
from cchc.errors import CchcError
from cchc.settings import get_settings
from cchc.wording.dates import day, moment
from cchc.wording.labels import STAGE_KIND, STAGE_STATE
from cli.actor import actor
from cli.parse import parse_local_instant
from services.launch import LaunchResult


def engine(*, migrate: bool = False) -> Engine:
    """Return the configured engine, upgrading the schema first when asked."""
    eng = get_engine(get_settings().db_url)
    if migrate:
        from models.db_init import init_db

        init_db(eng)
    return eng


def launch(
    plan_path: Path,
    *,
    dry_run: bool,
    schedule: bool = True,
    replay: bool = False,
    confirm: bool = False,
) -> LaunchResult:
    """Validate and launch (or amend) a plan file, registering its schedule unless told not to."""
    from services.launch import launch_plan

    with session_scope(engine(migrate=True)) as session:
        return launch_plan(
            session=session,
            plan_path=plan_path,
            actor=actor(),
            dry_run=dry_run,
            schedule=schedule,
            replay=replay,
            confirm=confirm,
        )


def archive_message(code: str) -> str:
    """Archive a published campaign and remove its schedule."""
    from services.archive import archive_campaign

    with session_scope(engine()) as session:
        return archive_campaign(session=session, campaign_code=code, actor=actor()).message


def schedule_message(code: str) -> str:
    """Register the campaign's daily schedule with Prefect (refused without a Prefect API)."""
    from services.schedule import schedule_campaign

    with session_scope(engine()) as session:
        done = schedule_campaign(session=session, campaign_code=code, actor=actor(), required=True)
    return done.message


def tick(code: str, at: datetime | None, *, local: bool) -> dict:
    """Evaluate a campaign once, through Prefect (default) or in this process."""
    if not local:
        return _flow_tick(code, at)
    from flows.tick_sequence import InProcessSteps, run_tick

    # The flow's own sequence, each step a plain call (no Prefect API) in one transaction.
    with session_scope(engine()) as session:
        run = run_tick(InProcessSteps(session), code, at or now())
    return {**run.report, "delivery": run.delivery.__dict__}


def _flow_tick(code: str, at: datetime | None) -> dict:
    """Run the campaign-tick flow; its failure comes back as a CchcError, never a traceback."""
    from flows.campaign_tick import campaign_tick

    state = campaign_tick(campaign=code, at=at, return_state=True)
    try:
        result = state.result()
    except CchcError:
        raise
    except Exception as exc:  # noqa: BLE001 - shown as one line; the run's log has the rest
        raise CchcError(f"campaign-tick thất bại: {state.message or exc}") from exc
    return dict(result)


def status_table(code: str) -> Table:
    """Build the stage progress table of a campaign."""
    from models.campaign.facts import get_campaign
    from models.campaign.stage_progress import stage_progress

    with session_scope(engine()) as session:
        campaign = get_campaign(session=session, code=code)
        rows = stage_progress(session=session, campaign_id=campaign.id)
    table = Table(
        "#",
        "Giai đoạn",
        "Loại",
        "Trạng thái",
        Column("Hạn", no_wrap=True),  # a date cut to "30/11/…" says nothing
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
            STAGE_KIND.get(p.kind, p.kind),
            STAGE_STATE.get(p.state, p.state),
            day(p.due_at),
            f"{p.acted}/{p.total}",
            str(p.counts["late"]),
            str(p.counts["overdue"]),
            str(p.counts["refused"]),
        )
    return table


def extend(campaign: str, stage: str, unit: str, until: str, reason: str, document: str) -> str:
    """Extend one unit's due time in one stage."""
    from services.extensions import extend_deadline

    new_due = parse_local_instant(until, "--until", day_end=True)
    with session_scope(engine()) as session:
        extend_deadline(
            session=session,
            campaign_code=campaign,
            stage_code=stage,
            unit_code=unit,
            new_due_at=new_due,
            reason=reason,
            document_no=document,
            actor=actor(),
        )
    return moment(new_due)
