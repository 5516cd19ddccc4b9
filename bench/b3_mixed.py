"""Bench 3, mixed run: the real outbox delivers to units' own channels at once, e-mail to a local
SMTP server, Zalo OA messages to a fake of its API, and webhooks, against raw httpx posts.

Units have contacts as `cchc units import` writes them; rows name channels (`email:<address>`,
`zalo:<user id>`), units without contacts fall back to the province's default webhook. The SMTP
server (aiosmtpd) and the receiver (webhook + Zalo) run in their own processes.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx

from bench.common import Figure
from bench.procs import ROOT, ReceiverProc, free_port, receiver, stop

KINDS = ("email", "zalo", "webhook")


def _smtp(port: int) -> subprocess.Popen:
    """aiosmtpd in its own process, accepting and discarding every message."""
    cmd = [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}"]
    proc = subprocess.Popen([*cmd, "-c", "aiosmtpd.handlers.Sink"], cwd=ROOT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port)):
                return proc
        except OSError:
            time.sleep(0.1)
    stop(proc)
    raise RuntimeError("aiosmtpd did not start")


def _configure(r: ReceiverProc, smtp_port: int) -> None:
    """Channels as CCHC_NOTIFY__CHANNELS names them; quiet hours off (a bench runs any hour)."""
    from cchc.settings import get_settings

    os.environ["CCHC_NOTIFY__CHANNELS"] = json.dumps(
        {
            "email": f"mailto://bench@example.org?smtp=127.0.0.1&port={smtp_port}&mode=insecure",
            "zalo": f"zalo://app-1@127.0.0.1:{r.port}/?access_token=t&refresh_token=r"
            "&secret_key=s&insecure=yes",
        }
    )
    os.environ["CCHC_NOTIFY__DEFAULT_URLS"] = json.dumps([r.apprise_url()])
    os.environ["CCHC_NOTIFY__QUIET_END"] = os.environ["CCHC_NOTIFY__QUIET_START"] = "00:00"
    get_settings.cache_clear()


def _outbox(folder: Path, messages: int):  # type: ignore[no-untyped-def]
    """A fresh SQLite outbox holding `messages` rows, a third per channel; (engine, campaign id)."""
    from sqlmodel import Session

    from cchc.db import make_engine
    from models import Campaign, Plan
    from models.db_init import init_db
    from models.outbox.queue import Message, enqueue_many
    from models.outbox.targets import unit_refs

    engine = make_engine(f"sqlite:///{folder / 'mixed.sqlite3'}")
    init_db(engine)
    with Session(engine) as s:
        plan = Plan(code="bench", province_code="bench", year=2024, title="Bench")
        s.add(plan)
        s.flush()
        start = datetime(2024, 10, 1, tzinfo=UTC)
        campaign = Campaign(code="bench", plan_id=plan.id, province_code="bench", year=2024,
                            title="Bench", starts_at=start, ends_at=start)  # fmt: skip
        s.add(campaign)
        s.flush()
        rows = []
        for i in range(messages):
            kind = KINDS[i % 3]
            refs = unit_refs(
                email=f"xa-{i:04d}@example.gov.vn" if kind == "email" else None,
                phone=None,
                zalo=f"42{i:08d}" if kind == "zalo" else None,
                notify_urls=None,
            )
            rows.append(Message(key=f"bench:-:xa-{i:04d}:reminder:{i}", campaign_id=campaign.id,
                                recipient=f"xa-{i:04d}", urls=refs, kind="reminder",
                                occasion=str(i), subject="Nhắc hạn",
                                body=f"Nhắc hạn lần {i}: còn 2 ngày làm việc."))  # fmt: skip
        enqueue_many(session=s, messages=rows)
        s.commit()
        return engine, campaign.id


def _channel_rates(engine, started: datetime) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Each channel's delivered rows over the time from the start to its last delivery."""
    from sqlmodel import Session, select

    from models import Notification

    with Session(engine) as s:
        rows = s.exec(select(Notification.urls, Notification.delivered_at)).all()
    done: dict[str, list[datetime]] = {}
    for urls, at in rows:
        if at is not None:
            name = "webhook" if urls == ["default"] else urls[0].partition(":")[0]
            done.setdefault(name, []).append(at)
    return {
        n: len(ats) / max((max(ats) - started).total_seconds(), 1e-6) for n, ats in done.items()
    }


def _httpx(r: ReceiverProc, messages: int) -> float:
    """Raw httpx keep-alive posts of the same number of messages; seconds."""
    start = time.perf_counter()
    with httpx.Client() as client:
        for i in range(messages):
            client.post(f"{r.url}/hook", json={"title": "x", "message": str(i)},
                        headers={"X-Cchc-Key": f"raw:{i}"}).raise_for_status()  # fmt: skip
    return time.perf_counter() - start


def mixed(messages: int) -> list[Figure]:
    """Deliver a mixed outbox through deliver_pending; the figure and its raw-httpx baseline."""
    from tasks.outbox_sender import deliver_pending

    smtp_port = free_port()
    smtp = _smtp(smtp_port)
    try:
        with receiver() as r, tempfile.TemporaryDirectory() as tmp:
            _configure(r, smtp_port)
            engine, campaign_id = _outbox(Path(tmp), messages)
            started, start = datetime.now(UTC), time.perf_counter()
            report = deliver_pending(engine=engine, campaign_id=campaign_id)
            seconds = time.perf_counter() - start
            per_channel = _channel_rates(engine, started)
            raw = _httpx(r, messages)
            stats = r.stats()
            engine.dispose()
    finally:
        stop(smtp)
    zalo = sum(1 for k in stats["keys"] if k.startswith("zalo:"))
    hooks = sum(1 for k in stats["keys"] if k.startswith("bench:"))
    note = (
        f"{messages} rows through deliver_pending (SQLite outbox, one thread per channel): "
        f"delivered {report.delivered}, failed {report.failed}; receiver saw {hooks} webhook and "
        f"{zalo} Zalo messages; e-mail to aiosmtpd (fresh Apprise per mail); quiet hours off; "
        "per channel (rows / seconds to its last delivery): "
        + ", ".join(f"{name} {rate:,.0f} msg/s" for name, rate in per_channel.items())
    )
    return [
        Figure(
            "delivery",
            "mixed run: e-mail + Zalo + webhook via the outbox",
            report.delivered / seconds,
            "msg/s",
            "raw httpx (keep-alive), same count",
            messages / raw,
            note=note,
        ),  # fmt: skip
    ]
