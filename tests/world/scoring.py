"""Scoring in a test world: a campaign with an open self-assessment stage; drafts; submissions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session, select

from models import Campaign, CriteriaItem, OrgUnit, Stage
from models.scoring.self_assessments import save_draft, submit_self_assessment
from tests.world.campaigns import make_campaign, make_stage, self_assessment_stage
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


def open_review(session: Session, campaign: Campaign, *, close_self: bool = False) -> None:
    """Open the appraisal and council stages; optionally close the self-assessment stage too."""
    far = DUE + timedelta(days=90)
    make_stage(session, campaign, "tham-dinh", "appraisal", opens=DUE, due=far, position=2)
    make_stage(session, campaign, "hoi-dong", "council_session", opens=DUE, due=far, position=3)
    if close_self:
        stage = session.exec(
            select(Stage).where(Stage.campaign_id == campaign.id, Stage.kind == "self_assessment")
        ).one()
        stage.state = "closed"
        session.add(stage)
    session.commit()


def ready_to_approve(session: Session, campaign: Campaign, survey: float = 0.0) -> None:
    """Do what approval waits for: every leaf appraised, a quorate council, survey points."""
    from models.scoring.appraisals import accept_all
    from models.scoring.council_sessions import record_council_session
    from models.scoring.self_assessments import current_submission
    from models.scoring.survey.points import store_survey_points

    units = session.exec(select(OrgUnit)).all()
    for unit in units:
        if current_submission(session=session, campaign_id=campaign.id, unit_id=unit.id):
            accept_all(session=session, campaign_id=campaign.id, unit_id=unit.id, actor="snv")
    record_council_session(
        session=session, campaign_id=campaign.id, held_on=date(2025, 1, 10), members_total=5,
        present=["1", "2", "3"], in_writing=[], votes_for=3, votes_against=0,
        decision="Thông qua", actor="tk",
    )  # fmt: skip
    leaf = session.exec(select(CriteriaItem).where(CriteriaItem.method == "survey")).first()
    if campaign.has_survey and leaf is not None:
        wanted = {(u.id, leaf.id): (survey, 0) for u in units}
        store_survey_points(session, campaign.id, wanted, "import", "snv")
    session.commit()


def submitted_unit(session: Session, code: str = "so-xay-dung") -> tuple[Campaign, OrgUnit]:
    """A scoring campaign whose one unit has submitted SELF_SCORES."""
    campaign, (unit,) = scoring_campaign(session, [code])
    submit(session, campaign, unit, SELF_SCORES)
    return campaign, unit
