"""Approve the results (freezing them), reopen them by a new decision, publish them."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from models.campaign.facts import get_campaign
from models.scoring.approval import approve_results, publish_results, reopen_results
from models.scoring.council import Approval, Publication
from services.results import refresh
from services.schedule import pause_schedule


def approve(
    *, session: Session, campaign_code: str, decision_no: str, decided_on: date, actor: str
) -> Approval:
    """Freeze freshly computed results under the chairman's decision (a new one supersedes)."""
    # Scores may have moved since the last computation: the decision fixes today's numbers.
    refresh(session=session, campaign_code=campaign_code, actor=actor)
    campaign = get_campaign(session=session, code=campaign_code)
    return approve_results(
        session=session,
        campaign_id=campaign.id,
        decision_no=decision_no,
        decided_on=decided_on,
        actor=actor,
    )


def publish(*, session: Session, campaign_code: str, actor: str) -> Publication:
    """Publish the approved results; public pages show them from now on."""
    campaign = get_campaign(session=session, code=campaign_code)
    published = publish_results(session=session, campaign_id=campaign.id, actor=actor)
    pause_schedule(session=session, campaign_code=campaign_code, actor=actor)  # nothing to tick
    return published


def reopen(
    *, session: Session, campaign_code: str, decision_no: str, reason: str, actor: str
) -> int:
    """Unfreeze approved results under a new decision; return how many were unfrozen."""
    campaign = get_campaign(session=session, code=campaign_code)
    return reopen_results(
        session=session,
        campaign_id=campaign.id,
        decision_no=decision_no,
        reason=reason,
        actor=actor,
    )
