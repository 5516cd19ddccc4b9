"""A worker machine dies mid-run: the automation `cchc setup` creates marks that run Crashed.

Real parts only: the session's `prefect server start`, the pool and automation as setup makes
them, a `prefect worker start` that runs two flow runs, then SIGKILL of the worker and its run.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable, Coroutine, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

import pytest

from bench.procs import kill_group, start_group
from services import deployments, zombie_watch
from tests.faults.helpers import wait_for
from tests.ops.stack_runs import kill_machine, run_processes

pytestmark = [pytest.mark.slow]
T = TypeVar("T")
WINDOW = 10  # Prefect's least for a proactive trigger; the heartbeat itself cannot go below 30
PREFECT = str(Path(sys.executable).parent / "prefect")


def _on(api: str, make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run the coroutine `make()` against the Prefect API at `api`."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: api}):
        return asyncio.run(make())


async def _automations() -> list[Any]:
    """Every automation named as setup names it."""
    from prefect import get_client

    async with get_client() as client:
        return await client.read_automations_by_name(zombie_watch.NAME)


async def _drop_automations() -> None:
    """Delete every automation of that name (the server is shared by the session's tests)."""
    from prefect import get_client

    async with get_client() as client:
        for found in await client.read_automations_by_name(zombie_watch.NAME):
            await client.delete_automation(found.id)


@pytest.fixture
def clean_api(prefect_api: str) -> Iterator[str]:
    """The session's Prefect server, without our automation before and after the test."""
    _on(prefect_api, _drop_automations)
    yield prefect_api
    _on(prefect_api, _drop_automations)


def test_setup_twice_leaves_one_automation_with_the_configured_window(clean_api):
    assert _on(clean_api, lambda: zombie_watch.ensure_automation(90)) == "created"
    assert _on(clean_api, lambda: zombie_watch.ensure_automation(90)) == "exists"
    _on(clean_api, lambda: _create_duplicate(60))  # as two set-ups racing would leave
    assert _on(clean_api, lambda: zombie_watch.ensure_automation(120)) == "updated"
    (found,) = _on(clean_api, _automations)
    assert found.trigger.within == timedelta(seconds=120)
    assert found.trigger.posture.value == "Proactive" and found.enabled
    assert [a.state.value for a in found.actions] == ["CRASHED"]


async def _create_duplicate(seconds: int) -> None:
    """A second automation of the same name."""
    from prefect import get_client

    async with get_client() as client:
        await client.create_automation(zombie_watch.automation(seconds))


def test_pool_made_before_heartbeats_gets_them_once(clean_api):
    _on(clean_api, _old_pool)
    assert _on(clean_api, deployments.ensure_pool) == "updated"
    assert _on(clean_api, deployments.ensure_pool) == "exists"
    template = _on(clean_api, _pool_template)
    env = template["variables"]["properties"]["env"]["default"]
    assert env == {deployments.HEARTBEAT_ENV: "30"}
    assert "working_dir" in template["variables"]["properties"]  # the rest is kept


async def _old_pool() -> None:
    """The pool as `cchc setup` made it before heartbeats: Prefect's own process template."""
    from prefect import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectNotFound

    async with get_client() as client:
        try:
            await client.delete_work_pool(deployments.pool_name())
        except ObjectNotFound:
            pass
        await client.create_work_pool(WorkPoolCreate(name=deployments.pool_name(), type="process"))


async def _pool_template() -> dict[str, Any]:
    """The cchc pool's base job template."""
    from prefect import get_client

    async with get_client() as client:
        return (await client.read_work_pool(deployments.pool_name())).base_job_template


def test_run_of_a_killed_worker_is_crashed_and_a_finished_one_is_not(clean_api, tmp_path):
    _on(clean_api, deployments.ensure_pool)
    _on(clean_api, lambda: zombie_watch.ensure_automation(WINDOW))
    held, done = _on(clean_api, _two_runs)
    worker = start_group(_worker_command(), _worker_env(clean_api), log=tmp_path / "worker.log")
    try:
        assert wait_for(lambda: held in run_processes(worker.pid), 90, every=0.5), "not started"
        assert wait_for(lambda: _on(clean_api, lambda: _heartbeats(held)) > 0, 60, every=0.5)
        assert _state(clean_api, done, within=60) == "COMPLETED"
        heartbeat = _environ(run_processes(worker.pid)[held]).get(deployments.HEARTBEAT_ENV)
    finally:  # the machine dies: the worker and the runs it started, whatever happened above
        killed = kill_machine(worker.pid)
        kill_group(worker)
    assert held in killed
    assert heartbeat == "30"  # the pool's job template wins over the worker's environment
    assert _state(clean_api, held, within=WINDOW + 30) == "CRASHED"
    assert _on(clean_api, lambda: _message(held)).startswith("Mất tín hiệu sống")  # ours
    assert _state(clean_api, done, within=0) == "COMPLETED"


def _worker_command() -> list[str]:
    """A worker on the cchc pool, as operators start it."""
    return [PREFECT, "worker", "start", "--pool", deployments.pool_name(), "--name", "zombie"]


def _worker_env(api: str) -> dict[str, str]:
    """The worker's environment: our server, quick polls, a heartbeat the pool's must override."""
    return {
        "PREFECT_API_URL": api,
        "PREFECT_WORKER_QUERY_SECONDS": "1",
        deployments.HEARTBEAT_ENV: "45",
    }


async def _two_runs() -> tuple[str, str]:
    """A deployment of the probe flow on the pool, as launch makes them; a held and a quick run."""
    from prefect import get_client

    template = deployments.tick_template()
    async with get_client() as client:
        flow_id = await client.create_flow_from_name("zombie-probe")
        deployment_id = await client.create_deployment(
            flow_id=flow_id,
            name="probe",
            entrypoint="tests/faults/zombie_flow.py:zombie_probe",
            work_pool_name=deployments.pool_name(),
            pull_steps=template["pull"],
            tags=template.get("tags", []),
        )
        held = await client.create_flow_run_from_deployment(deployment_id, parameters={"hold": 600})
        done = await client.create_flow_run_from_deployment(deployment_id, parameters={"hold": 0})
    return str(held.id), str(done.id)


async def _heartbeats(run_id: str) -> int:
    """How many heartbeats of flow run `run_id` the server has recorded."""
    from prefect import get_client
    from prefect.events.filters import EventFilter, EventNameFilter, EventResourceFilter

    found = EventFilter(
        event=EventNameFilter(name=["prefect.flow-run.heartbeat"]),
        resource=EventResourceFilter(id=[f"prefect.flow-run.{run_id}"]),
    )
    async with get_client() as client:
        return (await client.read_events(filter=found, limit=1)).total


def _state(api: str, run_id: str, within: float) -> str:
    """The run's state type once final, waiting up to `within` seconds; else its current one."""
    from prefect import get_client

    async def read() -> str:
        async with get_client() as client:
            state = (await client.read_flow_run(UUID(run_id))).state
        return state.type.value if state else "NONE"

    deadline = time.monotonic() + within
    while (now := _on(api, read)) not in ("COMPLETED", "CRASHED", "FAILED", "CANCELLED"):
        if time.monotonic() > deadline:
            break
        time.sleep(0.5)
    return now


async def _message(run_id: str) -> str:
    """The message of the run's current state."""
    from prefect import get_client

    async with get_client() as client:
        state = (await client.read_flow_run(UUID(run_id))).state
    return (state.message or "") if state else ""


def _environ(pid: int) -> dict[str, str]:
    """The environment of process `pid`."""
    items = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode().split("=", 1) for item in items if b"=" in item)
