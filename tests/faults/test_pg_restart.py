"""PostgreSQL restarted in the middle of a tick: the tick fails cleanly, the next one completes.

To be sure the restart lands inside the tick's write (not before or after it), the test holds a
lock on the outbox table: the tick's enqueue transaction waits on it, visibly, in
pg_stat_activity. Then the server restarts under it. The server is up again at the end, whatever
happens (the restart briefly interrupts every client of the server; it takes a few seconds).
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from bench.pgdb import ADMIN_URL
from bench.procs import kill_group, receiver, start_group
from tests.faults.helpers import (
    province_owing_reminders,
    run_tick,
    sent_rows,
    tick_command,
    wait_for,
)

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
UNITS = 40


def _cluster() -> list[str]:
    """`pg_ctlcluster --skip-systemctl-redirect <version> main`."""
    version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[0]
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main"]


def _answers() -> bool:
    """Tell whether the server accepts connections."""
    return (
        subprocess.run(
            ["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"], check=False
        ).returncode
        == 0
    )


def _ensure_up() -> None:
    """Start the server if it is down and wait until it answers (at most 60 s)."""
    if not _answers():
        subprocess.run([*_cluster(), "start"], check=False, timeout=60)
    assert wait_for(_answers, timeout=60, every=0.5), "PostgreSQL did not come back"


def _waiting_on_lock(database: str) -> bool:
    """True when a backend of `database` waits on a lock (the tick's INSERT into the outbox)."""
    engine = sa.create_engine(ADMIN_URL)
    try:
        with engine.connect() as conn:
            return bool(
                conn.execute(
                    sa.text(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE datname = :d AND wait_event_type = 'Lock'"
                    ),
                    {"d": database},
                ).scalar()
            )
    finally:
        engine.dispose()


def test_postgres_restart_during_tick_fails_cleanly_and_next_tick_completes(cli_env, tmp_path):
    database = cli_env.db_url.rsplit("/", 1)[1]
    with receiver() as r:
        engine, campaign = province_owing_reminders(cli_env.db_url, UNITS, r.apprise_url())
        holder = engine.connect()
        holder.execute(sa.text("LOCK TABLE notification IN SHARE ROW EXCLUSIVE MODE"))
        tick = start_group(tick_command(campaign), cli_env.env(), log=tmp_path / "tick1.log")
        try:
            blocked = wait_for(lambda: _waiting_on_lock(database), timeout=150, every=0.3)
            subprocess.run([*_cluster(), "restart"], check=True, timeout=120)
            code = tick.wait(timeout=120)
        finally:
            kill_group(tick)
            _ensure_up()
            holder.invalidate()
        engine.dispose()
        half = sent_rows(engine)
        time.sleep(0.5)
        delivered_during_failure = r.stats()["total"]
        assert run_tick(campaign, cli_env.env(), tmp_path / "tick2.log") == 0, (
            tmp_path / "tick2.log"
        ).read_text()
        keys = r.stats()["keys"]
    rows = sent_rows(engine)
    engine.dispose()
    assert blocked, "the tick never reached its outbox write"
    assert code != 0, "a tick whose database went away must not report success"
    assert half == {} and delivered_during_failure == 0  # nothing half-written, nothing sent
    assert len(rows) >= UNITS and {s for s, _ in rows.values()} == {"delivered"}
    assert keys == dict.fromkeys(rows, 1)
