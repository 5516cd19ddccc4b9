"""Per-user messages: each subscriber's wanted events, at once or in one digest per local day.

A subscriber is an active user with a contact a configured channel reaches. Events are the
campaign's unit messages (outbox rows with a unit) of the kinds the user wants ([] = all), of
the user's own unit (or of every unit for users without one). Immediate users get a copy of
each event (key `<event key>@<user>`); digest users get, for each ended local day still in
`notify.digest_days`, one message listing that day's events (key per user and day). Both are
idempotent by key, so every tick may write them again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from cchc.clock import to_local
from cchc.settings import get_settings
from cchc.wording.contacts import digest_body, digest_subject
from cchc.wording.dates import day as fmt_day
from models.accounts.tables import User
from models.outbox.queue import HELD_SUFFIX, Message, enqueue_many, make_key
from models.outbox.tables import Notification
from models.outbox.targets import contact_refs
from models.tick.context import TickContext


@dataclass(frozen=True)
class Event:
    """One unit message of the campaign, as a user's copy or digest line needs it."""

    key: str
    unit_id: uuid.UUID
    kind: str
    subject: str
    body: str
    day: date


def _subscribers(session: Session) -> list[tuple[User, list[str]]]:
    """Active users with at least one reachable contact, with their references."""
    users = session.exec(
        select(User)
        .where(col(User.active))
        .where(
            col(User.email).is_not(None)
            | col(User.phone).is_not(None)
            | col(User.zalo_id).is_not(None)
        )
    ).all()
    found = [(u, contact_refs(email=u.email, phone=u.phone, zalo=u.zalo_id)) for u in users]
    return [(u, refs) for u, refs in found if refs]


def _events(session: Session, ctx: TickContext, since_day: date) -> list[Event]:
    """The campaign's unit messages written since the start of `since_day` (local)."""
    start = ctx.at - timedelta(days=(ctx.today - since_day).days + 1)
    rows = session.execute(
        sa_select(  # six columns: beyond sqlmodel.select's typed overloads
            col(Notification.idempotency_key),
            col(Notification.unit_id),
            col(Notification.kind),
            col(Notification.subject),
            col(Notification.body),
            col(Notification.created_at),
        )  # fmt: skip
        .where(
            col(Notification.campaign_id) == ctx.campaign.id,
            col(Notification.unit_id).is_not(None),
            col(Notification.created_at) >= start,
            col(Notification.quiet).is_(False)
            | ~col(Notification.idempotency_key).endswith(HELD_SUFFIX),
        )
        .order_by(col(Notification.created_at), col(Notification.idempotency_key))
    ).all()
    events = [Event(k, u, kind, s, b, to_local(at).date()) for k, u, kind, s, b, at in rows]
    return [e for e in events if e.day >= since_day]


def _wants(user: User, event: Event) -> bool:
    """True when the event is of a kind the user wants, about the user's unit (or any)."""
    kind_ok = not user.notify_events or event.kind in user.notify_events
    return kind_ok and (user.unit_id is None or user.unit_id == event.unit_id)


def _copy(ctx: TickContext, user: User, refs: list[str], event: Event) -> Message:
    """The user's own copy of one event."""
    return Message(
        key=f"{event.key}@{user.name}", campaign_id=ctx.campaign.id, recipient=f"@{user.name}",
        urls=refs, kind=event.kind, occasion="personal", subject=event.subject, body=event.body,
    )  # fmt: skip


def _digest(
    ctx: TickContext, user: User, refs: list[str], day: date, events: list[Event]
) -> Message:
    """One message listing a user's events of one local day."""
    shown = fmt_day(day)
    names = {u.id: u.name for u in ctx.units.values()}
    lines = [f"{e.subject} ({names.get(e.unit_id, '')})" for e in events]
    return Message(
        key=make_key(ctx.campaign.code, None, f"@{user.name}", "digest", day.isoformat()),
        campaign_id=ctx.campaign.id, recipient=f"@{user.name}", urls=refs, kind="digest",
        occasion=day.isoformat(), subject=digest_subject(shown, len(events)),
        body=digest_body(shown, lines),
    )  # fmt: skip


def enqueue_user_notices(*, session: Session, ctx: TickContext) -> int:
    """Write subscribers' copies and their digests of ended days; return how many are new."""
    people = _subscribers(session)
    if not people:
        return 0
    first = ctx.today - timedelta(days=get_settings().notify.digest_days)
    events = _events(session, ctx, first)
    out: list[Message] = []
    for user, refs in people:
        mine = [e for e in events if _wants(user, e)]
        if not user.notify_digest:
            out += [_copy(ctx, user, refs, e) for e in mine]  # a repeat is skipped by its key
            continue
        for offset in range(get_settings().notify.digest_days, 0, -1):
            day = ctx.today - timedelta(days=offset)
            of_day = [e for e in mine if e.day == day]
            if of_day:
                out.append(_digest(ctx, user, refs, day, of_day))
    return enqueue_many(session=session, messages=out)
