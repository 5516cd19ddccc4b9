"""Outbox data functions: enqueue messages once by key, lease them to one sender, record outcomes.

Delivery is at-least-once per *attempt* and exactly-once per *key* except for one case: a
process killed after apprise sent a message but before `mark_delivered` committed resends
that one message on the next run (at most one per in-flight row; rows are sent one at a time).
Every message carries its idempotency key so a receiver can drop such a duplicate.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, not_, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col

from cchc import run_context
from cchc.clock import now
from models.enums import DeliveryState
from models.outbox.refs import quiet_maker, ref_maker
from models.outbox.tables import Notification
from models.outbox.targets import is_quiet_hour


@dataclass(frozen=True)
class Message:
    """One message to enqueue; `key` = campaign:stage:recipient:kind:occasion."""

    key: str
    campaign_id: uuid.UUID
    recipient: str
    urls: list[str]
    kind: str
    occasion: str
    subject: str
    body: str
    stage_id: uuid.UUID | None = None
    unit_id: uuid.UUID | None = None

    def row(self, created_at: datetime) -> dict[str, Any]:
        """Return the insert parameters for this message."""
        return {
            "id": uuid.uuid4(),
            "idempotency_key": self.key,
            "campaign_id": self.campaign_id,
            "stage_id": self.stage_id,
            "unit_id": self.unit_id,
            "recipient": self.recipient,
            "urls": list(self.urls),
            "kind": self.kind,
            "occasion": self.occasion,
            "subject": self.subject,
            "body": self.body,
            "state": DeliveryState.pending,
            "attempts": 0,
            "created_at": created_at,
            "flow_run_id": run_context.flow_run_id.get(),  # the writing tick's run, if any
        }


# The key of a message's SMS/Zalo half when its e-mail half goes at once.
HELD_SUFFIX = "~held"
# The Core table (the stubs do not know SQLModel's __table__).
_TABLE = Notification.metadata.tables["notification"]


def _update(model: type) -> Any:
    """An ORM UPDATE that does not scan the session's objects (O(1), not O(rows held))."""
    return update(model).execution_options(synchronize_session=False)


def make_key(campaign: str, stage: str | None, recipient: str, kind: str, occasion: str) -> str:
    """Build the idempotency key of a message."""
    return f"{campaign}:{stage or '-'}:{recipient}:{kind}:{occasion}"


def _insert(session: Session) -> Any:
    """Return the dialect's INSERT that can skip rows whose key already exists."""
    dialect = session.get_bind().dialect.name
    # The table, not the class: a Core executemany skips the ORM's per-row bookkeeping.
    return (pg_insert if dialect == "postgresql" else sqlite_insert)(_TABLE)


def enqueue_many(*, session: Session, messages: Sequence[Message]) -> int:
    """Insert messages in bulk, skipping keys already in the outbox; return how many are new."""
    if not messages:
        return 0
    created, refs, quiet = now(), ref_maker(), quiet_maker()
    rows = []
    for message in {m.key: m for m in messages}.values():
        row = message.row(created)
        row["urls"] = refs(row["urls"])  # rows name channels; credentials stay in the settings
        rows += _split_quiet(row, quiet)
    stmt = _insert(session).on_conflict_do_nothing(index_elements=["idempotency_key"])
    result = session.connection().execute(stmt.returning(_TABLE.c.idempotency_key), rows)
    return len({key.removesuffix(HELD_SUFFIX) for key in result.scalars()})


def _split_quiet(row: dict[str, Any], quiet: Callable[[str], bool]) -> list[dict[str, Any]]:
    """One row, or two when a message goes by e-mail (any time) and by SMS/Zalo (held at night)."""
    held = [ref for ref in row["urls"] if quiet(ref)]
    loud = [ref for ref in row["urls"] if not quiet(ref)]
    if not held or not loud:
        return [row | {"quiet": bool(held)}]
    key = row["idempotency_key"] + HELD_SUFFIX
    return [
        row | {"urls": loud, "quiet": False},
        row | {"id": uuid.uuid4(), "idempotency_key": key, "urls": held, "quiet": True},
    ]


def enqueue(*, session: Session, key: str, **fields: Any) -> bool:
    """Enqueue one message (fields as in Message); return False when its key was already there."""
    return enqueue_many(session=session, messages=[Message(key=key, **fields)]) == 1


@dataclass
class Lease:
    """Rows one sender has claimed until `until` (the lease doubles as the claim token)."""

    until: datetime
    rows: list[Notification] = field(default_factory=list)


def claim_pending(
    *, session: Session, campaign_id: uuid.UUID | None, limit: int, lease_seconds: float
) -> Lease:
    """Lease up to `limit` pending rows nobody holds, oldest first (SKIP LOCKED on PostgreSQL)."""
    at = now()
    lease = Lease(until=at + timedelta(seconds=lease_seconds))
    free = or_(col(Notification.claimed_until).is_(None), col(Notification.claimed_until) < at)
    pick = select(col(Notification.id)).where(
        col(Notification.state) == DeliveryState.pending, free
    )
    if is_quiet_hour(at):  # SMS and Zalo wait for the morning; they stay pending, not dropped
        pick = pick.where(not_(col(Notification.quiet)))
    if campaign_id is not None:
        pick = pick.where(col(Notification.campaign_id) == campaign_id)
    pick = pick.order_by(col(Notification.created_at), col(Notification.idempotency_key)).limit(
        limit
    )
    if session.get_bind().dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    ids = list(session.execute(pick).scalars())
    if not ids:
        return lease
    # Re-check `free` in the UPDATE: on SQLite another writer may have won since the SELECT.
    claimed = (
        session.execute(
            _update(Notification)
            .where(col(Notification.id).in_(ids), free)
            .values(claimed_until=lease.until)
            .returning(Notification.id)
        )
        .scalars()
        .all()
    )
    session.commit()
    lease.rows = list(
        session.execute(
            select(Notification)
            .where(col(Notification.id).in_(claimed))
            .order_by(col(Notification.created_at), col(Notification.idempotency_key))
        ).scalars()
    )
    return lease


def _held(row_id: uuid.UUID, lease: Lease) -> Any:
    """Match a row still pending under this lease."""
    return and_(
        col(Notification.id) == row_id,
        col(Notification.state) == DeliveryState.pending,
        col(Notification.claimed_until) == lease.until,
    )


def mark_delivered(
    *, session: Session, row_id: uuid.UUID, lease: Lease, receipt: str | None = None
) -> bool:
    """Record one delivery (and the provider's receipt) and commit at once."""
    done = session.execute(
        _update(Notification)
        .where(_held(row_id, lease))
        .values(
            state=DeliveryState.delivered,
            delivered_at=now(),
            claimed_until=None,
            attempts=Notification.attempts + 1,
            last_error=None,
            receipt=receipt,
            delivered_flow_run_id=run_context.flow_run_id.get(),
        )
    ).rowcount  # type: ignore[attr-defined]  # stubs say Result; an UPDATE gives CursorResult
    session.commit()
    return bool(done)


def mark_attempt_failed(
    *, session: Session, row_id: uuid.UUID, lease: Lease, error: str, final: bool
) -> None:
    """Record a failed attempt; after the last one the row is `failed` and stays visible."""
    values: dict[str, Any] = {"attempts": Notification.attempts + 1, "last_error": error[:2000]}
    if final:
        values |= {"state": DeliveryState.failed, "claimed_until": None}
    session.execute(_update(Notification).where(_held(row_id, lease)).values(**values))
    session.commit()


def release(*, session: Session, row_ids: Sequence[uuid.UUID], lease: Lease) -> None:
    """Give back leased rows (failed ones wait for the next attempt)."""
    if row_ids:
        session.execute(
            _update(Notification)
            .where(
                col(Notification.id).in_(list(row_ids)),
                col(Notification.claimed_until) == lease.until,
            )
            .values(claimed_until=None)
        )
        session.commit()


def outbox_counts(*, session: Session, campaign_id: uuid.UUID) -> dict[tuple[str, str], int]:
    """Count the campaign's messages by (kind, state)."""
    rows = session.execute(
        select(col(Notification.kind), col(Notification.state), func.count())
        .where(col(Notification.campaign_id) == campaign_id)
        .group_by(Notification.kind, Notification.state)
    ).all()
    return {(kind, state): count for kind, state, count in rows}


def still_leased(*, session: Session, campaign_id: uuid.UUID | None) -> int:
    """Count pending rows some sender holds right now (their lease has not run out)."""
    stmt = select(func.count()).where(
        col(Notification.state) == DeliveryState.pending,
        col(Notification.claimed_until) >= now(),
    )
    if campaign_id is not None:
        stmt = stmt.where(col(Notification.campaign_id) == campaign_id)
    return int(session.execute(stmt).scalar_one())


def requeue_failed(*, session: Session, campaign_id: uuid.UUID | None) -> int:
    """Put failed rows back to pending with fresh attempts (their last error stays visible)."""
    stmt = _update(Notification).where(col(Notification.state) == DeliveryState.failed)
    if campaign_id is not None:
        stmt = stmt.where(col(Notification.campaign_id) == campaign_id)
    done = session.execute(
        stmt.values(state=DeliveryState.pending, attempts=0, claimed_until=None)
    ).rowcount  # type: ignore[attr-defined]  # an UPDATE gives CursorResult
    session.commit()
    return int(done)


def held_quiet(*, session: Session, campaign_id: uuid.UUID | None) -> int:
    """Count SMS/Zalo rows waiting for the quiet hours to end (0 outside them)."""
    if not is_quiet_hour(now()):
        return 0
    stmt = select(func.count()).where(
        col(Notification.state) == DeliveryState.pending, col(Notification.quiet)
    )
    if campaign_id is not None:
        stmt = stmt.where(col(Notification.campaign_id) == campaign_id)
    return int(session.execute(stmt).scalar_one())
