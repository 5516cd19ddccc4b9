"""Messages one evaluation decides: open notices, reminders, overdue notices, escalation digests.

Every decision is derived from stored state and written with an idempotency key, so a rerun
(or a crash and a rerun) enqueues nothing twice and forgets nothing.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from cchc.clock import as_utc, to_local
from cchc.wording import messages
from cchc.wording.authority import authority, unit_link
from cchc.wording.dates import day, local_moment
from cchc.wording.days_left import days_left, working_days_left
from config.message_templates import render_event
from config.schema.plan import Reminders
from deadlines import reminder_dates
from models.campaign.tables import Assignment, Stage
from models.enums import AssignmentState as A
from models.enums import StageState
from models.outbox.queue import Message, enqueue_many, make_key
from models.tick.context import TickContext, UnitInfo

Row = tuple[Stage, uuid.UUID, datetime, str]  # stage, unit id, due_at, assignment state
# Stages store their full policy at launch; these fill a gap with the plan schema's own defaults.
DEFAULT = Reminders()


def unacted(
    session: Session, ctx: TickContext, stage_ids: Iterable[uuid.UUID] | None = None
) -> list[Row]:
    """The open and overdue assignments of open stages (two queries: stages, then rows)."""
    stages = {
        s.id: s
        for s in session.execute(
            select(Stage).where(
                col(Stage.campaign_id) == ctx.campaign.id, col(Stage.state) == StageState.open
            )
        ).scalars()
    }
    wanted = [i for i in stages if stage_ids is None or i in set(stage_ids)]
    if not wanted:
        return []
    # Only plain columns per row: a Stage per row would decode its JSON columns thousands of times.
    rows = session.execute(
        select(
            col(Assignment.stage_id),
            col(Assignment.unit_id),
            col(Assignment.due_at),
            col(Assignment.state),
        )
        .where(col(Assignment.stage_id).in_(wanted), col(Assignment.state).in_((A.open, A.overdue)))
        .order_by(col(Assignment.stage_id))
    ).all()
    out = [(stages[st], u, as_utc(d), state) for st, u, d, state in rows]
    return sorted(out, key=lambda r: r[0].position)


def _message(
    ctx: TickContext,
    stage: Stage | None,
    to: UnitInfo,
    kind: str,
    occasion: str,
    text: tuple[str, str],
) -> Message:
    """Build one message for a recipient unit."""
    return Message(
        key=make_key(ctx.campaign.code, stage.code if stage else None, to.code, kind, occasion),
        campaign_id=ctx.campaign.id,
        stage_id=stage.id if stage else None,
        unit_id=to.id,
        recipient=to.code,
        urls=ctx.urls(to),
        kind=kind,
        occasion=occasion,
        subject=text[0],
        body=text[1] + unit_link(ctx.campaign.code, to.code),
    )


def _render(ctx: TickContext, event: str, to: UnitInfo, **values: Any) -> tuple[str, str]:
    """Render one event's subject and body for a recipient from the province's templates."""
    speaker = authority(ctx.province.name if ctx.province else ctx.campaign.province_code)
    return render_event(
        event, ctx.campaign.province_code, authority=speaker, campaign=ctx.campaign.title,
        unit=to.name, **values,
    )  # fmt: skip


def _stage_values(stage: Stage, units: list[str], due: datetime, ctx: TickContext) -> dict:
    """What a stage's notices say: its title, the units, the due time and working days left."""
    left = days_left(due, today=ctx.today, cal=ctx.cal)
    return {
        "stage": stage.title,
        "units": ", ".join(units),
        "due": local_moment(due),
        "days_left": left,
    }


def _by_actor(
    ctx: TickContext, rows: Iterable[Row]
) -> dict[tuple[uuid.UUID, uuid.UUID], list[Row]]:
    """Group rows by (stage, the unit who must act)."""
    groups: dict[tuple[uuid.UUID, uuid.UUID], list[Row]] = defaultdict(list)
    for row in rows:
        groups[(row[0].id, ctx.actor(row[0], row[1]).id)].append(row)
    return groups


def enqueue_open_notices(*, session: Session, ctx: TickContext, stage_ids: list[uuid.UUID]) -> int:
    """Tell each actor of the newly opened stages what to do and by when."""
    out = []
    for (_, actor_id), rows in _by_actor(ctx, unacted(session, ctx, stage_ids)).items():
        stage, due = rows[0][0], min(r[2] for r in rows)
        names = [ctx.units[r[1]].name for r in rows]
        to = ctx.units[actor_id]
        text = _render(ctx, "stage_open", to, **_stage_values(stage, names, due, ctx))
        out.append(_message(ctx, stage, to, "stage_open", "open", text))
    return enqueue_many(session=session, messages=out)


def reminder_occasion(stage: Stage, due_at: datetime, ctx: TickContext) -> str | None:
    """The latest reminder occasion on or before today (after the opening day), or None."""
    policy = stage.reminders or {}
    due = to_local(due_at).date()
    before = [n for n in policy.get("before", DEFAULT.before) if n > 0]
    found = reminder_dates(
        due,
        before=before,
        overdue_every=policy.get("overdue_every", DEFAULT.overdue_every),
        until=ctx.today,
        cal=ctx.cal,
    )
    if 0 in policy.get("before", []) and due <= ctx.today:
        found = sorted([*found, (due, "due-day")])
    opened = to_local(stage.opened_at).date() if stage.opened_at else date.min
    past = [(d, label) for d, label in found if opened < d <= ctx.today]
    if past and due < ctx.today and not past[-1][1].startswith("overdue"):
        return None  # a missed before-due reminder is stale once the unit is overdue
    return f"{past[-1][1]}@{due.isoformat()}" if past else None


def enqueue_reminders(*, session: Session, ctx: TickContext) -> int:
    """Remind only the units that have not acted, on the stage's working-day offsets."""
    if not ctx.cal.is_working_day(ctx.today):
        return 0
    groups: dict[tuple[uuid.UUID, uuid.UUID, str], list[Row]] = defaultdict(list)
    occasions: dict[tuple[uuid.UUID, datetime], str | None] = {}  # few distinct dues per stage
    for row in unacted(session, ctx):
        if (row[0].id, row[2]) not in occasions:
            occasions[(row[0].id, row[2])] = reminder_occasion(row[0], row[2], ctx)
        occasion = occasions[(row[0].id, row[2])]
        if occasion is not None:
            groups[(row[0].id, ctx.actor(row[0], row[1]).id, occasion)].append(row)
    out = []
    for (_, actor_id, occasion), rows in groups.items():
        stage, due = rows[0][0], rows[0][2]
        overdue = occasion.startswith("overdue")  # "due-day" is a reminder, not overdue
        kind, to = ("overdue" if overdue else "reminder"), ctx.units[actor_id]
        names = [ctx.units[r[1]].name for r in rows]
        text = _render(ctx, kind, to, **_stage_values(stage, names, due, ctx))
        out.append(_message(ctx, stage, to, kind, occasion, text))
    return enqueue_many(session=session, messages=out)


def enqueue_escalations(*, session: Session, ctx: TickContext) -> int:
    """Send each supervisor ONE digest per day of the overdue units below it."""
    if not ctx.cal.is_working_day(ctx.today):
        return 0
    digests: dict[uuid.UUID, list[str]] = defaultdict(list)
    for stage, unit_id, due_at, state in unacted(session, ctx):
        late_days = -working_days_left(due_at, today=ctx.today, cal=ctx.cal)
        escalate_after = (stage.reminders or {}).get("escalate_after", DEFAULT.escalate_after)
        if state != A.overdue or late_days < escalate_after:
            continue
        actor = ctx.actor(stage, unit_id)
        boss = ctx.supervisor(stage, actor)
        if boss is not None:
            who = ctx.units[unit_id].name
            doing = who if actor.id == unit_id else messages.appraising(actor.name, who)
            digests[boss.id].append(messages.escalation_line(doing, stage.title, due_at, late_days))
    out = [
        _message(
            ctx,
            None,
            ctx.units[boss_id],
            "escalation",
            ctx.today.isoformat(),
            _render(ctx, "escalation", ctx.units[boss_id], lines=lines, today=day(ctx.today)),
        )
        for boss_id, lines in digests.items()
    ]
    return enqueue_many(session=session, messages=out)
