"""The outbox: one row per key, leases that two senders never share, outcomes recorded."""

from __future__ import annotations

from sqlmodel import Session, select

from models import Notification
from models.outbox.queue import (
    Message,
    claim_pending,
    enqueue_many,
    mark_attempt_failed,
    mark_delivered,
)
from tests.world.campaigns import make_campaign


def _messages(campaign_id, n: int, prefix: str = "k") -> list[Message]:  # type: ignore[no-untyped-def]
    return [
        Message(
            key=f"{prefix}:{i}",
            campaign_id=campaign_id,
            recipient=f"u{i}",
            urls=["outbox://"],
            kind="reminder",
            occasion="before-2",
            subject="Nhắc hạn",
            body="Còn 2 ngày làm việc",
        )
        for i in range(n)
    ]


def test_enqueue_skips_keys_already_there(session: Session):
    campaign = make_campaign(session)
    assert enqueue_many(session=session, messages=_messages(campaign.id, 5)) == 5
    assert enqueue_many(session=session, messages=_messages(campaign.id, 8)) == 3
    session.commit()
    assert len(session.exec(select(Notification)).all()) == 8


def test_two_senders_never_hold_the_same_row(session: Session, engine):
    campaign = make_campaign(session)
    enqueue_many(session=session, messages=_messages(campaign.id, 10))
    session.commit()
    with Session(engine) as other:
        first = claim_pending(session=session, campaign_id=campaign.id, limit=6, lease_seconds=60)
        second = claim_pending(session=other, campaign_id=campaign.id, limit=6, lease_seconds=60)
    ids_a, ids_b = {r.id for r in first.rows}, {r.id for r in second.rows}
    assert (len(ids_a), len(ids_b)) == (6, 4) and not ids_a & ids_b


def test_outcomes_are_recorded_per_row(session: Session):
    campaign = make_campaign(session)
    enqueue_many(session=session, messages=_messages(campaign.id, 2))
    session.commit()
    lease = claim_pending(session=session, campaign_id=campaign.id, limit=10, lease_seconds=60)
    ok, bad = lease.rows
    assert mark_delivered(session=session, row_id=ok.id, lease=lease)
    mark_attempt_failed(session=session, row_id=bad.id, lease=lease, error="HTTP 500", final=True)
    rows = {r.idempotency_key: r for r in session.exec(select(Notification)).all()}
    session.expire_all()
    rows = {r.idempotency_key: r for r in session.exec(select(Notification)).all()}
    assert (rows[ok.idempotency_key].state, rows[ok.idempotency_key].attempts) == ("delivered", 1)
    assert (rows[bad.idempotency_key].state, rows[bad.idempotency_key].last_error) == (
        "failed",
        "HTTP 500",
    )
    assert not mark_delivered(session=session, row_id=bad.id, lease=lease)  # never twice


def test_a_sender_never_sends_on_a_lease_about_to_expire(session: Session, engine, monkeypatch):
    """A batch that outlives its lease stops: the rows stay pending for whoever owns them."""
    from datetime import timedelta

    import tasks.outbox_sender as sender
    from cchc.clock import now

    campaign = make_campaign(session)
    enqueue_many(session=session, messages=_messages(campaign.id, 3))
    session.commit()
    # Time travel: by the time the sender looks at its clock, its 60 s lease has run out.
    monkeypatch.setattr(sender, "now", lambda: now() + timedelta(seconds=61))
    report = sender.deliver_pending(engine=engine, campaign_id=campaign.id, lease_seconds=60)
    session.expire_all()
    states = {r.state for r in session.exec(select(Notification)).all()}
    assert (report.delivered, report.failed, states) == (0, 0, {"pending"})
