"""What approval waits for, read from the facts: submissions, appraisal, council, survey."""

from __future__ import annotations

import uuid

from sqlmodel import Session, col, select

from models.campaign.tables import Assignment, Fact, Stage
from models.catalog.units import OrgUnit
from models.enums import RankGroup
from models.scoring.tables import SelfAssessment, SurveyScore

MISSING_KIND = "self_assessment_not_submitted"


def units_without_submission(*, session: Session, campaign_id: uuid.UUID) -> list[str]:
    """Return the ranked units that neither submitted nor were marked as not submitting."""
    submitted = select(SelfAssessment.unit_id).where(
        SelfAssessment.campaign_id == campaign_id, SelfAssessment.status == "submitted"
    )
    marked = select(Fact.unit_id).where(Fact.campaign_id == campaign_id, Fact.kind == MISSING_KIND)
    rows = session.exec(
        select(OrgUnit.code)
        .join(Assignment, col(Assignment.unit_id) == col(OrgUnit.id))
        .join(Stage, col(Stage.id) == col(Assignment.stage_id))
        .where(Stage.campaign_id == campaign_id, Stage.kind == "self_assessment")
        .where(OrgUnit.rank_group != RankGroup.none)
        .where(col(OrgUnit.id).not_in(submitted), col(OrgUnit.id).not_in(marked))
        .distinct()
        .order_by(OrgUnit.code)
    ).all()
    return list(rows)


def marked_not_submitted(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> Fact | None:
    """Return the council's record that the unit did not submit, if any."""
    return session.exec(
        select(Fact).where(
            Fact.campaign_id == campaign_id, Fact.kind == MISSING_KIND, Fact.unit_id == unit_id
        )
    ).first()


def has_survey_points(*, session: Session, campaign_id: uuid.UUID) -> bool:
    """Tell whether any survey points were imported (or scored from ballots)."""
    found = session.exec(
        select(SurveyScore.id).where(SurveyScore.campaign_id == campaign_id).limit(1)
    ).first()
    return found is not None
