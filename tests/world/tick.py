"""Drive and read a launched test world: evaluate the tick at a local hour, read the outbox."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time

from sqlmodel import Session, select

from cchc.clock import LOCAL_TZ
from flows.tick_sequence import InProcessSteps, decide
from models import Assignment, Notification, OrgUnit, Stage
from models.tick.evaluate import TickReport


def at(day: date, hour: int = 8) -> datetime:
    """hour:00 of `day` in Vietnam, as tz-aware UTC."""
    return datetime.combine(day, time(hour), LOCAL_TZ).astimezone(UTC)


def evaluate_on(session: Session, code: str, day: date, hour: int = 8) -> TickReport:
    """Run one evaluation of the campaign at hour:00 of `day` and commit."""
    steps = InProcessSteps(session)
    report = decide(steps, steps.load_context(code, at(day, hour)))
    session.commit()
    return TickReport(**report)


def outbox_keys(session: Session, kind: str | None = None) -> list[str]:
    """The outbox's idempotency keys (of one kind), sorted."""
    query = select(Notification.idempotency_key)
    if kind:
        query = query.where(Notification.kind == kind)
    return sorted(session.exec(query).all())


def assignment_states(session: Session, stage_code: str) -> dict[str, str]:
    """Unit code → assignment state in one stage."""
    rows = session.exec(
        select(OrgUnit.code, Assignment.state)
        .join(Assignment, Assignment.unit_id == OrgUnit.id)
        .join(Stage, Stage.id == Assignment.stage_id)
        .where(Stage.code == stage_code)
    ).all()
    return dict(rows)


def unit_id(session: Session, code: str) -> uuid.UUID:
    """The id of a unit by code."""
    return session.exec(select(OrgUnit.id).where(OrgUnit.code == code)).one()
