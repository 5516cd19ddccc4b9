"""Send the outbox without Prefect: lease pending rows, send each, record each outcome at once."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from cchc.clock import now
from cchc.errors import NotificationFailed
from cchc.settings import get_settings
from models.outbox import queue as outbox
from tasks import sending


@dataclass
class DeliveryReport:
    """Outcome of one delivery attempt."""

    delivered: int = 0
    failed: int = 0
    retrying: int = 0


def _send_one(
    sender: sending.Sender,
    session: Session,
    row: outbox.Notification,
    lease: outbox.Lease,
    final: bool,
) -> bool:
    """Send one row and record the outcome right away (True when delivered)."""
    try:
        sender.send(
            urls=row.urls,
            key=row.idempotency_key,
            recipient=row.recipient,
            subject=row.subject,
            body=row.body,
        )
    except NotificationFailed as exc:
        outbox.mark_attempt_failed(
            session=session, row_id=row.id, lease=lease, error=str(exc), final=final
        )
        return False
    outbox.mark_delivered(session=session, row_id=row.id, lease=lease)
    return True


def deliver_pending(
    *,
    engine: Engine | Connection,
    campaign_id: uuid.UUID | None,
    final: bool = True,
    batch_size: int | None = None,
    lease_seconds: float | None = None,
) -> DeliveryReport:
    """Send every pending message (of one campaign, or all); failed ones wait unless `final`."""
    cfg = get_settings().notify
    lease_seconds = lease_seconds or cfg.lease_seconds
    # A send must start this long before the lease ends, so it finishes while the rows are ours.
    margin = timedelta(seconds=min(cfg.lease_margin_seconds, lease_seconds / 4))
    report, tried, waiting = DeliveryReport(), set(), []
    with Session(engine, expire_on_commit=False) as session, sending.Sender() as sender:
        while True:
            lease = outbox.claim_pending(
                session=session,
                campaign_id=campaign_id,
                limit=batch_size or cfg.batch_size,
                lease_seconds=lease_seconds,
            )
            fresh = [r for r in lease.rows if r.id not in tried]
            if not fresh:
                outbox.release(session=session, row_ids=[r.id for r in lease.rows], lease=lease)
                break
            retry = []
            for row in fresh:
                if now() >= lease.until - margin:
                    # Never send on an expiring lease: another sender may own these rows now.
                    break
                tried.add(row.id)
                if _send_one(sender, session, row, lease, final):
                    report.delivered += 1
                elif final:
                    report.failed += 1
                else:
                    retry.append(row.id)
            stale = [r.id for r in lease.rows if r.id not in retry and r not in fresh]
            waiting.append((lease, retry, stale))
        # Failed rows kept their lease so this run did not pick them again; free them now.
        for lease, retry, stale in waiting:
            outbox.release(session=session, row_ids=retry + stale, lease=lease)
            report.retrying += len(retry)
    return report
