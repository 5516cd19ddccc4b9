"""Appraisal reads shared by every appraisal act: the submission appraised, a leaf's row."""

from __future__ import annotations

import uuid

from sqlmodel import Session, select

from cchc.errors import Conflict, NotFound, ScoreError
from models.catalog.criteria import CriteriaItem
from models.catalog.lookup import items_by_code
from models.scoring.freeze import ensure_not_frozen
from models.scoring.score_rules import score_problem
from models.scoring.self_assessments import current_submission
from models.scoring.self_assessments.versions import latest_version
from models.scoring.tables import Appraisal, SelfAssessment


def submitted_context(
    session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> tuple[SelfAssessment, dict[str, CriteriaItem]]:
    """Return the current submission and its set's items (NotFound before any)."""
    ensure_not_frozen(session=session, campaign_id=campaign_id)
    current = current_submission(session=session, campaign_id=campaign_id, unit_id=unit_id)
    if current is None:
        newest = latest_version(session, campaign_id, unit_id)
        if newest is not None and newest.status == "withdrawn":
            # a withdrawal won the race against this appraisal: a clash, not a missing thing
            raise Conflict("đơn vị vừa rút bản tự đánh giá; không thẩm định được", rule="withdrawn")
        raise NotFound("đơn vị chưa nộp bản tự đánh giá nên chưa thẩm định được")
    return current, items_by_code(session=session, criteria_set_id=current.criteria_set_id)


def self_leaf(items: dict[str, CriteriaItem], code: str) -> CriteriaItem:
    """Return the self-assessed leaf with this code, or raise ScoreError naming it."""
    problem = score_problem(items.get(code), code, 0.0)
    if problem:
        raise ScoreError(problem)
    return items[code]


def get_appraisal(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, item_id: uuid.UUID
) -> Appraisal | None:
    """Return the appraisal of one leaf, if any."""
    return session.exec(
        select(Appraisal).where(
            Appraisal.campaign_id == campaign_id,
            Appraisal.unit_id == unit_id,
            Appraisal.item_id == item_id,
        )
    ).first()


def appraised_item_ids(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> set[uuid.UUID]:
    """Return the ids of the unit's leaves already appraised."""
    return set(
        session.exec(
            select(Appraisal.item_id).where(
                Appraisal.campaign_id == campaign_id, Appraisal.unit_id == unit_id
            )
        ).all()
    )
