"""Approve the results (recomputed and frozen at once), publish a snapshot, reopen them.

Each is idempotent by its decision number: the same number again answers the stored result and
adds no row. The campaign's state machine (services/lifecycle.py) says which state allows which.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from cchc.errors import Conflict
from cchc.wording import lifecycle as say
from cchc.wording.dates import day
from models.campaign.event_notices import enqueue_event
from models.campaign.facts import fact_by_key, get_campaign, record_fact
from models.campaign.receipts import involved_units
from models.campaign.tables import Campaign
from models.enums import CampaignState
from models.results.snapshot import take_snapshot
from models.results.views import publication
from models.scoring.approval import (
    approve_results,
    latest_approval,
    publish_results,
    reopen_results,
)
from models.scoring.council import Approval, Publication
from services import lifecycle
from services.approval_gate import require_ready
from services.results import refresh
from services.schedule import pause_schedule

FROZEN = (CampaignState.approved, CampaignState.published)


def approve(
    *,
    session: Session,
    campaign_code: str,
    decision_no: str,
    decided_on: date,
    actor: str,
    force: bool = False,
    reason: str | None = None,
) -> Approval:
    """Recompute and freeze the results under the chairman's decision, once its conditions hold."""
    campaign = get_campaign(session=session, code=campaign_code)
    number = (decision_no or "").strip()
    current = latest_approval(session=session, campaign_id=campaign.id)
    if current is not None and current.decision_no == number and campaign.state in FROZEN:
        return current  # the same decision again: nothing new to record
    lifecycle.require(campaign, "approve")
    require_ready(session=session, campaign=campaign, force=force, reason=reason, actor=actor)
    # in the same transaction as the freeze: what is frozen is computed from today's facts
    refresh(session=session, campaign_code=campaign_code, actor=actor)
    approval = approve_results(
        session=session,
        campaign_id=campaign.id,
        decision_no=number,
        decided_on=decided_on,
        actor=actor,
    )
    _tell(session, campaign, "approval", number, decided_on=day(decided_on))
    return approval


def publish(*, session: Session, campaign_code: str, actor: str) -> Publication:
    """Publish the approved results and store them as the snapshot public pages show."""
    campaign = get_campaign(session=session, code=campaign_code)
    if campaign.state == CampaignState.published:
        found = publication(session=session, campaign_id=campaign.id)
        if found is not None:
            return found  # published already under the approval in force
    lifecycle.require(campaign, "publish")
    pub = publish_results(session=session, campaign_id=campaign.id, actor=actor)
    approval = latest_approval(session=session, campaign_id=campaign.id)
    assert approval is not None  # publish_results refuses without one
    take_snapshot(
        session=session,
        campaign_id=campaign.id,
        approval_id=approval.id,
        decision_no=approval.decision_no,
        actor=actor,
    )
    pause_schedule(session=session, campaign_code=campaign_code, actor=actor)  # nothing to tick
    _tell(session, campaign, "publication", approval.decision_no)
    return pub


def reopen(
    *, session: Session, campaign_code: str, decision_no: str, reason: str, actor: str
) -> int:
    """Unfreeze approved results under a new decision; return how many were unfrozen."""
    campaign = get_campaign(session=session, code=campaign_code)
    number = (decision_no or "").strip()
    if fact_by_key(session=session, campaign_id=campaign.id, key=f"reopen:{number}"):
        if campaign.state == CampaignState.running:
            return 0  # reopened by this decision already
        raise Conflict(say.decision_used(number), rule="decision_used")
    lifecycle.require(campaign, "reopen")
    count = reopen_results(
        session=session, campaign_id=campaign.id, decision_no=number, reason=reason, actor=actor
    )
    record_fact(
        session=session,
        campaign_id=campaign.id,
        kind="reopen",
        actor=actor,
        document_no=number,
        payload={"reason": reason},
        key=f"reopen:{number}",
    )
    _tell(session, campaign, "reopen", number, reason=reason)
    return count


def _tell(session: Session, campaign: Campaign, event: str, decision_no: str, **values: str) -> int:
    """Tell every unit the guidance went to about the decision (once per decision number)."""
    units = involved_units(session=session, campaign=campaign)
    return enqueue_event(
        session=session, campaign=campaign, units=units, event=event, occasion=decision_no,
        decision_no=decision_no, **values,
    )  # fmt: skip
