"""A unit's self-assessment acts: save the draft, submit (or resubmit), withdraw."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlmodel import Session

from models.campaign.tables import Campaign
from models.catalog.units import OrgUnit
from models.scoring import self_assessments as data
from models.scoring.tables import SelfAssessment
from services import lifecycle
from services.access import Actor, actor_name, require_own_unit
from services.score_input import Entries, strict_scores
from services.submission_receipt import enqueue_submission_receipt
from services.targets import campaign_unit


def editable(
    *, session: Session, campaign_code: str, unit_code: str, actor: Actor, act: str = "edit"
) -> tuple[Campaign, OrgUnit]:
    """Return the campaign and unit whose self-assessment this actor may write by this act."""
    campaign, unit = campaign_unit(
        session=session, campaign_code=campaign_code, unit_code=unit_code
    )
    require_own_unit(actor, unit)
    lifecycle.require(campaign, act)
    return campaign, unit


def save_draft(
    *,
    session: Session,
    campaign_code: str,
    unit_code: str,
    actor: Actor,
    scores: Entries,
    expected_lock_version: int | None = None,
) -> SelfAssessment:
    """Merge scores into the unit's draft; a stale lock version is refused (Conflict)."""
    strict = strict_scores(scores)  # numbers only, no repeated code, NFC text: before anything
    campaign, unit = editable(
        session=session, campaign_code=campaign_code, unit_code=unit_code, actor=actor
    )
    return data.save_draft(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        scores=strict,
        actor=actor_name(actor),
        expected_lock_version=expected_lock_version,
    )


def submit(
    *,
    session: Session,
    campaign_code: str,
    unit_code: str,
    actor: Actor,
    received_at: datetime | None = None,
) -> SelfAssessment:
    """Submit the draft, or resubmit a withdrawn version; the server's receipt time rules."""
    campaign, unit = editable(
        session=session, campaign_code=campaign_code, unit_code=unit_code, actor=actor,
        act="submit",
    )  # fmt: skip
    submitted = data.submit_self_assessment(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        actor=actor_name(actor),
        received_at=received_at,
    )
    # notify branch: the unit gets a receipt (văn bản đã nhận), sent by the next delivery run.
    enqueue_submission_receipt(session=session, campaign=campaign, unit=unit, submitted=submitted)
    return submitted


def withdraw(
    *, session: Session, campaign_code: str, unit_code: str, actor: Actor, reason: str
) -> SelfAssessment:
    """Withdraw the current submission (kept as a version), reopening the unit's assignment."""
    campaign, unit = editable(
        session=session, campaign_code=campaign_code, unit_code=unit_code, actor=actor,
        act="withdraw",
    )  # fmt: skip
    return data.withdraw_self_assessment(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        actor=actor_name(actor),
        reason=reason,
    )


def save_then_submit(
    *,
    session: Session,
    campaign_code: str,
    unit_code: str,
    actor: Actor,
    scores: Mapping[str, Any],
    expected_lock_version: int | None,
    then_submit: bool,
) -> str:
    """Save the draft, then submit when asked; return "saved" or "submitted"."""
    save_draft(
        session=session,
        campaign_code=campaign_code,
        unit_code=unit_code,
        actor=actor,
        scores=scores,
        expected_lock_version=expected_lock_version,
    )
    session.commit()  # the draft is kept even if the submission below is refused
    if not then_submit:
        return "saved"
    submit(session=session, campaign_code=campaign_code, unit_code=unit_code, actor=actor)
    return "submitted"
