"""A unit's self-assessment versions: read them, start a draft, and the checks every act shares."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session, col, func, select

from cchc.errors import Conflict, DeadlinePassed
from models.campaign.assignments import find_assignment
from models.scoring.tables import Appraisal, Evidence, SelfAssessment, SelfScore

STAGE = "self_assessment"


def open_stage(*, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID) -> Any:
    """Return the unit's self-assessment stage, refusing when it is not open."""
    stage, _assignment = find_assignment(
        session=session, campaign_id=campaign_id, unit_id=unit_id, stage_kind=STAGE
    )
    if stage.state != "open":
        why = "chưa mở" if stage.state == "pending" else "đã kết thúc"
        raise DeadlinePassed(f"giai đoạn «{stage.title}» {why}; không nhận tự đánh giá")
    return stage


def list_versions(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> list[SelfAssessment]:
    """Return every version of the unit's self-assessment, oldest first."""
    return list(
        session.exec(
            select(SelfAssessment)
            .where(SelfAssessment.campaign_id == campaign_id, SelfAssessment.unit_id == unit_id)
            .order_by(col(SelfAssessment.version))
        ).all()
    )


def latest_version(
    session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, status: str | None = None
) -> SelfAssessment | None:
    """Return the newest version (optionally of one status)."""
    versions = list_versions(session=session, campaign_id=campaign_id, unit_id=unit_id)
    versions = [v for v in versions if status is None or v.status == status]
    return versions[-1] if versions else None


def current_submission(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> SelfAssessment | None:
    """Return the unit's current submitted version, if any."""
    return latest_version(session, campaign_id, unit_id, "submitted")


def version_scores(
    *, session: Session, self_assessment_id: uuid.UUID
) -> dict[uuid.UUID, SelfScore]:
    """Return a version's scores keyed by criteria item id."""
    rows = session.exec(
        select(SelfScore).where(SelfScore.self_assessment_id == self_assessment_id)
    ).all()
    return {r.item_id: r for r in rows}


def new_draft(
    session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, set_id: uuid.UUID
) -> SelfAssessment:
    """Start a new draft version, copying the scores of the newest version (for resubmission)."""
    last = latest_version(session, campaign_id, unit_id)
    top = session.exec(
        select(func.max(SelfAssessment.version)).where(
            SelfAssessment.campaign_id == campaign_id, SelfAssessment.unit_id == unit_id
        )
    ).one()
    draft = SelfAssessment(
        campaign_id=campaign_id,
        unit_id=unit_id,
        criteria_set_id=set_id,
        version=(top or 0) + 1,
        status="draft",
    )
    session.add(draft)
    session.flush()
    if last is not None:
        for old in version_scores(session=session, self_assessment_id=last.id).values():
            session.add(
                SelfScore(
                    self_assessment_id=draft.id,
                    item_id=old.item_id,
                    score=old.score,
                    explanation=old.explanation,
                    figure=old.figure,
                )
            )
        session.flush()
    return draft


def ensure_not_appraised(
    session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, what: str
) -> None:
    """Refuse changing a self-assessment once its appraisal has begun."""
    started = session.exec(
        select(Appraisal.id).where(
            Appraisal.campaign_id == campaign_id, Appraisal.unit_id == unit_id
        )
    ).first()
    if started:
        raise Conflict(f"bản tự đánh giá đã được thẩm định; {what}")


def evidence_codes(session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID) -> set[str]:
    """Return the item codes the unit has evidence documents for."""
    rows = session.exec(
        select(Evidence.item_code).where(
            Evidence.campaign_id == campaign_id, Evidence.unit_id == unit_id
        )
    ).all()
    return {c for c in rows if c}
