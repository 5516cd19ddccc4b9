"""The council's final score for one leaf: needs a quorate session and a reason (audited)."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from cchc.errors import NotFound, ScoreError, ValidationError
from models.audit.log import record_audit
from models.scoring.appraisals.reads import get_appraisal, self_leaf, submitted_context
from models.scoring.council_sessions import has_valid_session
from models.scoring.score_rules import score_problem
from models.scoring.tables import Appraisal


def record_final_score(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    item_code: str,
    score: float,
    reason: str,
    actor: str,
) -> Appraisal:
    """Record the council's final score for a leaf (needs a quorate session and a reason)."""
    _current, items = submitted_context(session, campaign_id, unit_id)
    item = self_leaf(items, item_code)
    problem = score_problem(item, item_code, score)
    if problem:
        raise ScoreError(problem)
    if not (reason or "").strip():
        raise ValidationError(f"{item_code}: điểm cuối cùng của Hội đồng cần lý do")
    if not has_valid_session(session=session, campaign_id=campaign_id):
        raise ValidationError(
            "chưa có phiên họp Hội đồng hợp lệ (trên 50% thành viên) để quyết định điểm"
        )
    row = get_appraisal(session=session, campaign_id=campaign_id, unit_id=unit_id, item_id=item.id)
    if row is None:
        raise NotFound(f"{item_code}: chưa được thẩm định")
    old = row.final_score if row.final_score is not None else row.appraised_score
    row.final_score, row.final_reason = float(score), reason.strip()
    session.add(row)
    record_audit(
        session=session,
        actor=actor,
        action="final_score",
        entity="appraisal",
        entity_id=row.id,
        campaign_id=campaign_id,
        field=item_code,
        old=old,
        new=row.final_score,
        reason=row.final_reason,
    )
    session.flush()
    return row
