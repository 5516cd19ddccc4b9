"""Survey acts (điều tra xã hội học): import points, import and score raw ballots, coverage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from models.campaign.facts import get_campaign
from models.enums import Role
from models.scoring import survey as data
from models.scoring import survey_scoring
from models.scoring.survey import BallotScoring, CoverageGap
from services import lifecycle
from services.access import Actor, actor_name, require_role


@dataclass
class BallotImport:
    """What importing a ballot file did: ballots read, and how they scored."""

    ballots: int
    scoring: BallotScoring


def import_points(*, session: Session, campaign_code: str, path: Path, actor: Actor) -> int:
    """Import survey points per unit and item (all rows or none); return how many."""
    require_role(actor, Role.admin)
    campaign = get_campaign(session=session, code=campaign_code)
    lifecycle.require(campaign, "survey")
    return data.import_survey_points(
        session=session, campaign_id=campaign.id, path=path, actor=actor_name(actor)
    )


def import_ballots(
    *, session: Session, campaign_code: str, path: Path, actor: Actor
) -> BallotImport:
    """Import a raw ballot file (once), then score every unit and item with enough ballots."""
    require_role(actor, Role.admin)
    campaign = get_campaign(session=session, code=campaign_code)
    lifecycle.require(campaign, "survey")
    name = actor_name(actor)
    count = data.import_ballots(session=session, campaign_id=campaign.id, path=path, actor=name)
    scoring = survey_scoring.score_ballots(session=session, campaign_id=campaign.id, actor=name)
    return BallotImport(ballots=count, scoring=scoring)


def coverage(*, session: Session, campaign_code: str) -> list[CoverageGap]:
    """Return the units and items that have no survey points yet."""
    campaign = get_campaign(session=session, code=campaign_code)
    return survey_scoring.survey_coverage(session=session, campaign_id=campaign.id)
