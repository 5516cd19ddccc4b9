"""Thin tasks of one evaluation, each one transaction around one models/tick step, and the
`TaskSteps` that hands them to the flow's one sequence (flows/tick_sequence.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from prefect import task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.states import State
from prefect.utilities.annotations import quote

from cchc.db import session_scope
from models.campaign.stage_progress import progress_markdown, stage_progress
from models.tick import evaluate as tick
from models.tick.context import TickContext, load_campaign_context
from tasks.db import engine
from tasks.delivery import delivery_task


@task(name="load-tick-context", cache_policy=NO_CACHE)
def load_tick_context(campaign: str, at: datetime) -> TickContext:
    """Look the campaign up once and load its units and calendar for the whole tick."""
    with session_scope(engine()) as session:
        return load_campaign_context(session=session, code=campaign, at=at)


@task(name="advance-stages", cache_policy=NO_CACHE)
def advance_stages(ctx: TickContext) -> dict:
    """Apply facts, close and open stages (with their notices), mark lateness."""
    with session_scope(engine()) as session:
        return tick.advance_stages(
            session=session, campaign_id=ctx.campaign.id, at=ctx.at, ctx=ctx
        ).as_dict()


@task(name="enqueue-reminders", cache_policy=NO_CACHE)
def enqueue_reminders(ctx: TickContext) -> int:
    """Write today's reminders and overdue notices to the outbox."""
    with session_scope(engine()) as session:
        return tick.send_reminders(session=session, campaign_id=ctx.campaign.id, at=ctx.at, ctx=ctx)


@task(name="enqueue-escalations", cache_policy=NO_CACHE)
def enqueue_escalations(ctx: TickContext) -> int:
    """Write today's escalation digests to the outbox."""
    with session_scope(engine()) as session:
        return tick.escalate(session=session, campaign_id=ctx.campaign.id, at=ctx.at, ctx=ctx)


@task(name="enqueue-user-notices", cache_policy=NO_CACHE)
def enqueue_user_notices(ctx: TickContext) -> int:
    """Enqueue subscribers' own copies and daily digests in one transaction."""
    with session_scope(engine()) as session:
        return tick.notify_people(session=session, campaign_id=ctx.campaign.id, at=ctx.at, ctx=ctx)


@task(name="publish-progress", cache_policy=NO_CACHE)
def publish_progress(ctx: TickContext) -> str:
    """Publish each stage's progress as a Markdown artifact in the Prefect UI."""
    with session_scope(engine()) as session:
        rows = stage_progress(session=session, campaign_id=ctx.campaign.id)
    markdown = progress_markdown(ctx.campaign.title, rows, ctx.at)
    create_markdown_artifact(
        key=f"campaign-{ctx.campaign.code}-progress",
        markdown=markdown,
        description=f"Tiến độ chiến dịch {ctx.campaign.code}",
    )
    return markdown


def _quoted(ctx: TickContext) -> Any:
    """The context in `quote()`; Prefect unwraps it before the call (its typing does not say)."""
    return quote(ctx)


class TaskSteps:
    """Each step of the tick as one task run in its own transaction.

    The context goes in `quote()`d: Prefect would otherwise walk every unit of it looking for
    upstream futures, on each task call.
    """

    def __init__(self) -> None:
        self._deliver = delivery_task()  # the configured retries, read as the tick starts

    def load_context(self, campaign: str, at: datetime) -> TickContext:
        """Run `load-tick-context`."""
        return load_tick_context(campaign, at)

    def advance_stages(self, ctx: TickContext) -> dict:
        """Run `advance-stages`."""
        return advance_stages(_quoted(ctx))

    def enqueue_reminders(self, ctx: TickContext) -> int:
        """Run `enqueue-reminders`."""
        return enqueue_reminders(_quoted(ctx))

    def enqueue_escalations(self, ctx: TickContext) -> int:
        """Run `enqueue-escalations`."""
        return enqueue_escalations(_quoted(ctx))

    def enqueue_user_notices(self, ctx: TickContext) -> int:
        """Run `enqueue-user-notices`."""
        return enqueue_user_notices(_quoted(ctx))

    def deliver(self, ctx: TickContext) -> State:
        """Run `deliver-outbox` with retries; answer its final state (the flow reports failure)."""
        return self._deliver(str(ctx.campaign.id), return_state=True)

    def publish_progress(self, ctx: TickContext) -> str:
        """Run `publish-progress`."""
        return publish_progress(_quoted(ctx))
