"""Kill -9 the `cchc tick` process (a real flow run) halfway through 1,000 reminders; run again.

Complements tests/tasks/test_delivery_kill.py (which kills a bare delivery loop on SQLite):
here the whole tick, decided by the flow itself, dies on PostgreSQL under a Prefect server.
"""

from __future__ import annotations

import signal
import time

import pytest

from bench.procs import kill_group, receiver, start_group
from tests.faults.helpers import (
    province_owing_reminders,
    run_tick,
    sent_rows,
    tick_command,
    wait_for,
)

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
UNITS = 1_000


def test_killed_tick_then_rerun_delivers_every_reminder_once(cli_env, tmp_path):
    env = cli_env.env(CCHC_NOTIFY__LEASE_SECONDS="2", CCHC_NOTIFY__BATCH_SIZE="100")
    with receiver() as r:
        engine, campaign = province_owing_reminders(cli_env.db_url, UNITS, r.apprise_url())
        first = start_group(tick_command(campaign), env, log=tmp_path / "tick1.log")
        try:
            halfway = wait_for(lambda: r.stats()["total"] >= 300, timeout=150)
        finally:
            kill_group(first, signal.SIGKILL)
        got_before_kill = r.stats()["total"]
        time.sleep(2.5)  # the dead run's lease on its batch must run out
        assert run_tick(campaign, env, tmp_path / "tick2.log") == 0, (
            tmp_path / "tick2.log"
        ).read_text()
        keys = r.stats()["keys"]
    rows = sent_rows(engine)
    engine.dispose()
    assert halfway and 300 <= got_before_kill < len(rows), "the kill must land mid-delivery"
    assert len(rows) >= UNITS  # one message per unit that has not acted, plus digests
    assert set(keys) == set(rows)  # every reminder arrived
    assert {state for state, _ in rows.values()} == {"delivered"}
    # None twice, except at most the one message sent but not yet marked when the kill came,
    # which carries the same idempotency key so the receiver can drop it.
    assert sum(n - 1 for n in keys.values()) <= 1
