"""A receiver that hangs and recovers, and one that never recovers, against real `cchc tick` runs.

tests/flows/test_campaign_tick.py covers a receiver answering 500 then recovering, in-process.
Here: a receiver that hangs (apprise's read timeout fires) until it recovers, so the delivery
task's Prefect retries must finish the job; and a dead receiver whose failures must end up
marked failed and visible on the dashboard of a real `cchc serve`.
"""

from __future__ import annotations

import httpx
import pytest
from sqlmodel import Session

from bench.procs import cchc_serve, kill_group, receiver, start_group
from models.accounts.ops import create_user
from tests.faults.helpers import (
    province_owing_reminders,
    run_tick,
    sent_rows,
    tick_command,
    wait_for,
)

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
UNITS = 6  # each hung message costs one read timeout (1 s) per attempt


def test_hanging_receiver_that_recovers_gets_everything_through_retries(cli_env, tmp_path):
    env = cli_env.env(CCHC_NOTIFY__RETRIES="3", CCHC_NOTIFY__RETRY_DELAYS="[3, 3, 3]")
    with receiver(mode="hang", hang_seconds=20) as r:
        url = r.apprise_url() + "?rto=1&cto=1"  # apprise's own socket timeouts, per URL
        engine, campaign = province_owing_reminders(cli_env.db_url, UNITS, url)
        proc = start_group(tick_command(campaign), env, log=tmp_path / "tick.log")
        try:
            # Once every first attempt has reached the hanging receiver, it recovers.
            def all_hung() -> bool:
                enqueued = len(sent_rows(engine))
                return enqueued > 0 and r.stats()["arrived"] >= enqueued

            first_attempts = wait_for(all_hung, timeout=150, every=0.2)
            r.control("ok")
            code = proc.wait(timeout=120)
        finally:
            kill_group(proc)
        keys = r.stats()["keys"]
    rows = sent_rows(engine)
    engine.dispose()
    assert first_attempts, "the first delivery attempt never reached the receiver"
    assert code == 0, (tmp_path / "tick.log").read_text()
    assert rows and {state for state, _ in rows.values()} == {"delivered"}
    assert {attempts for _, attempts in rows.values()} == {2}  # hung once, then delivered
    assert keys == dict.fromkeys(rows, 1)  # everything, each once


def test_receiver_that_never_recovers_leaves_failed_messages_on_the_dashboard(cli_env, tmp_path):
    env = cli_env.env(CCHC_NOTIFY__RETRIES="1", CCHC_NOTIFY__RETRY_DELAYS="[0.5]")
    with receiver(mode="fail") as r:
        engine, campaign = province_owing_reminders(cli_env.db_url, UNITS, r.apprise_url())
        code = run_tick(campaign, env, tmp_path / "tick.log")
        assert r.stats()["total"] == 0 and r.stats()["refused"] > 0
    rows = sent_rows(engine)
    with Session(engine) as session:
        _, token = create_user(session=session, name="so-noi-vu-admin", role="admin", actor="test")
        session.commit()
    engine.dispose()
    assert code != 0  # the tick says delivery failed
    assert rows and {state for state, _ in rows.values()} == {"failed"}
    assert {attempts for _, attempts in rows.values()} == {2}  # 1 try + 1 retry
    headers = {"Authorization": f"Bearer {token}"}
    with cchc_serve(cli_env.db_url, log=tmp_path / "serve.log") as (_, base):
        page = httpx.get(f"{base}/campaigns/{campaign}", headers=headers, timeout=60)
        log = httpx.get(
            f"{base}/api/campaigns/{campaign}/notifications",
            params={"state": "failed", "limit": 500},
            headers=headers,
            timeout=60,
        )
    assert page.status_code == 200 and f"Gửi lỗi: {len(rows)}" in page.text
    failed = log.json()
    assert failed["counts"]["failed"] == len(rows)
    assert {m["state"] for m in failed["data"]} == {"failed"}
    assert all(m["last_error"] and m["attempts"] == 2 for m in failed["data"])
