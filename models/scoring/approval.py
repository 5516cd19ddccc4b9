"""Approval (freezes results), reopening by a new decision, and publication."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import update
from sqlmodel import Session, col, func, select

from cchc.clock import now
from cchc.errors import Conflict, NotFound, ValidationError
from models.audit.log import record_audit
from models.campaign.fact_ops import stage_id_of
from models.campaign.facts import record_fact
from models.campaign.tables import Campaign
from models.results.tables import Result
from models.scoring.council import Approval, Publication
from models.scoring.freeze import is_frozen


def latest_approval(*, session: Session, campaign_id: uuid.UUID) -> Approval | None:
    """Return the approval in force (the newest)."""
    return session.exec(
        select(Approval)
        .where(Approval.campaign_id == campaign_id)
        .order_by(col(Approval.recorded_at).desc())
    ).first()


def _check_decision(session: Session, campaign_id: uuid.UUID, decision_no: str) -> None:
    """Refuse an approval without results, without a number, or under a number already used."""
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
            f"quyết định {decision_no} đã được ghi nhận; thay đổi cần một quyết định mới",
            rule="decision_used",
        )


def approve_results(
    *, session: Session, campaign_id: uuid.UUID, decision_no: str, decided_on: date, actor: str
) -> Approval:
    """Approve (or re-approve by a new decision, superseding) and freeze the campaign's results."""
    decision_no = (decision_no or "").strip()
    _check_decision(session, campaign_id, decision_no)
    previous = latest_approval(session=session, campaign_id=campaign_id)
    approval = Approval(
        campaign_id=campaign_id,
        decision_no=decision_no,
        decided_on=decided_on,
        supersedes_id=previous.id if previous else None,
        recorded_by=actor,
    )
    session.add(approval)
    session.execute(
        update(Result).where(col(Result.campaign_id) == campaign_id).values(frozen_at=now())
    )
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
        update(Result).where(col(Result.campaign_id) == campaign_id).values(frozen_at=None)
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
    # The stubs type execute() as Result; an UPDATE returns a CursorResult, which has rowcount.
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
