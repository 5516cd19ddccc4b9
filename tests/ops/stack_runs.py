"""Flow runs on the local stack through the real Prefect API, and the processes that run them."""

from __future__ import annotations

import asyncio
import os
import signal
import time
import uuid
from collections.abc import Callable, Coroutine
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId, FlowRunFilter
from prefect.client.schemas.objects import FlowRun

from bench.b8_capacity import schedule_runs

FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}
T = TypeVar("T")


def schedule_all(api: str, campaigns: list[str], at: datetime, lead: float = 4.0) -> list[str]:
    """One run per campaign's deployment, all scheduled for the same instant `lead` s ahead."""

    async def create() -> list[str]:
        ids, _when = await schedule_runs(campaigns, at, lead)
        return ids

    return _with_api(api, create)


def read_runs(api: str, ids: list[str]) -> dict[str, FlowRun]:
    """The flow runs by id."""

    async def read() -> dict[str, FlowRun]:
        async with get_client() as client:
            return {i: await client.read_flow_run(uuid.UUID(i)) for i in ids}

    return _with_api(api, read)


def runs_of(api: str, campaign: str) -> list[FlowRun]:
    """Every flow run of the campaign's deployment."""

    async def read() -> list[FlowRun]:
        async with get_client() as client:
            deployment = await client.read_deployment_by_name(f"campaign-tick/{campaign}")
            return await client.read_flow_runs(
                deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id])),
                flow_run_filter=FlowRunFilter(),
            )

    return _with_api(api, read)


def wait_final(api: str, ids: list[str], timeout: float) -> dict[str, FlowRun]:
    """Wait until every run is in a final state; return them."""
    deadline = time.monotonic() + timeout
    while True:
        runs = read_runs(api, ids)
        if all(r.state_type and r.state_type.value in FINAL for r in runs.values()):
            return runs
        if time.monotonic() > deadline:
            states = {i: r.state_name for i, r in runs.items()}
            raise AssertionError(f"runs not finished within {timeout} s: {states}")
        time.sleep(1)


def _with_api(api: str, make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run the coroutine `make()` against the Prefect API at `api`."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: api}):
        return asyncio.run(make())


def _ppid(pid: int) -> int:
    """The parent of `pid` (0 when gone)."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except OSError:
        return 0


def _flow_run_of(pid: int) -> str | None:
    """The flow run id a process runs (from its environment), if any."""
    try:
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:
        return None
    for item in environ:
        if item.startswith(b"PREFECT__FLOW_RUN_ID="):
            return item.split(b"=", 1)[1].decode()
    return None


def run_processes(worker: int) -> dict[str, int]:
    """Flow run id → pid of each flow-run process started by the worker `worker` (pid)."""
    found: dict[str, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == worker:
            continue
        run_id = _flow_run_of(int(entry.name))
        parent = int(entry.name)
        while run_id and parent > 1:
            parent = _ppid(parent)
            if parent == worker:
                found.setdefault(run_id, int(entry.name))
                break
    return found


def kill_machine(worker: int) -> dict[str, int]:
    """SIGKILL a worker and the flow runs it started (each in its own session), as a dead host."""
    runs = run_processes(worker)
    os.killpg(worker, signal.SIGKILL)
    for pid in runs.values():
        try:
            os.killpg(os.getpgid(pid), signal.SIGKILL)
        except ProcessLookupError:
            pass
    return runs
