"""Put failed messages back in the outbox queue (the `cchc notify retry --failed` act)."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from models.audit.log import record_audit
from models.campaign.facts import get_campaign
from models.outbox.queue import requeue_failed


def campaign_id_of(*, session: Session, campaign_code: str | None) -> uuid.UUID | None:
    """The id of the named campaign (None means every campaign); NotFound when unknown."""
    if campaign_code is None:
        return None
    return get_campaign(session=session, code=campaign_code).id


def requeue_failed_messages(*, session: Session, campaign_code: str | None, actor: str) -> int:
    """Give failed messages fresh attempts; the audit log says who did it and how many."""
    campaign_id = campaign_id_of(session=session, campaign_code=campaign_code)
    count = requeue_failed(session=session, campaign_id=campaign_id)
    record_audit(
        session=session,
        actor=actor,
        action="requeue",
        entity="notification",
        campaign_id=campaign_id,
        field="state",
        old="failed",
        new="pending",
        reason=str(count),
    )
    return count
