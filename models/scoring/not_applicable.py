"""Leaves marked not applicable (không áp dụng) to a unit: their points leave its maximum.

The results SQL subtracts a marked leaf's points from the unit's maximum (and its field's), so
the index is renormalised over what applies. A marked leaf scores 0: marking a leaf that holds
a non-zero score is refused, and so is a non-zero score on a marked leaf (drafts, appraisal).
"""

from __future__ import annotations

import uuid

from sqlmodel import Session, col, select

from cchc.errors import ScoreError, ValidationError
from cchc.wording import extensions as say
from models.audit.log import record_audit
from models.catalog.criteria import CriteriaItem
from models.scoring.freeze import ensure_not_frozen
from models.scoring.tables import Appraisal, NotApplicable, SelfAssessment, SelfScore


def marked_ids(*, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID) -> set[uuid.UUID]:
    """Return the ids of the leaves marked not applicable to this unit."""
    rows = session.exec(
        select(NotApplicable.item_id).where(
            NotApplicable.campaign_id == campaign_id, NotApplicable.unit_id == unit_id
        )
    )
    return set(rows.all())


def mark_not_applicable(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    item: CriteriaItem,
    reason: str,
    actor: str,
) -> NotApplicable:
    """Mark a leaf that the set lets be not applicable, with its reason (audited)."""
    ensure_not_frozen(session=session, campaign_id=campaign_id)
    if not (item.is_leaf and item.allow_not_applicable):
        raise ValidationError(say.na_not_allowed(item.code))
    if not reason.strip():
        raise ValidationError(say.na_needs_reason(item.code))
    if _scored(session, campaign_id, unit_id, item.id):
        raise ScoreError(say.na_scored(item.code))
    found = _find(session, campaign_id, unit_id, item.id)
    row = found or NotApplicable(
        campaign_id=campaign_id, unit_id=unit_id, item_id=item.id, reason="", marked_by=actor
    )
    old = found.reason if found else None
    row.reason, row.marked_by = reason.strip(), actor
    session.add(row)
    _audit(session, row, item.code, old, row.reason, actor)
    session.flush()
    return row


def clear_not_applicable(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, item: CriteriaItem, actor: str
) -> bool:
    """Remove a leaf's not-applicable mark (audited); False when it had none."""
    ensure_not_frozen(session=session, campaign_id=campaign_id)
    found = _find(session, campaign_id, unit_id, item.id)
    if found is None:
        return False
    _audit(session, found, item.code, found.reason, None, actor)
    session.delete(found)
    session.flush()
    return True


def _find(
    session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, item_id: uuid.UUID
) -> NotApplicable | None:
    """Return the mark of one leaf for one unit, if any."""
    return session.exec(
        select(NotApplicable).where(
            NotApplicable.campaign_id == campaign_id,
            NotApplicable.unit_id == unit_id,
            NotApplicable.item_id == item_id,
        )
    ).first()


def _scored(
    session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, item_id: uuid.UUID
) -> bool:
    """Tell whether the unit holds a non-zero self or appraised score on this leaf."""
    self_rows = session.exec(
        select(SelfScore.score)
        .join(SelfAssessment, col(SelfAssessment.id) == SelfScore.self_assessment_id)
        .where(
            SelfAssessment.campaign_id == campaign_id,
            SelfAssessment.unit_id == unit_id,
            col(SelfAssessment.status).in_(["draft", "submitted"]),
            SelfScore.item_id == item_id,
        )
    ).all()
    appraised = session.exec(
        select(Appraisal).where(
            Appraisal.campaign_id == campaign_id,
            Appraisal.unit_id == unit_id,
            Appraisal.item_id == item_id,
        )
    ).first()
    final = None if appraised is None else (appraised.final_score or appraised.appraised_score)
    return any(abs(s) > 1e-9 for s in self_rows) or bool(final)


def _audit(
    session: Session, row: NotApplicable, code: str, old: str | None, new: str | None, actor: str
) -> None:
    """Record the mark's change: which leaf, the reason before and after."""
    record_audit(
        session=session,
        actor=actor,
        action="not_applicable",
        entity="not_applicable",
        entity_id=row.id,
        campaign_id=row.campaign_id,
        field=code,
        old=old,
        new=new,
    )
