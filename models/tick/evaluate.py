"""The decision steps of one evaluation; flows/tick_sequence.py alone orders them."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlmodel import Session

from cchc import run_context
from cchc.clock import as_utc
from cchc.wording.dates import local_moment
from cchc.wording.lifecycle import backdated_tick
from models.campaign.tables import Campaign
from models.tick import notices as tick_notices
from models.tick import people as tick_people
from models.tick import stages as tick_stages
from models.tick.context import TickContext, load_context


@dataclass
class TickReport:
    """What one evaluation changed."""

    facts_applied: int = 0
    opened: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    overdue: int = 0
    notices: int = 0
    reminders: int = 0
    escalations: int = 0
    user_notices: int = 0
    backdated: str | None = None  # set when the tick is earlier than the last one: sent nothing

    def as_dict(self) -> dict:
        """Return a JSON-ready dict."""
        return asdict(self)


def advance_stages(
    *, session: Session, campaign_id: uuid.UUID, at: datetime, ctx: TickContext | None = None
) -> TickReport:
    """Apply facts, close finished stages, open ready ones with their notices, mark lateness."""
    at = as_utc(at)
    report = TickReport()
    last = last_tick(session=session, campaign_id=campaign_id)
    if last is not None and at < last:
        report.backdated = backdated_tick(local_moment(at), local_moment(last))
    report.facts_applied = tick_stages.apply_facts(session=session, campaign_id=campaign_id)
    report.closed = [
        s.code for s in tick_stages.close_stages(session=session, campaign_id=campaign_id, at=at)
    ]
    opened = tick_stages.open_stages(session=session, campaign_id=campaign_id, at=at)
    report.opened = [s.code for s in opened]
    session.flush()
    if opened and report.backdated is None:
        # Facts recorded before a stage opened count now; then the actors hear of it.
        report.facts_applied += tick_stages.apply_facts(session=session, campaign_id=campaign_id)
        ctx = _at(ctx, at) or load_context(session=session, campaign_id=campaign_id, at=at)
        report.notices = tick_notices.enqueue_open_notices(
            session=session, ctx=ctx, stage_ids=[s.id for s in opened]
        )
    report.overdue = tick_stages.mark_lateness(session=session, campaign_id=campaign_id, at=at)
    campaign = session.get(Campaign, campaign_id)
    if campaign is not None and report.backdated is None:
        campaign.last_tick_at = at  # never moves back: later ticks compare against it
        campaign.last_tick_flow_run_id = run_context.flow_run_id.get()  # None for a local tick
        session.add(campaign)
    return report


def last_tick(*, session: Session, campaign_id: uuid.UUID) -> datetime | None:
    """Return the instant of the campaign's latest tick, if any."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None or campaign.last_tick_at is None:
        return None
    return as_utc(campaign.last_tick_at)


def _backdated(session: Session, campaign_id: uuid.UUID, at: datetime) -> bool:
    """Tell whether `at` is earlier than the last tick (nothing dated then may be enqueued)."""
    last = last_tick(session=session, campaign_id=campaign_id)
    return last is not None and as_utc(at) < last


def _at(ctx: TickContext | None, at: datetime) -> TickContext | None:
    """Reuse a loaded context (units and calendar do not change within a tick) at `at`."""
    if ctx is not None:
        ctx.at = as_utc(at)
    return ctx


def send_reminders(
    *, session: Session, campaign_id: uuid.UUID, at: datetime, ctx: TickContext | None = None
) -> int:
    """Enqueue the reminders and overdue notices due today (none for a backdated tick)."""
    if _backdated(session, campaign_id, at):
        return 0
    ctx = _at(ctx, at) or load_context(session=session, campaign_id=campaign_id, at=at)
    return tick_notices.enqueue_reminders(session=session, ctx=ctx)


def notify_people(
    *, session: Session, campaign_id: uuid.UUID, at: datetime, ctx: TickContext | None = None
) -> int:
    """Enqueue subscribers' own copies and daily digests (none for a backdated tick)."""
    if _backdated(session, campaign_id, at):
        return 0
    ctx = _at(ctx, at) or load_context(session=session, campaign_id=campaign_id, at=at)
    return tick_people.enqueue_user_notices(session=session, ctx=ctx)


def escalate(
    *, session: Session, campaign_id: uuid.UUID, at: datetime, ctx: TickContext | None = None
) -> int:
    """Enqueue today's escalation digests (none for a backdated tick)."""
    if _backdated(session, campaign_id, at):
        return 0
    ctx = _at(ctx, at) or load_context(session=session, campaign_id=campaign_id, at=at)
    return tick_notices.enqueue_escalations(session=session, ctx=ctx)
