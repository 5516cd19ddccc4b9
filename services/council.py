"""Record a council session; valid with more than half the members taking part."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from models.campaign.facts import get_campaign
from models.scoring.council import CouncilSession
from models.scoring.council_sessions import record_council_session
from services import lifecycle


def record_session(
    *,
    session: Session,
    campaign_code: str,
    held_on: date,
    members_total: int,
    present: list[str],
    in_writing: list[str],
    votes_for: int,
    votes_against: int,
    decision: str | None,
    actor: str,
) -> CouncilSession:
    """Record attendance and votes; a valid session is the fact its stage waits for."""
    campaign = get_campaign(session=session, code=campaign_code)
    lifecycle.require(campaign, "council_session")
    return record_council_session(
        session=session,
        campaign_id=campaign.id,
        held_on=held_on,
        members_total=members_total,
        present=present,
        in_writing=in_writing,
        votes_for=votes_for,
        votes_against=votes_against,
        decision=decision,
        actor=actor,
    )
