"""Retries that happen: per-row attempts across passes, task runs and ticks; summaries."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from cchc.clock import frozen_at
from cchc.settings import get_settings
from cli.main import app
from models import Notification
from models.outbox.queue import Message, claim_pending, enqueue_many
from tasks.outbox_sender import deliver_pending
from tests.flows.receivers import http_receiver
from tests.world.campaigns import make_campaign
from tests.world.plans import launch, stage, write_world

LOCAL_AT = "2024-01-02T08:00"  # a Tuesday, 08:00 in Vietnam: both stages open, messages go


def _plan(tmp_path: Path, url: str) -> Path:
    """Two stages opening at LOCAL_AT for a small province whose units all use `url`."""
    stages = [
        stage("huong-dan", "guidance", "so-noi-vu", date(2024, 1, 2), date(2024, 1, 31)),
        stage(
            "tu-danh-gia", "self_assessment", "all_communes", date(2024, 1, 2),
            date(2024, 2, 16), scope={"kinds": ["commune"]},
        ),
    ]  # fmt: skip
    return write_world(tmp_path, stages, notify=[url], districts=1, communes=2)


def _rows(engine) -> list[Notification]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return list(session.exec(select(Notification)).all())


def _messages(campaign_id, urls: list[str], n: int, prefix: str = "m") -> list[Message]:  # type: ignore[no-untyped-def]
    return [
        Message(
            key=f"{prefix}:{i}", campaign_id=campaign_id, recipient=f"u{i}", urls=urls,
            kind="reminder", occasion="before-2", subject="Nhắc hạn", body="Còn 2 ngày",
        )
        for i in range(n)
    ]  # fmt: skip


@pytest.fixture
def retries_two(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Two retries after the first attempt, no waiting between them."""
    monkeypatch.setenv("CCHC_NOTIFY__RETRIES", "2")
    monkeypatch.setenv("CCHC_NOTIFY__RETRY_DELAYS", "[0.0]")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _tick(*extra: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["tick", "-c", "thu-2024", "--at", LOCAL_AT, *extra])


def _exactly_once(receiver, rows: list[Notification]) -> None:  # type: ignore[no-untyped-def]
    """Every row delivered on its third attempt, and the receiver took each key once."""
    assert {r.state for r in rows} == {"delivered"} and {r.attempts for r in rows} == {3}
    assert set(receiver.keys) == {r.idempotency_key for r in rows}
    assert set(receiver.keys.values()) == {1}
    assert set(receiver.tries.values()) == {3}


def test_local_tick_delivers_each_message_once_after_two_failures(configured, tmp_path):
    with http_receiver(fail_per_key=2) as receiver:
        with Session(configured) as session:
            launch(session, _plan(tmp_path, receiver.url))
        done = _tick("--local")
    assert done.exit_code == 0, done.output
    rows = _rows(configured)
    _exactly_once(receiver, rows)
    assert f"Thông báo: đã gửi {len(rows)}, đang thử lại 0, thất bại 0" in done.output


@pytest.mark.prefect
def test_flow_delivers_each_message_once_after_two_failures(prefect_harness, configured, tmp_path):
    with http_receiver(fail_per_key=2) as receiver:
        with Session(configured) as session:
            launch(session, _plan(tmp_path, receiver.url))
        done = _tick()
    assert done.exit_code == 0, done.output
    rows = _rows(configured)
    _exactly_once(receiver, rows)
    assert f"Thông báo: đã gửi {len(rows)}, đang thử lại 0, thất bại 0" in done.output


@pytest.mark.prefect
def test_flow_tick_that_fails_delivery_ends_with_a_summary_not_a_traceback(
    prefect_harness, configured, tmp_path
):
    with http_receiver(always_fail=True) as receiver:
        with Session(configured) as session:
            launch(session, _plan(tmp_path, receiver.url))
        done = _tick()
    rows = _rows(configured)
    assert done.exit_code == 2, done.output
    # The CLI ends on the summary and exits 2 (a SystemExit, no exception of its own). Prefect's
    # log handler may print "Logging error" tracebacks here: it writes to the stream of an
    # earlier CliRunner call, closed since; a real terminal has no such stream.
    assert isinstance(done.exception, SystemExit)
    last = done.output.strip().splitlines()[-1]
    assert last == f"Lỗi: Thông báo: đã gửi 0, đang thử lại 0, thất bại {len(rows)}, còn giữ chỗ 0."
    assert {r.state for r in rows} == {"failed"} and all("500" in r.last_error for r in rows)


def test_later_runs_retry_until_attempts_are_spent_then_retry_failed_requeues(
    configured, retries_two
):
    with Session(configured) as session:
        campaign = make_campaign(session)
        campaign_id = campaign.id
        session.commit()
    with http_receiver(fail_first=9) as receiver:  # 3 messages x 3 attempts, then it recovers
        with Session(configured) as session:
            enqueue_many(session=session, messages=_messages(campaign_id, [receiver.url], 3))
            session.commit()
        first = deliver_pending(engine=configured, campaign_id=campaign_id)
        assert (first.retrying, {r.attempts for r in _rows(configured)}) == (3, {1})
        assert deliver_pending(engine=configured, campaign_id=campaign_id).retrying == 3
        last = deliver_pending(engine=configured, campaign_id=campaign_id)
        assert (last.failed, last.retrying) == (3, 0)
        assert all(r.state == "failed" and "500" in r.last_error for r in _rows(configured))
        done = CliRunner().invoke(app, ["notify", "retry", "--campaign", "test-2024", "--failed"])
    assert done.exit_code == 0, done.output
    assert "Đã đưa lại 3 thông báo" in done.output and "đã gửi 3" in done.output
    assert {r.state for r in _rows(configured)} == {"delivered"}
    assert receiver.keys == {"m:0": 1, "m:1": 1, "m:2": 1}


def test_rows_whose_lease_expired_go_with_the_next_run_and_held_ones_are_counted(session, engine):
    campaign = make_campaign(session)
    with http_receiver() as receiver:
        enqueue_many(session=session, messages=_messages(campaign.id, [receiver.url], 4))
        session.commit()
        # A live sender holds two rows; a sender killed an hour ago held the other two.
        held = claim_pending(session=session, campaign_id=campaign.id, limit=2, lease_seconds=600)
        with frozen_at(datetime.now(UTC) - timedelta(hours=1)):
            claim_pending(session=session, campaign_id=campaign.id, limit=2, lease_seconds=60)
        report = deliver_pending(engine=engine, campaign_id=campaign.id)
    assert (report.delivered, report.leased, report.retrying) == (2, 2, 0)
    assert set(receiver.keys) == {"m:2", "m:3"}
    assert "còn giữ chỗ 2" in report.summary()
    session.execute(
        update(Notification)
        .where(col(Notification.id).in_([r.id for r in held.rows]))
        .values(claimed_until=None)
    )
    session.commit()


def test_a_hanging_receiver_costs_few_timeouts_and_holds_no_other_channel(
    session, engine, monkeypatch
):
    monkeypatch.setenv("CCHC_NOTIFY__CHANNEL_BREAKER", "2")
    monkeypatch.setenv("CCHC_NOTIFY__BREAKER_SLOW_SECONDS", "0.3")
    get_settings.cache_clear()
    campaign = make_campaign(session)
    with http_receiver(hang_seconds=2.0) as hanging, http_receiver() as good:
        slow_url = hanging.url + "?rto=0.5&cto=0.5"  # apprise's read and connect timeouts
        enqueue_many(session=session, messages=_messages(campaign.id, [slow_url], 6, "slow"))
        enqueue_many(session=session, messages=_messages(campaign.id, [good.url], 6, "good"))
        session.commit()
        started = time.monotonic()
        report = deliver_pending(engine=engine, campaign_id=campaign.id)
        elapsed = time.monotonic() - started
    get_settings.cache_clear()
    assert (report.delivered, report.retrying, report.failed) == (6, 6, 0)
    assert len(good.keys) == 6 and hanging.requests <= 2  # two timeouts, then left alone
    assert elapsed < 2.5  # not 6 timeouts, and the good channel did not wait behind them
