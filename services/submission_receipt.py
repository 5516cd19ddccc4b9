"""The receipt message a unit gets when its self-assessment is submitted (sent by the next tick)."""

from __future__ import annotations

from sqlmodel import Session

from cchc.clock import now
from cchc.wording import messages
from cchc.wording.authority import unit_link
from models.campaign.tables import Campaign
from models.catalog.units import OrgUnit
from models.outbox.queue import Message, enqueue_many, make_key
from models.outbox.targets import targets_of
from models.scoring.tables import SelfAssessment


def enqueue_submission_receipt(
    *, session: Session, campaign: Campaign, unit: OrgUnit, submitted: SelfAssessment
) -> int:
    """Enqueue one receipt per submitted version (its key names the version)."""
    received = submitted.received_at or now()
    subject, body = messages.submission_receipt(
        campaign.title, unit.name, submitted.version, received, submitted.late
    )
    message = Message(
        key=make_key(campaign.code, None, unit.code, "receipt", f"self-v{submitted.version}"),
        campaign_id=campaign.id,
        unit_id=unit.id,
        recipient=unit.code,
        urls=targets_of(unit),
        kind="receipt",
        occasion=f"self-v{submitted.version}",
        subject=subject,
        body=body + unit_link(campaign.code, unit.code),
    )
    return enqueue_many(session=session, messages=[message])
