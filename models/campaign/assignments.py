"""Data functions for per-unit assignments: acting on one, judging lateness, extending it."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Session, col, select

from cchc.clock import as_utc, now
from cchc.errors import DeadlinePassed, NotFound, ValidationError
from models.audit.log import record_audit
from models.campaign.tables import Assignment, Extension, Stage
from models.enums import AssignmentState, StageState

ACTED = {AssignmentState.done, AssignmentState.late}


def is_late(received_at: datetime, due_at: datetime) -> bool:
    """Judge lateness at whole seconds: due times end at hh:mm:59, so that second is on time."""
    return as_utc(received_at).replace(microsecond=0) > as_utc(due_at)


def find_assignment(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, stage_kind: str
) -> tuple[Stage, Assignment]:
    """Return the unit's assignment in the campaign's open (else latest) stage of that kind."""
    rows = session.exec(
        select(Stage, Assignment)
        .join(Assignment, col(Assignment.stage_id) == col(Stage.id))
        .where(Stage.campaign_id == campaign_id, Stage.kind == stage_kind)
        .where(Assignment.unit_id == unit_id)
        .order_by(col(Stage.position))
    ).all()
    if not rows:
        raise NotFound(f"no {stage_kind} assignment for this unit in the campaign")
    open_rows = [r for r in rows if r[0].state == StageState.open]
    return (open_rows or rows)[-1]


def mark_acted(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    stage_kind: str,
    actor: str,
    received_at: datetime | None = None,
) -> Assignment:
    """Record that a unit acted in its stage, judged on time or late by the server receipt time."""
    stage, assignment = find_assignment(
        session=session, campaign_id=campaign_id, unit_id=unit_id, stage_kind=stage_kind
    )
    received = as_utc(received_at or now())
    if stage.state == StageState.closed and assignment.state not in ACTED:
        raise DeadlinePassed(f"giai đoạn «{stage.title}» đã kết thúc")
    late = is_late(received, assignment.due_at)
    if late and stage.late_policy == "refuse":
        raise DeadlinePassed(f"quá hạn nộp của giai đoạn «{stage.title}»; không tiếp nhận")
    old_state = assignment.state
    assignment.state = AssignmentState.late if late else AssignmentState.done
    assignment.late = late
    assignment.received_at = received
    assignment.updated_at = now()
    session.add(assignment)
    record_audit(
        session=session,
        actor=actor,
        action="act",
        entity="assignment",
        entity_id=assignment.id,
        campaign_id=campaign_id,
        field="state",
        old=old_state,
        new=assignment.state,
    )
    return assignment


def reopen(*, session: Session, assignment: Assignment, actor: str, reason: str) -> Assignment:
    """Put an acted assignment back to open/overdue (a withdrawn submission), audited."""
    old_state = assignment.state
    past_due = now() > as_utc(assignment.due_at)
    assignment.state = AssignmentState.overdue if past_due else AssignmentState.open
    assignment.received_at = None
    assignment.late = False
    assignment.updated_at = now()
    session.add(assignment)
    record_audit(
        session=session,
        actor=actor,
        action="reopen",
        entity="assignment",
        entity_id=assignment.id,
        campaign_id=assignment.campaign_id,
        field="state",
        old=old_state,
        new=assignment.state,
        reason=reason,
    )
    return assignment


def extend_due(
    *,
    session: Session,
    assignment: Assignment,
    new_due_at: datetime,
    reason: str,
    document_no: str,
    actor: str,
) -> Extension:
    """Extend one unit's due time in one stage, with its reason and the document allowing it."""
    if not reason.strip() or not document_no.strip():
        raise ValidationError("gia hạn cần lý do và số văn bản cho phép")
    new_due = as_utc(new_due_at)
    if new_due <= as_utc(assignment.due_at):
        raise ValidationError("hạn mới phải sau hạn hiện tại")
    extension = Extension(
        assignment_id=assignment.id,
        old_due_at=assignment.due_at,
        new_due_at=new_due,
        reason=reason,
        document_no=document_no,
        granted_by=actor,
    )
    record_audit(
        session=session,
        actor=actor,
        action="extend",
        entity="assignment",
        entity_id=assignment.id,
        campaign_id=assignment.campaign_id,
        field="due_at",
        old=assignment.due_at.isoformat(),
        new=new_due.isoformat(),
        reason=f"{reason} ({document_no})",
    )
    assignment.due_at = new_due
    assignment.extended = True
    old_state = assignment.state
    if assignment.state == AssignmentState.overdue and now() <= new_due:
        assignment.state = AssignmentState.open
    elif (
        assignment.late and assignment.received_at and not is_late(assignment.received_at, new_due)
    ):
        # An extension granted after a late act (the usual order) makes that act on time.
        assignment.state, assignment.late = AssignmentState.done, False
    if assignment.state != old_state:
        record_audit(
            session=session,
            actor=actor,
            action="extend",
            entity="assignment",
            entity_id=assignment.id,
            campaign_id=assignment.campaign_id,
            field="state",
            old=old_state,
            new=assignment.state,
            reason=f"{reason} ({document_no})",
        )
    session.add_all([assignment, extension])
    return extension
