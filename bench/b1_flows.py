"""Bench 1, part B: `campaign-tick` flows against a real Prefect server, and their task runs."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench.common import Figure
from bench.pgdb import copy_of
from bench.plan_shape import AT


def flows(url: str, limit: int | None, evaluate_mean: float) -> list[Figure]:
    """Part B on a fresh copy: run `campaign-tick` per campaign under Prefect."""
    from bench.procs import prefect_server, receiver

    with (
        copy_of(url, "_tick_b") as copy,
        receiver() as r,
        tempfile.TemporaryDirectory() as home,
        prefect_server(Path(home) / "server") as api,
    ):
        os.environ.update(
            CCHC_DATABASE_URL=copy,
            CCHC_VAR_DIR=str(Path(home) / "var"),
            PREFECT_HOME=str(Path(home) / "client"),
            PREFECT_API_URL=api,
            CCHC_NOTIFY__DEFAULT_URLS=f'["{r.apprise_url()}"]',
        )
        from bench.b1_tick import campaigns
        from cchc.db import get_engine, make_engine
        from cchc.settings import get_settings

        get_settings.cache_clear()
        get_engine.cache_clear()
        rows = campaigns(make_engine(copy))
        chosen = rows if limit is None or len(rows) <= limit else _spread(rows, limit)
        walls, runs = _run_flows(chosen)
        counts = _task_runs(runs)
        delivered = r.stats()["total"]
    return _flow_figures(chosen, walls, counts, delivered, len(rows), evaluate_mean)


def _spread(rows: list[tuple], n: int) -> list[tuple]:
    """n campaigns from smallest to largest."""
    step = (len(rows) - 1) / (n - 1)
    return [rows[round(i * step)] for i in range(n)]


def _run_flows(rows: list[tuple]) -> tuple[list[float], list]:
    """Run the flow once per campaign (after a warm-up flow, so imports and clients are warm)."""
    from prefect import flow

    from flows.campaign_tick import campaign_tick

    @flow(name="bench-warm-up")
    def warm_up() -> int:
        return 1

    warm_up()
    walls, runs = [], []
    for _, code, *_ in rows:
        start = time.perf_counter()
        state = campaign_tick(code, at=AT, return_state=True)
        walls.append(time.perf_counter() - start)
        runs.append(state.state_details.flow_run_id)
    return walls, runs


def _task_runs(flow_run_ids: list) -> list[int]:
    """Task runs recorded per flow run (the API records them from events: wait until stable)."""
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    async def count() -> list[int]:
        async with get_client() as client:
            out = []
            for run_id in flow_run_ids:
                found = await client.read_task_runs(
                    flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run_id]))
                )
                out.append(len(found))
            return out

    last, deadline = None, time.monotonic() + 60
    while time.monotonic() < deadline:
        now = asyncio.run(count())
        # Every tick runs tasks: a zero means their events have not reached the API yet.
        if now == last and all(now):
            return now
        last = now
        time.sleep(2)
    return last or []


def _flow_figures(
    rows: list[tuple],
    walls: list[float],
    counts: list[int],
    delivered: int,
    total: int,
    evaluate_mean: float,
) -> list[Figure]:
    """Turn the flow runs into figures."""
    units = [r[3] for r in rows]
    note = (
        f"{len(rows)} of {total} campaigns ({min(units)}–{max(units)} units each); "
        f"{delivered:,} messages delivered to the loopback receiver; "
        f"task runs per tick {min(counts)}–{max(counts)}"
    )
    return [
        Figure(
            "tick",
            "campaign-tick flow incl. delivery, per campaign (mean wall)",
            sum(walls) / len(walls),
            "s",
            "evaluate(), per campaign (mean)",
            evaluate_mean,
            note=note,
        ),
        Figure(
            "tick",
            "Prefect task runs per tick (most in any campaign)",
            max(counts),
            "runs",
            "units in the largest campaign",
            max(units),
            "same count for every campaign",
            bool(counts) and min(counts) == max(counts),
            note,
        ),
    ]
