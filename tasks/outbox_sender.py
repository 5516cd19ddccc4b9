"""Send the outbox without Prefect: lease pending rows, send each channel's rows on its own
thread, record each outcome at once, and retry failed rows with the configured backoff.

A row fails for good only when its attempts are spent (`notify.retries` after the first); until
then it stays pending and later passes, task retries or ticks send it again. A channel that
times out (`notify.channel_breaker` slow failures in a row: a hanging receiver) is
left alone for the rest of the pass, so it costs at most that many timeouts and never holds
the other channels' messages.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import timedelta

from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from cchc.clock import now
from cchc.errors import NotificationFailed
from cchc.settings import get_settings
from cchc.wording.delivery import delivery_summary
from models.outbox import queue as outbox
from tasks import sending
from tasks.channels.resolve import channel_of

SHORT_LEASE_ROUNDS = 3  # times a pass re-claims rows its lease ran out before sending


@dataclass
class DeliveryReport:
    """Outcome of one delivery run: sent, waiting for a retry, failed for good, held elsewhere."""

    delivered: int = 0
    failed: int = 0
    retrying: int = 0
    leased: int = 0
    held: int = 0  # SMS/Zalo rows waiting for the quiet hours to end

    def summary(self) -> str:
        """The Vietnamese line every delivery run ends with."""
        return delivery_summary(**asdict(self))


@dataclass
class _Outcome:
    """What one channel's thread did with its rows of one lease."""

    delivered: int = 0
    failed: int = 0
    retry: list[uuid.UUID] = field(default_factory=list)
    untried: list[uuid.UUID] = field(default_factory=list)  # the lease ran short


@dataclass(frozen=True)
class _Pass:
    """The fixed parameters of one pass over the outbox."""

    engine: Engine | Connection
    campaign_id: uuid.UUID | None
    batch_size: int
    lease_seconds: float
    margin: timedelta
    retries: int
    breaker: int
    slow_seconds: float


def _send_one(
    sender: sending.Sender,
    session: Session,
    row: outbox.Notification,
    lease: outbox.Lease,
    final: bool,
) -> bool:
    """Send one row and record the outcome right away (True when delivered)."""
    try:
        receipt = sender.send(
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
    outbox.mark_delivered(session=session, row_id=row.id, lease=lease, receipt=receipt)
    return True


def _send_channel(p: _Pass, rows: Sequence[outbox.Notification], lease: outbox.Lease) -> _Outcome:
    """Send one channel's rows in order on this thread (skipped rows wait for a retry)."""
    out, failing = _Outcome(), 0
    with Session(p.engine, expire_on_commit=False) as session, sending.Sender() as sender:
        for row in rows:
            # Never send on an expiring lease (another sender may own the rows by then), nor
            # to a channel that just failed `breaker` times in a row.
            if now() >= lease.until - p.margin:
                out.untried.append(row.id)
                continue
            if failing >= p.breaker:
                out.retry.append(row.id)
                continue
            final, started = row.attempts + 1 > p.retries, time.monotonic()
            if _send_one(sender, session, row, lease, final):
                out.delivered, failing = out.delivered + 1, 0
                continue
            # Only slow failures (timeouts) trip the breaker: a quick refusal costs nothing.
            slow = time.monotonic() - started >= p.slow_seconds
            failing = failing + 1 if slow else 0
            if final:
                out.failed += 1
            else:
                out.retry.append(row.id)
    return out


def _by_channel(rows: Sequence[outbox.Notification]) -> list[list[outbox.Notification]]:
    """Group rows by the channels they go through, keeping their order."""
    groups: dict[tuple[str, ...], list[outbox.Notification]] = {}
    for row in rows:
        groups.setdefault(channel_of(row.urls), []).append(row)
    return list(groups.values())


def _send_lease(p: _Pass, rows: Sequence[outbox.Notification], lease: outbox.Lease) -> list:
    """Send a lease's rows, one thread per channel (in line when one channel or a Connection)."""
    groups = _by_channel(rows)
    if len(groups) == 1 or isinstance(p.engine, Connection):
        return [_send_channel(p, group, lease) for group in groups]
    workers = min(len(groups), get_settings().notify.channel_threads)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="deliver") as pool:
        return list(pool.map(lambda group: _send_channel(p, group, lease), groups))


def _one_pass(p: _Pass, report: DeliveryReport) -> int:
    """Send every pending row once; return how many wait for another attempt."""
    seen: set[uuid.UUID] = set()
    held: list[outbox.Lease] = []
    short: list[tuple[outbox.Lease, list[uuid.UUID]]] = []  # rows a short lease left untried
    waiting, rounds = 0, SHORT_LEASE_ROUNDS
    with Session(p.engine, expire_on_commit=False) as session:
        while True:
            lease = outbox.claim_pending(
                session=session,
                campaign_id=p.campaign_id,
                limit=p.batch_size,
                lease_seconds=p.lease_seconds,
            )
            held.append(lease)
            fresh = [r for r in lease.rows if r.id not in seen]
            if not fresh and short and rounds:
                # Give rows a short lease left untried back (still ours) and claim them anew.
                rounds -= 1
                for old, ids in short:
                    outbox.release(session=session, row_ids=ids, lease=old)
                seen.difference_update(i for _lease, ids in short for i in ids)
                short = []
                continue
            if not fresh:
                break
            seen.update(r.id for r in fresh)
            for out in _send_lease(p, fresh, lease):
                report.delivered += out.delivered
                report.failed += out.failed
                waiting += len(out.retry)
                if out.untried:
                    short.append((lease, out.untried))
        waiting += sum(len(ids) for _lease, ids in short)
        # Rows left pending keep their lease until the pass ends, so it never claims them twice;
        # each release matches its lease, so rows another sender owns now stay untouched.
        for lease in held:
            outbox.release(session=session, row_ids=[r.id for r in lease.rows], lease=lease)
    return waiting


def deliver_pending(
    *,
    engine: Engine | Connection,
    campaign_id: uuid.UUID | None,
    passes: int = 1,
    batch_size: int | None = None,
    lease_seconds: float | None = None,
) -> DeliveryReport:
    """Send every pending message (of one campaign, or all) in up to `passes` passes."""
    cfg = get_settings().notify
    lease_seconds = lease_seconds or cfg.lease_seconds
    p = _Pass(
        engine=engine,
        campaign_id=campaign_id,
        batch_size=batch_size or cfg.batch_size,
        lease_seconds=lease_seconds,
        # A send must start this long before the lease ends, so it finishes while rows are ours.
        margin=timedelta(seconds=min(cfg.lease_margin_seconds, lease_seconds / 4)),
        retries=cfg.retries,
        breaker=cfg.channel_breaker,
        slow_seconds=cfg.breaker_slow_seconds,
    )
    report = DeliveryReport()
    for attempt in range(max(passes, 1)):
        if attempt:
            time.sleep(backoff(cfg.retry_delays, attempt))
        report.retrying = _one_pass(p, report)
        if not report.retrying:
            break
    with Session(engine) as session:
        report.leased = outbox.still_leased(session=session, campaign_id=campaign_id)
        report.held = outbox.held_quiet(session=session, campaign_id=campaign_id)
    return report


def backoff(delays: Sequence[float], attempt: int) -> float:
    """Seconds to wait before retry number `attempt` (1-based); the last delay repeats."""
    return delays[min(attempt, len(delays)) - 1] if delays else 0.0
