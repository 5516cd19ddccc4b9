"""Appraise one leaf: accept the unit's self score, or adjust it with a reason (audited)."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from cchc.errors import ScoreError, ValidationError
from cchc.wording import extensions as say
from models.audit.log import record_audit
from models.scoring.appraisal_access import check_appraiser
from models.scoring.appraisals.progress import note_unit_appraised
from models.scoring.appraisals.reads import get_appraisal, self_leaf, submitted_context
from models.scoring.figures import figure_points
from models.scoring.not_applicable import marked_ids
from models.scoring.score_rules import score_problem
from models.scoring.self_assessments import version_scores
from models.scoring.self_assessments.lock import require_still_submitted
from models.scoring.tables import Appraisal

DECISIONS = ("accepted", "adjusted")


def appraise_item(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    item_code: str,
    decision: str,
    actor: str,
    score: float | None = None,
    reason: str | None = None,
    appraiser_code: str | None = None,
    figure: float | None = None,
) -> Appraisal:
    """Accept the unit's self score for a leaf, or adjust it with a reason.

    figure: the agency's figure of a formula leaf; the adjusted score is computed from it.
    """
    if decision not in DECISIONS:
        raise ValidationError(f"decision: «{decision}» không hợp lệ (accepted hoặc adjusted)")
    current, items = submitted_context(session, campaign_id, unit_id)
    item = self_leaf(items, item_code)
    # a racing withdrawal of this version either committed (refused here) or gets 409 itself
    require_still_submitted(session, current, "không thẩm định được")
    check_appraiser(
        session=session,
        campaign_id=campaign_id,
        unit_id=unit_id,
        item_code=item_code,
        appraiser_code=appraiser_code,
    )
    own = version_scores(session=session, self_assessment_id=current.id).get(item.id)
    self_score = None if own is None else own.score
    if figure is not None:  # the agency's figure: the score is what the set's rule gives it
        score = figure_points(item, item_code, figure)
    if decision == "adjusted":
        if score is None or not (reason or "").strip():
            raise ValidationError(f"{item_code}: điều chỉnh điểm cần điểm mới và lý do")
        problem = score_problem(item, item_code, score)
        if problem:
            raise ScoreError(problem)
    adjusted = score if decision == "adjusted" else None  # a missing score was refused above
    new_score = float(adjusted) if adjusted is not None else (self_score or 0.0)
    if new_score and item.id in marked_ids(
        session=session, campaign_id=campaign_id, unit_id=unit_id
    ):
        raise ScoreError(say.na_scored(item_code))
    row = get_appraisal(session=session, campaign_id=campaign_id, unit_id=unit_id, item_id=item.id)
    old = None if row is None else row.appraised_score
    row = row or Appraisal(
        campaign_id=campaign_id,
        unit_id=unit_id,
        item_id=item.id,
        appraised_score=0.0,
        decision=decision,
        appraised_by=actor,
    )
    row.self_score, row.appraised_score, row.decision = self_score, new_score, decision
    row.figure = figure if adjusted is not None else (own.figure if own is not None else None)
    row.reason, row.appraiser_code, row.appraised_by = (
        reason,
        appraiser_code or item.appraiser_code,
        actor,
    )
    session.add(row)
    record_audit(
        session=session,
        actor=actor,
        action=f"appraisal_{decision}",
        entity="appraisal",
        entity_id=row.id,
        campaign_id=campaign_id,
        field=item_code,
        old=old if old is not None else self_score,
        new=new_score,
        reason=reason,
    )
    note_unit_appraised(session=session, campaign_id=campaign_id, unit_id=unit_id, actor=actor)
    return row
