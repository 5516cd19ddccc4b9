"""The campaign-tick flow through a real Prefect API: few task runs, delivery, retries, artifact."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import Session, select

from flows.campaign_tick import campaign_tick
from models import Notification
from models.campaign.tables import Stage
from tests.flows.receivers import http_receiver
from tests.world.plans import launch, stage, write_world

pytestmark = pytest.mark.prefect
AT = datetime(2024, 1, 2, 1, 0, tzinfo=UTC)  # 08:00 in Vietnam, a Tuesday


def _plan(tmp_path: Path, url: str, **units: int) -> Path:
    stages = [
        stage("huong-dan", "guidance", "so-noi-vu", date(2024, 1, 2), date(2024, 1, 31)),
        stage(
            "tu-danh-gia",
            "self_assessment",
            "all_communes",
            date(2024, 1, 2),
            date(2024, 2, 16),
            scope={"kinds": ["commune"]},
        ),
    ]
    return write_world(tmp_path, stages, notify=[url], **units)


def _task_runs(flow_run_id: object) -> int:
    """Count the task runs the API recorded for one flow run."""
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    async def count() -> int:
        async with get_client() as client:
            flt = FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
            return len(await client.read_task_runs(flow_run_filter=flt))

    return asyncio.run(count())


def _artifact() -> str:
    """The latest progress artifact of the test campaign."""
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    async def read() -> str:
        async with get_client() as client:
            flt = ArtifactFilter(key=ArtifactFilterKey(any_=["campaign-thu-2024-progress"]))
            found = await client.read_artifacts(artifact_filter=flt, limit=1)
            return str(found[0].data) if found else ""

    return asyncio.run(read())


def test_tick_opens_stages_and_delivers_with_few_task_runs(prefect_harness, configured, tmp_path):
    with http_receiver() as receiver:
        with Session(configured) as session:
            launch(session, _plan(tmp_path, receiver.url, districts=4, communes=30))
        state = campaign_tick(campaign="thu-2024", at=AT, return_state=True)
        assert state.is_completed()
        with Session(configured) as session:
            states = {s.code: s.state for s in session.exec(select(Stage))}
            rows = session.exec(select(Notification)).all()
        assert states == {"huong-dan": "open", "tu-danh-gia": "open"}
        assert {r.state for r in rows} == {"delivered"}
        # 120 communes + kick-offs: every key arrived once.
        assert len(receiver.keys) == len(rows) > 120
        assert max(receiver.keys.values()) == 1
        assert _task_runs(state.state_details.flow_run_id) <= 8  # O(steps), not O(units)
        artifact = _artifact()
        assert "Giai đoạn tu-danh-gia | self_assessment | Đang mở" in artifact


def test_tick_rerun_sends_nothing_twice(prefect_harness, configured, tmp_path):
    with http_receiver() as receiver:
        with Session(configured) as session:
            launch(session, _plan(tmp_path, receiver.url))
        campaign_tick(campaign="thu-2024", at=AT)
        first = sum(receiver.keys.values())
        campaign_tick(campaign="thu-2024", at=AT)
        assert sum(receiver.keys.values()) == first > 0


def test_delivery_retries_until_receiver_recovers(prefect_harness, configured, tmp_path):
    with http_receiver(fail_first=3) as receiver:
        with Session(configured) as session:
            launch(session, _plan(tmp_path, receiver.url))
        state = campaign_tick(campaign="thu-2024", at=AT, return_state=True)
        assert state.is_completed()
        with Session(configured) as session:
            rows = session.exec(select(Notification)).all()
        assert {r.state for r in rows} == {"delivered"}
        assert max(r.attempts for r in rows) == 2  # the failed ones went through on the retry
        assert set(receiver.keys) == {r.idempotency_key for r in rows}


def test_receiver_that_never_recovers_leaves_failed_rows(prefect_harness, configured, tmp_path):
    with http_receiver(always_fail=True) as receiver:
        with Session(configured) as session:
            launch(session, _plan(tmp_path, receiver.url))
        state = campaign_tick(campaign="thu-2024", at=AT, return_state=True)
    assert state.is_failed()
    with Session(configured) as session:
        rows = session.exec(select(Notification)).all()
    assert {r.state for r in rows} == {"failed"}
    assert all(r.attempts == 3 and r.last_error for r in rows)  # 1 try + 2 retries, error kept
    assert receiver.keys == {}
