"""How far the appraisal is: leaves left per unit, per-unit duties done, the whole appraisal."""

from __future__ import annotations

import uuid

from sqlalchemy import and_, func
from sqlmodel import Session, col, select

from cchc.errors import ValidationError
from models.campaign.fact_ops import stage_id_of
from models.campaign.facts import get_stage, record_fact
from models.campaign.tables import Assignment, Fact, Stage
from models.catalog.criteria import CriteriaItem
from models.catalog.units import OrgUnit
from models.scoring.tables import Appraisal, SelfAssessment, SelfScore


def unappraised(
    *, session: Session, campaign_id: uuid.UUID, unit_ids: list[uuid.UUID] | None = None
) -> list[tuple[str, int]]:
    """Return (unit code, leaves not yet appraised) for submitted units (of unit_ids) with gaps."""
    query = (
        select(col(OrgUnit.code), func.count(col(SelfScore.id)) - func.count(col(Appraisal.id)))
        .join(SelfAssessment, col(SelfAssessment.unit_id) == col(OrgUnit.id))
        .join(SelfScore, col(SelfScore.self_assessment_id) == col(SelfAssessment.id))
        .join(
            CriteriaItem,
            and_(
                col(CriteriaItem.id) == col(SelfScore.item_id), col(CriteriaItem.method) == "self"
            ),
        )
        .outerjoin(
            Appraisal,
            and_(
                col(Appraisal.campaign_id) == col(SelfAssessment.campaign_id),
                col(Appraisal.unit_id) == col(SelfAssessment.unit_id),
                col(Appraisal.item_id) == col(SelfScore.item_id),
            ),
        )
        .where(SelfAssessment.campaign_id == campaign_id, SelfAssessment.status == "submitted")
        .group_by(OrgUnit.code)
    )
    if unit_ids is not None:
        query = query.where(col(SelfAssessment.unit_id).in_(unit_ids))
    rows = session.exec(query).all()
    return [(code, int(gap)) for code, gap in rows if gap]


def note_unit_appraised(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, actor: str
) -> None:
    """Once a unit has no leaf left to appraise, mark its per-unit appraisal duty done.

    In a per-unit appraisal stage the duty is either the unit's own (scope: communes) or its
    district's (scope: districts, done when every commune below it is appraised).
    """
    session.flush()
    if unappraised(session=session, campaign_id=campaign_id, unit_ids=[unit_id]):
        return
    unit = session.get(OrgUnit, unit_id)
    for stage_id, assigned in per_unit_appraisal_duties(session=session, campaign_id=campaign_id):
        if unit_id in assigned:
            record_fact(
                session=session,
                campaign_id=campaign_id,
                kind="appraisal_done",
                actor=actor,
                stage_id=stage_id,
                unit_id=unit_id,
            )
        parent_id = unit.parent_id if unit else None
        if parent_id in assigned and not unappraised(
            session=session, campaign_id=campaign_id, unit_ids=children_of(session, parent_id)
        ):
            record_fact(
                session=session,
                campaign_id=campaign_id,
                kind="appraisal_done",
                actor=actor,
                stage_id=stage_id,
                unit_id=parent_id,
            )


def per_unit_appraisal_duties(
    *, session: Session, campaign_id: uuid.UUID
) -> list[tuple[uuid.UUID, set[uuid.UUID]]]:
    """The campaign's per-unit appraisal stages with the units assigned in each."""
    stages = session.exec(
        select(Stage).where(Stage.campaign_id == campaign_id, Stage.kind == "appraisal")
    ).all()
    duties = []
    for stage in stages:
        if stage.scope.get("unit_stage"):
            ids = session.exec(select(Assignment.unit_id).where(Assignment.stage_id == stage.id))
            duties.append((stage.id, set(ids.all())))
    return duties


def children_of(session: Session, parent_id: uuid.UUID) -> list[uuid.UUID]:
    """The ids of the units directly below a unit."""
    return list(session.exec(select(OrgUnit.id).where(OrgUnit.parent_id == parent_id)).all())


def complete_appraisal(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    actor: str,
    document_no: str | None = None,
    stage_code: str | None = None,
) -> Fact:
    """Record that the appraisal is done, refusing while a submitted unit has unappraised leaves."""
    stage_id = (  # an unknown stage code is refused before anything else is read
        get_stage(session=session, campaign_id=campaign_id, code=stage_code).id
        if stage_code
        else stage_id_of(session=session, campaign_id=campaign_id, kind="appraisal")
    )
    gaps = unappraised(session=session, campaign_id=campaign_id)
    if gaps:
        raise ValidationError(
            f"{len(gaps)} đơn vị còn tiêu chí chưa thẩm định",
            problems=[f"{unit}: {n} tiêu chí chưa thẩm định" for unit, n in gaps[:20]],
        )
    return record_fact(
        session=session,
        campaign_id=campaign_id,
        kind="appraisal_done",
        actor=actor,
        stage_id=stage_id,
        document_no=document_no,
    )


def submitted_units(*, session: Session, campaign_id: uuid.UUID) -> list[OrgUnit]:
    """Return the units whose self-assessment is submitted (the ones an appraisal answers)."""
    query = (
        select(OrgUnit)
        .join(SelfAssessment, col(SelfAssessment.unit_id) == col(OrgUnit.id))
        .where(SelfAssessment.campaign_id == campaign_id, SelfAssessment.status == "submitted")
        .order_by(col(OrgUnit.code))
    )
    return list({u.id: u for u in session.exec(query).all()}.values())
