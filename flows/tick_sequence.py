"""The one ordering of a tick's steps; how each step runs (task run or plain call) is the caller's.

The `campaign-tick` flow runs `run_tick` with `tasks.tick_tasks.TaskSteps` (one task run per step);
`cchc tick --local`, the demo and the tests run it with `InProcessSteps` (plain calls, one session).
No Prefect import here: the in-process callers must not start Prefect's API.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlmodel import Session

from cchc import run_context
from cchc.settings import get_settings
from models.tick import evaluate as tick
from models.tick.context import TickContext, load_campaign_context
from tasks.outbox_sender import DeliveryReport, deliver_pending

LOG = logging.getLogger("cchc.tick")


class TickSteps(Protocol):
    """How each step of one tick runs."""

    def load_context(self, campaign: str, at: datetime) -> TickContext: ...
    def advance_stages(self, ctx: TickContext) -> dict: ...
    def enqueue_reminders(self, ctx: TickContext) -> int: ...
    def enqueue_escalations(self, ctx: TickContext) -> int: ...
    def enqueue_user_notices(self, ctx: TickContext) -> int: ...
    def deliver(self, ctx: TickContext) -> Any: ...
    def publish_progress(self, ctx: TickContext) -> object: ...


@dataclass
class TickRun:
    """What one tick decided (the report) and how its delivery went (as the steps answer it)."""

    report: dict
    delivery: Any


def decide(steps: TickSteps, ctx: TickContext) -> dict:
    """Advance, remind, escalate, then copy to subscribers: each step sees the ones before."""
    report = steps.advance_stages(ctx)
    report["reminders"] = steps.enqueue_reminders(ctx)
    report["escalations"] = steps.enqueue_escalations(ctx)
    report["user_notices"] = steps.enqueue_user_notices(ctx)
    return report


def run_tick(steps: TickSteps, campaign: str, at: datetime) -> TickRun:
    """Load the context once, decide, deliver the outbox, then publish progress."""
    with run_context.bound(campaign=campaign):  # every log line of the tick names the campaign
        ctx = steps.load_context(campaign, at)
        report = decide(steps, ctx)
        LOG.info("tick at %s decided: %s", at.isoformat(), report)
        delivery = steps.deliver(ctx)
        # Published even when delivery failed: progress is true whatever the mail did.
        steps.publish_progress(ctx)
    return TickRun(report=report, delivery=delivery)


@dataclass
class InProcessSteps:
    """Every step as a plain call on one session; delivery commits the decisions first."""

    session: Session

    def load_context(self, campaign: str, at: datetime) -> TickContext:
        """Look the campaign up by code and load its context (one lookup per tick)."""
        return load_campaign_context(session=self.session, code=campaign, at=at)

    def advance_stages(self, ctx: TickContext) -> dict:
        """Apply facts, close and open stages, mark lateness; flush for the next steps."""
        report = tick.advance_stages(
            session=self.session, campaign_id=ctx.campaign.id, at=ctx.at, ctx=ctx
        ).as_dict()
        self.session.flush()
        return report

    def enqueue_reminders(self, ctx: TickContext) -> int:
        """Enqueue today's reminders and overdue notices."""
        return tick.send_reminders(
            session=self.session, campaign_id=ctx.campaign.id, at=ctx.at, ctx=ctx
        )

    def enqueue_escalations(self, ctx: TickContext) -> int:
        """Enqueue today's escalation digests."""
        return tick.escalate(session=self.session, campaign_id=ctx.campaign.id, at=ctx.at, ctx=ctx)

    def enqueue_user_notices(self, ctx: TickContext) -> int:
        """Enqueue subscribers' copies and daily digests (flushed: they read today's rows)."""
        self.session.flush()
        return tick.notify_people(
            session=self.session, campaign_id=ctx.campaign.id, at=ctx.at, ctx=ctx
        )

    def deliver(self, ctx: TickContext) -> DeliveryReport:
        """Commit the decisions (the sender reads them on its own connections), then send."""
        self.session.commit()
        # Without Prefect's task retries, the run itself retries with the configured backoff.
        return deliver_pending(
            engine=self.session.get_bind(),
            campaign_id=ctx.campaign.id,
            passes=get_settings().notify.retries + 1,
        )

    def publish_progress(self, ctx: TickContext) -> None:
        """Nothing: a progress artifact needs a Prefect run; `cchc status` shows the same table."""
        return None
