"""One evaluation's stage and assignment transitions, set-based: facts, open, late, close."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select, update
from sqlmodel import Session, col

from cchc.clock import LOCAL_TZ, as_utc, to_local
from models.audit.log import record_audit
from models.campaign.assignments import is_late
from models.campaign.facts import FACT_KINDS
from models.campaign.tables import Assignment, Campaign, Fact, Stage
from models.enums import AssignmentState as A
from models.enums import StageState
from models.tick.context import campaign_calendar

UNACTED = (A.pending, A.open, A.overdue)
# Unit stages whose per-unit acts arrive as facts (self-assessment acts through mark_acted).
FACT_DRIVEN_UNIT_KINDS = {"appraisal", "generic"}


def _update(model: type) -> Any:
    """An ORM UPDATE that does not scan the session's objects (O(1), not O(rows held))."""
    return update(model).execution_options(synchronize_session=False)


def is_unit_stage(stage: Stage) -> bool:
    """True when every unit in scope acts on its own (else the lead acts once for the stage)."""
    return bool(stage.scope.get("unit_stage"))


def stages_of(session: Session, campaign_id: uuid.UUID, *states: str) -> list[Stage]:
    """The campaign's stages in the given states, in plan order."""
    query = select(Stage).where(col(Stage.campaign_id) == campaign_id)
    if states:
        query = query.where(col(Stage.state).in_(states))
    return list(session.execute(query.order_by(col(Stage.position))).scalars())


def _fact_match(stage: Stage) -> ColumnElement[bool]:
    """Facts that count for this stage: its own, or unaddressed ones of its kind (not generic)."""
    own = col(Fact.stage_id) == stage.id
    if stage.kind == "generic":
        return and_(col(Fact.kind) == FACT_KINDS[stage.kind], own)
    return and_(col(Fact.kind) == FACT_KINDS[stage.kind], or_(own, col(Fact.stage_id).is_(None)))


def apply_facts(*, session: Session, campaign_id: uuid.UUID, actor: str = "tick") -> int:
    """Mark assignments acted from recorded facts (receipt time = the fact's); return how many."""
    changed: list[dict] = []
    for stage in stages_of(session, campaign_id, StageState.open):
        if is_unit_stage(stage) and stage.kind not in FACT_DRIVEN_UNIT_KINDS:
            continue
        join_on = and_(col(Fact.campaign_id) == campaign_id, _fact_match(stage))
        if is_unit_stage(stage):
            join_on = and_(join_on, col(Fact.unit_id) == col(Assignment.unit_id))
        rows = session.execute(
            select(col(Assignment.id), col(Assignment.due_at), func.min(col(Fact.recorded_at)))
            .join(Fact, join_on)
            .where(col(Assignment.stage_id) == stage.id, col(Assignment.state).in_(UNACTED))
            .group_by(col(Assignment.id), col(Assignment.due_at))
        ).all()
        for row_id, due_at, received in rows:
            late = is_late(received, due_at)
            if late and stage.late_policy == "refuse":
                continue  # refused at closing, like a late submission
            changed.append(
                {
                    "id": row_id,
                    "state": A.late if late else A.done,
                    "late": late,
                    "received_at": as_utc(received),
                    "updated_at": as_utc(received),
                }
            )
    if changed:
        session.execute(update(Assignment), changed)
        for row in changed:
            record_audit(
                session=session,
                actor=actor,
                action="act",
                entity="assignment",
                entity_id=row["id"],
                campaign_id=campaign_id,
                field="state",
                new=row["state"],
                reason="fact",
            )
    return len(changed)


def open_stages(*, session: Session, campaign_id: uuid.UUID, at: datetime) -> list[Stage]:
    """Open pending stages whose window started and whose dependencies are closed."""
    closed = {s.code for s in stages_of(session, campaign_id, StageState.closed)}
    opened = [
        s
        for s in stages_of(session, campaign_id, StageState.pending)
        if as_utc(s.opens_at) <= at and set(s.depends_on) <= closed
    ]
    for stage in opened:
        stage.state, stage.opened_at = StageState.open, at
        session.add(stage)
        session.execute(
            _update(Assignment)
            .where(Assignment.stage_id == stage.id, Assignment.state == A.pending)
            .values(state=A.open, updated_at=at)
        )
        record_audit(
            session=session,
            actor="tick",
            action="open",
            entity="stage",
            entity_id=stage.id,
            campaign_id=campaign_id,
            field="state",
            old=StageState.pending,
            new=StageState.open,
        )
    return opened


def mark_lateness(*, session: Session, campaign_id: uuid.UUID, at: datetime) -> int:
    """Turn open assignments past their due time into overdue ones; return how many."""
    open_ids = select(col(Stage.id)).where(
        col(Stage.campaign_id) == campaign_id, col(Stage.state) == StageState.open
    )
    return session.execute(
        _update(Assignment)
        .where(
            col(Assignment.stage_id).in_(open_ids),
            col(Assignment.state) == A.open,
            col(Assignment.due_at) < at,
        )
        .values(state=A.overdue, updated_at=at)
    ).rowcount  # type: ignore[attr-defined]  # stubs say Result; an UPDATE gives CursorResult


def close_stages(*, session: Session, campaign_id: uuid.UUID, at: datetime) -> list[Stage]:
    """Close stages per policy: all done, or window ended (refusing those who never acted)."""
    stats: dict[uuid.UUID, int] = dict(
        session.execute(
            select(
                col(Assignment.stage_id),
                func.sum(case((col(Assignment.state).in_(UNACTED), 1), else_=0)),
            )
            .where(col(Assignment.campaign_id) == campaign_id)
            .group_by(col(Assignment.stage_id))
        )
        .tuples()
        .all()
    )
    last_due = _last_due(session, campaign_id)
    closed: list[Stage] = []
    for stage in stages_of(session, campaign_id, StageState.open):
        complete = not stats.get(stage.id) and (is_unit_stage(stage) or _has_fact(session, stage))
        due = max(as_utc(stage.due_at), last_due.get(stage.id, as_utc(stage.due_at)))
        ended = at > due
        by_policy = stage.close_policy == "all_done" or not is_unit_stage(stage) or ended
        expired = ended and is_unit_stage(stage) and at > _grace_end(session, stage, due)
        if (complete and by_policy) or (ended and stage.late_policy == "refuse") or expired:
            _close(session, stage, at)
            closed.append(stage)
    return closed


def _grace_end(session: Session, stage: Stage, due: datetime) -> datetime:
    """The end of the stage's grace period: late_grace_days working days after its last due."""
    campaign = session.get(Campaign, stage.campaign_id)
    assert campaign is not None  # a stage always belongs to a campaign
    last_day = campaign_calendar(campaign).add_working_days(
        to_local(due).date(), stage.late_grace_days
    )
    return as_utc(datetime.combine(last_day, time(23, 59, 59), tzinfo=LOCAL_TZ))


def _has_fact(session: Session, stage: Stage) -> bool:
    """True when the fact a lead-only stage waits for has been recorded."""
    query = select(exists().where(col(Fact.campaign_id) == stage.campaign_id, _fact_match(stage)))
    return bool(session.execute(query).scalar())


def _last_due(session: Session, campaign_id: uuid.UUID) -> dict[uuid.UUID, datetime]:
    """The latest (possibly extended) due time per stage."""
    rows = session.execute(
        select(col(Assignment.stage_id), func.max(col(Assignment.due_at)))
        .where(col(Assignment.campaign_id) == campaign_id)
        .group_by(col(Assignment.stage_id))
    ).all()
    return {stage_id: as_utc(due) for stage_id, due in rows if due is not None}


def _close(session: Session, stage: Stage, at: datetime) -> None:
    """Close one stage; whoever has not acted is refused."""
    session.execute(
        _update(Assignment)
        .where(col(Assignment.stage_id) == stage.id, col(Assignment.state).in_(UNACTED))
        .values(state=A.refused, updated_at=at)
    )
    stage.state, stage.closed_at = StageState.closed, at
    session.add(stage)
    record_audit(
        session=session,
        actor="tick",
        action="close",
        entity="stage",
        entity_id=stage.id,
        campaign_id=stage.campaign_id,
        field="state",
        old=StageState.open,
        new=StageState.closed,
    )
