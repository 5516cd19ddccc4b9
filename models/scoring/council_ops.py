"""Council sessions, approval (freezes results), reopening by a new decision, publication."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import update
from sqlmodel import Session, func, select

from cchc.clock import now
from cchc.errors import Conflict, NotFound, ResultsFrozen, ValidationError
from models.audit.log import record_audit
from models.campaign.facts import record_fact
from models.campaign.tables import Campaign, Stage
from models.results.tables import Result
from models.scoring.council import Approval, CouncilSession, Publication


def is_frozen(*, session: Session, campaign_id: uuid.UUID) -> bool:
    """Tell whether the campaign's results are frozen by an approval."""
    return (
        session.exec(
            select(Result.id)
            .where(Result.campaign_id == campaign_id, Result.frozen_at.is_not(None))
            .limit(1)
        ).first()
        is not None
    )  # type: ignore[union-attr]


def ensure_not_frozen(*, session: Session, campaign_id: uuid.UUID) -> None:
    """Raise ResultsFrozen when approved results would change without a new decision."""
    if is_frozen(session=session, campaign_id=campaign_id):
        raise ResultsFrozen(
            "kết quả đã được phê duyệt; mọi thay đổi cần quyết định mới (cchc reopen)"
        )


def stage_id_of(*, session: Session, campaign_id: uuid.UUID, kind: str) -> uuid.UUID | None:
    """Return the campaign-wide stage of a kind a fact belongs to: lead-only first, open first.

    A per-unit stage of the same kind (districts appraising their communes) completes through
    its own units' facts, so a campaign-wide fact must not land on it while it is still open.
    """
    stages = session.exec(
        select(Stage)
        .where(Stage.campaign_id == campaign_id, Stage.kind == kind)
        .order_by(Stage.position)
    ).all()
    ranked = sorted(
        stages, key=lambda s: (bool(s.scope.get("unit_stage")), s.state != "open", s.position)
    )
    return ranked[0].id if ranked else None


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
    problems = []
    if members_total < 1:
        problems.append("members_total: hội đồng phải có ít nhất 1 thành viên")
    if set(present) & set(in_writing):
        problems.append("in_writing: một thành viên vừa dự họp vừa gửi ý kiến bằng văn bản")
    if len(taking_part) > members_total:
        problems.append(
            f"present: {len(taking_part)} người tham gia, hội đồng chỉ có {members_total}"
        )
    if min(votes_for, votes_against) < 0 or votes_for + votes_against > len(taking_part):
        problems.append("votes_for: số phiếu vượt quá số thành viên tham gia")
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


def latest_approval(*, session: Session, campaign_id: uuid.UUID) -> Approval | None:
    """Return the approval in force (the newest)."""
    return session.exec(
        select(Approval)
        .where(Approval.campaign_id == campaign_id)
        .order_by(Approval.recorded_at.desc())
    ).first()  # type: ignore[attr-defined]


def approve_results(
    *, session: Session, campaign_id: uuid.UUID, decision_no: str, decided_on: date, actor: str
) -> Approval:
    """Approve (or re-approve by a new decision, superseding) and freeze the campaign's results."""
    decision_no = (decision_no or "").strip()
    if not decision_no:
        raise ValidationError("decision_no: cần số quyết định phê duyệt")
    if not session.exec(
        select(func.count()).select_from(Result).where(Result.campaign_id == campaign_id)
    ).one():
        raise ValidationError("chưa tính kết quả (cchc results) nên chưa phê duyệt được")
    used = session.exec(
        select(Approval.decision_no).where(Approval.campaign_id == campaign_id)
    ).all()
    if decision_no in used:
        raise Conflict(
            f"quyết định {decision_no} đã được ghi nhận; thay đổi cần một quyết định mới"
        )
    previous = latest_approval(session=session, campaign_id=campaign_id)
    approval = Approval(
        campaign_id=campaign_id,
        decision_no=decision_no,
        decided_on=decided_on,
        supersedes_id=previous.id if previous else None,
        recorded_by=actor,
    )
    session.add(approval)
    session.execute(update(Result).where(Result.campaign_id == campaign_id).values(frozen_at=now()))
    _set_state(session, campaign_id, "approved")
    record_audit(
        session=session,
        actor=actor,
        action="approve",
        entity="campaign",
        entity_id=campaign_id,
        campaign_id=campaign_id,
        field="approval",
        old=previous.decision_no if previous else None,
        new=decision_no,
    )
    record_fact(
        session=session,
        campaign_id=campaign_id,
        kind="approval",
        actor=actor,
        stage_id=stage_id_of(session=session, campaign_id=campaign_id, kind="approval"),
        document_no=decision_no,
        key=f"approval:{decision_no}",
    )
    session.flush()
    return approval


def reopen_results(
    *, session: Session, campaign_id: uuid.UUID, decision_no: str, reason: str, actor: str
) -> int:
    """Unfreeze approved results under a new decision so they can be corrected and re-approved."""
    if not (decision_no or "").strip() or not (reason or "").strip():
        raise ValidationError("mở lại kết quả cần số quyết định mới và lý do")
    current = latest_approval(session=session, campaign_id=campaign_id)
    if current is None or not is_frozen(session=session, campaign_id=campaign_id):
        raise Conflict("kết quả chưa được phê duyệt, không cần mở lại")
    if decision_no.strip() == current.decision_no:
        raise Conflict(f"cần một quyết định khác {current.decision_no}")
    count = session.execute(
        update(Result).where(Result.campaign_id == campaign_id).values(frozen_at=None)
    )
    _set_state(session, campaign_id, "running")
    record_audit(
        session=session,
        actor=actor,
        action="reopen_results",
        entity="campaign",
        entity_id=campaign_id,
        campaign_id=campaign_id,
        field="frozen",
        old=current.decision_no,
        new=decision_no.strip(),
        reason=reason,
    )
    session.flush()
    return int(count.rowcount)  # type: ignore[attr-defined]


def publish_results(*, session: Session, campaign_id: uuid.UUID, actor: str) -> Publication:
    """Publish the approved results (again after a superseding approval)."""
    approval = latest_approval(session=session, campaign_id=campaign_id)
    if approval is None or not is_frozen(session=session, campaign_id=campaign_id):
        raise Conflict("kết quả chưa được phê duyệt nên chưa công bố được")
    pub = session.exec(select(Publication).where(Publication.campaign_id == campaign_id)).first()
    old = None if pub is None else str(pub.approval_id)
    pub = pub or Publication(campaign_id=campaign_id, approval_id=approval.id, recorded_by=actor)
    pub.approval_id, pub.published_at, pub.recorded_by = approval.id, now(), actor
    session.add(pub)
    _set_state(session, campaign_id, "published")
    record_audit(
        session=session,
        actor=actor,
        action="publish",
        entity="publication",
        entity_id=pub.id,
        campaign_id=campaign_id,
        field="approval_id",
        old=old,
        new=approval.id,
        reason=approval.decision_no,
    )
    record_fact(
        session=session,
        campaign_id=campaign_id,
        kind="publication",
        actor=actor,
        stage_id=stage_id_of(session=session, campaign_id=campaign_id, kind="publication"),
        document_no=approval.decision_no,
        key=f"publication:{approval.decision_no}",
    )
    session.flush()
    return pub


def _set_state(session: Session, campaign_id: uuid.UUID, state: str) -> None:
    """Move the campaign to a new state."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound(f"không có chiến dịch {campaign_id}")
    campaign.state = state
    session.add(campaign)
