"""The receipt message a unit gets when its self-assessment is submitted (sent by the next tick)."""

from __future__ import annotations

from sqlmodel import Session

from cchc.clock import now
from cchc.wording.dates import local_moment
from models.campaign.event_notices import enqueue_event
from models.campaign.tables import Campaign
from models.catalog.units import OrgUnit
from models.scoring.tables import SelfAssessment


def enqueue_submission_receipt(
    *, session: Session, campaign: Campaign, unit: OrgUnit, submitted: SelfAssessment
) -> int:
    """Enqueue one receipt per submitted version (its key names the version)."""
    return enqueue_event(
        session=session, campaign=campaign, units=[unit], event="receipt",
        occasion=f"self-v{submitted.version}", version=submitted.version,
        received_at=local_moment(submitted.received_at or now()), late=submitted.late,
    )  # fmt: skip
