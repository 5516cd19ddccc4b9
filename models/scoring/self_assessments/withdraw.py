"""Withdraw the current submission: kept as a `withdrawn` version, the assignment reopened."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from cchc.clock import now
from cchc.errors import NotFound, ValidationError
from models.audit.log import record_audit
from models.campaign.assignments import find_assignment, reopen
from models.scoring.freeze import ensure_not_frozen
from models.scoring.self_assessments.lock import require_still_submitted
from models.scoring.self_assessments.versions import (
    STAGE,
    current_submission,
    ensure_not_appraised,
    open_stage,
)
from models.scoring.tables import SelfAssessment


def withdraw_self_assessment(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, actor: str, reason: str
) -> SelfAssessment:
    """Withdraw the current submission while the stage is open (kept as a `withdrawn` version)."""
    if not (reason or "").strip():
        raise ValidationError("rút bản tự đánh giá cần nêu lý do")
    ensure_not_frozen(session=session, campaign_id=campaign_id)
    open_stage(session=session, campaign_id=campaign_id, unit_id=unit_id)
    current = current_submission(session=session, campaign_id=campaign_id, unit_id=unit_id)
    if current is None:
        raise NotFound("không có bản tự đánh giá đã nộp để rút")
    # the lock first, then the check: a racing appraisal either committed (seen) or waits (409)
    require_still_submitted(session, current, "không rút được")
    ensure_not_appraised(session, campaign_id, unit_id, "không rút được")
    current.status, current.updated_at = "withdrawn", now()
    session.add(current)
    _stage, assignment = find_assignment(
        session=session, campaign_id=campaign_id, unit_id=unit_id, stage_kind=STAGE
    )
    reopen(session=session, assignment=assignment, actor=actor, reason=reason)
    record_audit(
        session=session,
        actor=actor,
        action="withdraw",
        entity="self_assessment",
        entity_id=current.id,
        campaign_id=campaign_id,
        field="status",
        old=f"submitted v{current.version}",
        new="withdrawn",
        reason=reason,
    )
    session.flush()
    return current
