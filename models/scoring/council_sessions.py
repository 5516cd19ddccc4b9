"""Council sessions: attendance, votes and quorum; a valid session is the stage's fact."""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Session, select

from cchc.errors import ValidationError
from models.audit.log import record_audit
from models.campaign.fact_ops import stage_id_of
from models.campaign.facts import record_fact
from models.scoring.council import CouncilSession


def _attendance_problems(
    members_total: int, present: list[str], in_writing: list[str], votes_for: int, against: int
) -> list[str]:
    """Return what makes the attendance and votes impossible (empty when consistent)."""
    taking_part = set(present) | set(in_writing)
    problems = []
    if members_total < 1:
        problems.append("members_total: hội đồng phải có ít nhất 1 thành viên")
    if set(present) & set(in_writing):
        problems.append("in_writing: một thành viên vừa dự họp vừa gửi ý kiến bằng văn bản")
    if len(taking_part) > members_total:
        problems.append(
            f"present: {len(taking_part)} người tham gia, hội đồng chỉ có {members_total}"
        )
    if min(votes_for, against) < 0 or votes_for + against > len(taking_part):
        problems.append("votes_for: số phiếu vượt quá số thành viên tham gia")
    return problems


def record_council_session(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    held_on: date,
    members_total: int,
    present: list[str],
    in_writing: list[str],
    votes_for: int,
    votes_against: int,
    decision: str | None,
    actor: str,
) -> CouncilSession:
    """Record a council session; valid with more than half the members taking part."""
    taking_part = set(present) | set(in_writing)
    problems = _attendance_problems(members_total, present, in_writing, votes_for, votes_against)
    if problems:
        raise ValidationError(problems[0], problems=problems)
    row = CouncilSession(
        campaign_id=campaign_id,
        held_on=held_on,
        members_total=members_total,
        present=sorted(present),
        in_writing=sorted(in_writing),
        votes_for=votes_for,
        votes_against=votes_against,
        decision=decision,
        valid=len(taking_part) * 2 > members_total,
        recorded_by=actor,
    )
    session.add(row)
    record_audit(
        session=session,
        actor=actor,
        action="council_session",
        entity="council_session",
        entity_id=row.id,
        campaign_id=campaign_id,
        field="valid",
        new=row.valid,
        reason=decision,
    )
    if row.valid:
        record_fact(
            session=session,
            campaign_id=campaign_id,
            kind="council_session_held",
            actor=actor,
            stage_id=stage_id_of(session=session, campaign_id=campaign_id, kind="council_session"),
            payload={
                "held_on": held_on.isoformat(),
                "taking_part": len(taking_part),
                "members_total": members_total,
            },
            key=f"council_session_held:{row.id}",
        )
    session.flush()
    return row


def has_valid_session(*, session: Session, campaign_id: uuid.UUID) -> bool:
    """Tell whether a council session with a quorum was recorded."""
    return (
        session.exec(
            select(CouncilSession.id)
            .where(CouncilSession.campaign_id == campaign_id, CouncilSession.valid)
            .limit(1)
        ).first()
        is not None
    )
