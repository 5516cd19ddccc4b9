"""Helpers for the scoring tests: a campaign with an open self-assessment stage; submit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from models import Campaign, OrgUnit
from models.scoring.self_assessments import save_draft, submit_self_assessment
from tests.factories import make_campaign, make_criteria_set, make_stage, make_unit

OPENS = datetime(2024, 11, 1, 1, 0, tzinfo=UTC)
DUE = datetime(2024, 11, 30, 16, 59, 59, tzinfo=UTC)


def scoring_campaign(
    session: Session, codes: list[str], *, survey: bool = True, rank_group: str = "department"
) -> tuple[Campaign, list[OrgUnit]]:
    """Add the tiny criteria set, units, a campaign and an open self-assessment stage for them."""
    make_criteria_set(session, survey=survey)
    units = [make_unit(session, code, rank_group=rank_group) for code in codes]
    campaign = make_campaign(session)
    campaign.has_survey = survey
    make_stage(
        session, campaign, "tu-danh-gia", "self_assessment", opens=OPENS, due=DUE, units=units
    )
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
