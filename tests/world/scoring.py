"""Scoring in a test world: a campaign with an open self-assessment stage; drafts; submissions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from models import Campaign, OrgUnit
from models.scoring.self_assessments import save_draft, submit_self_assessment
from tests.world.campaigns import make_campaign, self_assessment_stage
from tests.world.catalog import make_criteria_set, make_unit

OPENS = datetime(2024, 11, 1, 1, 0, tzinfo=UTC)
DUE = datetime(2024, 11, 30, 16, 59, 59, tzinfo=UTC)
# Self scores of the tiny set's self-scored leaves, the usual submission of a scoring test.
SELF_SCORES = {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 0.5}
# A complete draft of the tiny set's self-scored leaves, as the API and the data functions take it.
FULL_DRAFT = {
    "1.1": {"score": 1.75, "explanation": "Có kế hoạch"},
    "1.2.1": {"score": 1.0, "explanation": "Đủ báo cáo"},
    "1.2.2": {"score": 0.5, "explanation": "Một báo cáo chậm"},
}


def scoring_campaign(
    session: Session, codes: list[str], *, survey: bool = True, rank_group: str = "department"
) -> tuple[Campaign, list[OrgUnit]]:
    """Add the tiny criteria set, units, a campaign and an open self-assessment stage for them."""
    make_criteria_set(session, survey=survey)
    units = [make_unit(session, code, rank_group=rank_group) for code in codes]
    campaign = make_campaign(session)
    campaign.has_survey = survey
    self_assessment_stage(session, campaign, units, opens=OPENS, due=DUE)
    session.commit()
    return campaign, units


def submit(
    session: Session,
    campaign: Campaign,
    unit: OrgUnit,
    scores: dict[str, float],
    *,
    at: datetime | None = None,
) -> None:
    """Save a draft with an explanation per leaf and submit it."""
    body = {code: {"score": s, "explanation": "Theo báo cáo năm"} for code, s in scores.items()}
    save_draft(
        session=session, campaign_id=campaign.id, unit_id=unit.id, scores=body, actor=unit.code
    )
    submit_self_assessment(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        actor=unit.code,
        received_at=at or OPENS + timedelta(days=3),
    )
    session.commit()


def submitted_unit(session: Session, code: str = "so-xay-dung") -> tuple[Campaign, OrgUnit]:
    """A scoring campaign whose one unit has submitted SELF_SCORES."""
    campaign, (unit,) = scoring_campaign(session, [code])
    submit(session, campaign, unit, SELF_SCORES)
    return campaign, unit
