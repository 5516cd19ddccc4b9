"""Shared steps of the fault tests: a province owing reminders, `cchc tick`, timed requests."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import httpx
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bench.b2_reminders import reset_not_acted
from bench.generate import generate
from bench.plan_shape import AT
from bench.procs import kill_group, start_group
from bench.shapes import Scale
from cchc.db import make_engine

CCHC = str(Path(sys.executable).parent / "cchc")
SENT_KINDS = ("reminder", "overdue", "escalation")


def province_owing_reminders(url: str, units: int, notify_url: str) -> tuple[Engine, str]:
    """One province of `units` units, nobody has self-assessed: each owes a message at AT."""
    engine = make_engine(url)
    done = generate(
        engine,
        scale=Scale("faults", 1, units_per_province=units, leaves=20, survey_leaves=4),
        with_scores=False,
        notify_urls=[notify_url],
    )
    reset_not_acted(engine)
    return engine, done.campaigns[0]


def tick_command(campaign: str) -> list[str]:
    """`cchc tick -c CAMPAIGN --at AT` (the flow, through the Prefect API in the environment)."""
    return [CCHC, "tick", "-c", campaign, "--at", AT.isoformat()]


def run_tick(campaign: str, env: dict[str, str], log: Path, timeout: float = 180.0) -> int:
    """Run one tick to its end; return its exit code (the child is killed on timeout)."""
    proc = start_group(tick_command(campaign), env, log=log)
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        raise


def sent_rows(engine: Engine) -> dict[str, tuple[str, int]]:
    """Idempotency key → (state, attempts) of the messages a tick sends (not the kick-offs)."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT idempotency_key, state, attempts FROM notification WHERE kind IN "
                "('reminder', 'overdue', 'escalation')"
            )
        ).all()
    return {key: (state, attempts) for key, state, attempts in rows}


def wait_for(check, timeout: float, every: float = 0.05) -> bool:  # type: ignore[no-untyped-def]
    """Poll `check()` until it is true or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(every)
    return False


async def timed_request(
    client: httpx.AsyncClient, method: str, url: str, headers: dict, at: float, **kw: object
) -> tuple[float, float, httpx.Response]:
    """Send at wall-clock time `at`; return (sent, answered, response) as epoch seconds."""
    await asyncio.sleep(max(0.0, at - time.time()))
    sent = time.time()
    response = await client.request(method, url, headers=headers, **kw)  # type: ignore[arg-type]
    return sent, time.time(), response


def move_deadline(engine: Engine, code: str, due: datetime) -> None:
    """Set the stage's (and its assignments') due time."""
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "UPDATE stage SET due_at = :d WHERE campaign_id = "
                "(SELECT id FROM campaign WHERE code = :c)"
            ),
            {"d": due, "c": code},
        )
        conn.execute(
            sa.text(
                "UPDATE assignment SET due_at = :d WHERE campaign_id = "
                "(SELECT id FROM campaign WHERE code = :c)"
            ),
            {"d": due, "c": code},
        )
