"""Bench 8: capacity — campaigns ticked per worker per minute, ticks per minute per Prefect server.

`python -m bench.b8_capacity --db URL [--campaigns 6] [--workers 1,2]` on a database filled by
`bench.generate` (its campaigns, or `--campaigns` of them, are ticked at AT); without `--db`, it
generates `--campaigns` (8) small provinces (`--units` 40 each) into a private database.
A real Prefect server (`prefect server start`, private home), the `cchc-pool` process pool, one
deployment per campaign as `cchc launch` makes them; then, for each worker count on a fresh copy
of the database, that many `prefect worker start --pool cchc-pool` processes and one flow run per
campaign all scheduled for the same instant (as the working-day schedule makes them): the wall
time from that instant to the last run's end gives campaigns per worker per minute and ticks per
minute. The Prefect server's CPU seconds over the same runs give the ticks per minute one server
could carry on one core. Baseline (same run, own copy): the same flow called in this process,
one campaign after another (no worker, no process per run).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import tempfile
import time
from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import Figure, emit, load_average, print_table
from bench.pgdb import copy_of
from bench.plan_shape import AT

POLL_SECONDS = "2"  # workers ask for due runs every 2 s (Prefect's default 10 s only adds delay)


def _cpu_seconds(pid: int) -> float:
    """CPU seconds of a process, its live descendants and the children it reaped (/proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(entry.name)] = fields
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        if current in stats:  # utime, stime, cutime, cstime
            total += sum(int(stats[current][i]) for i in (11, 12, 13, 14)) / tick
        todo += children.get(current, [])
    return total


async def _deploy(campaigns: list[str]) -> None:
    """The pool and one deployment per campaign, as `cchc launch` registers them (no schedule)."""
    from prefect import get_client

    from services.deployments import ensure_pool, pool_name, tick_template

    template = tick_template()
    await ensure_pool()
    async with get_client() as client:
        flow_id = await client.create_flow_from_name("campaign-tick")
        for code in campaigns:
            await client.create_deployment(
                flow_id=flow_id,
                name=code,
                entrypoint=template["entrypoint"],
                work_pool_name=pool_name(),
                parameters={"campaign": code},
                pull_steps=template["pull"],
            )


async def schedule_runs(
    campaigns: list[str], at: datetime, lead: float
) -> tuple[list[str], datetime]:
    """One run of each campaign's deployment, all for the same instant `lead` s ahead.

    Returns the run ids and that instant (also used by tests/ops/test_local_stack.py).
    """
    from prefect import get_client
    from prefect.states import Scheduled

    from cchc.clock import now

    when = now() + timedelta(seconds=lead)
    async with get_client() as client:
        ids = []
        for code in campaigns:
            deployment = await client.read_deployment_by_name(f"campaign-tick/{code}")
            run = await client.create_flow_run_from_deployment(
                deployment.id,
                parameters={"campaign": code, "at": at.isoformat()},
                state=Scheduled(scheduled_time=when),
            )
            ids.append(str(run.id))
    return ids, when


async def _finished(ids: list) -> list | None:
    """The runs once every one is final (else None)."""
    from prefect import get_client

    async with get_client() as client:
        runs = [await client.read_flow_run(i) for i in ids]
    return runs if all(r.state and r.state.is_final() for r in runs) else None


async def _online(count: int) -> bool:
    """Tell whether `count` workers poll the pool."""
    from prefect import get_client

    from services.deployments import pool_name

    async with get_client() as client:
        workers = await client.read_workers_for_work_pool(pool_name())
    return sum(1 for w in workers if str(w.status).endswith("ONLINE")) >= count


def _wait(check: Callable[[], Coroutine[Any, Any, Any]], timeout: float, what: str) -> Any:
    """Poll the coroutine factory `check` every second until it gives something true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = asyncio.run(check())
        if found:
            return found
        time.sleep(1)
    raise RuntimeError(f"{what} within {timeout} s")


def _workers(count: int, home: Path, db: str) -> list:
    """Start `count` process workers on the pool against database `db`."""
    import sys

    from bench.procs import start_group

    prefect = str(Path(sys.executable).parent / "prefect")
    env = {
        **os.environ,
        "CCHC_DATABASE_URL": db,
        "PREFECT_WORKER_QUERY_SECONDS": POLL_SECONDS,
    }
    return [
        start_group(
            [prefect, "worker", "start", "--pool", "cchc-pool", "--name", f"bench-{count}-{i}"],
            env,
            log=home / f"worker-{count}-{i}.log",
        )
        for i in range(1, count + 1)
    ]


def on_workers(url: str, campaigns: list[str], count: int, home: Path, server: int) -> dict:
    """Tick every campaign at once on `count` workers (fresh copy); wall, server CPU, states."""
    from bench.procs import kill_group

    with copy_of(url, f"_cap_{count}") as copy:
        procs = _workers(count, home, copy)
        try:
            _wait(lambda: _online(count), 180, f"{count} workers not online")
            cpu = _cpu_seconds(server)
            idle = sum(_cpu_seconds(proc.pid) for proc in procs)
            ids, when = asyncio.run(schedule_runs(campaigns, AT, lead=3.0))
            instant = when.timestamp()
            runs = _wait(lambda: _finished(ids), 900, "runs not finished")
            cpu = _cpu_seconds(server) - cpu
            time.sleep(3)  # the last run processes exit and are reaped by their worker
            worker_cpu = sum(_cpu_seconds(proc.pid) for proc in procs) - idle
        finally:
            for proc in procs:
                kill_group(proc, signal.SIGTERM, wait=30)
    ends = [r.end_time.timestamp() for r in runs if r.end_time]
    return {
        "wall": max(ends) - instant,
        "server_cpu": cpu,
        "worker_cpu": worker_cpu,  # workers and their run processes, from the instant on
        "completed": sum(1 for r in runs if r.state and r.state.is_completed()),
    }


def in_process(url: str, campaigns: list[str]) -> float:
    """Baseline: the same ticks called here one after another; seconds (after a warm-up)."""
    from cchc.db import get_engine
    from cchc.settings import get_settings
    from flows.campaign_tick import campaign_tick

    with copy_of(url, "_cap_0") as copy:
        os.environ["CCHC_DATABASE_URL"] = copy
        get_settings.cache_clear()
        get_engine.cache_clear()
        campaign_tick(campaigns[0], at=AT - timedelta(days=1))  # imports, clients, calendar
        start = time.perf_counter()
        for code in campaigns:
            campaign_tick(code, at=AT)
        seconds = time.perf_counter() - start
        get_engine.cache_clear()
    return seconds


def capacity(url: str, limit: int | None, counts: list[int]) -> list[Figure]:
    """Deploy, run the baseline, then each worker count; return the figures."""
    from bench.b1_tick import campaigns as all_campaigns
    from bench.procs import prefect_server_proc, receiver
    from cchc.db import make_engine

    engine = make_engine(url)
    codes = [row[1] for row in all_campaigns(engine)][:limit]
    units = sum(row[3] for row in all_campaigns(engine) if row[1] in codes)
    engine.dispose()
    with (
        receiver() as r,
        tempfile.TemporaryDirectory() as tmp,
        prefect_server_proc(Path(tmp) / "server") as (server, api),
    ):
        os.environ.update(
            CCHC_VAR_DIR=str(Path(tmp) / "var"),
            PREFECT_HOME=str(Path(tmp) / "client"),
            PREFECT_API_URL=api,
            CCHC_NOTIFY__DEFAULT_URLS=f'["{r.apprise_url()}"]',
        )
        asyncio.run(_deploy(codes))
        base = in_process(url, codes)
        load = load_average()
        done = {n: on_workers(url, codes, n, Path(tmp), server.pid) for n in counts}
        delivered = r.stats()["total"]
    return _figures(codes, units, base, done, delivered, load)


def _figures(
    codes: list[str], units: int, base: float, done: dict, delivered: int, load: str
) -> list[Figure]:
    """Per worker count: campaigns per worker per minute, ticks per minute; server CPU per tick."""
    n = len(codes)
    per_min = n / base * 60
    figures = []
    for count, run in done.items():
        ticks = n / run["wall"] * 60
        note = (
            f"{n} campaigns ({units:,} units) due at one instant, {count} process worker(s), "
            f"{run['completed']}/{n} completed in {run['wall']:.1f} s from that instant; "
            f"workers poll every {POLL_SECONDS} s; {delivered:,} messages delivered in all; "
            f"load average before: {load}"
        )
        figures += [
            Figure(
                "capacity",
                f"campaigns ticked per worker per minute ({count} worker(s))",
                ticks / count,
                "/min",
                "same ticks in-process, one after another",
                per_min,
                note=note,
                met=run["completed"] == n,
            ),
            Figure("capacity", f"ticks per minute, {count} worker(s)", ticks, "/min", note=note),
        ]
    cpu = sum(run["server_cpu"] for run in done.values()) / (n * len(done))
    worker_cpu = min(run["worker_cpu"] / n for run in done.values())
    figures.append(
        Figure(
            "capacity",
            "ticks per minute one worker machine carries per core (from CPU per tick)",
            60 / worker_cpu if worker_cpu else 0.0,
            "/min",
            "same ticks in-process, one after another",
            per_min,
            note=f"a worker and its run processes spent {worker_cpu:.2f} CPU s per tick "
            "(a fresh Python process per run: imports, Prefect client, engine), the fewest of "
            "the worker counts; CPU time depends less than wall time on how busy the machine is",
        )
    )
    figures.append(
        Figure(
            "capacity",
            "ticks per minute one Prefect server carries (per core, from its CPU per tick)",
            60 / cpu if cpu else 0.0,
            "/min",
            note=f"the server spent {cpu:.2f} CPU s per tick (scheduling, states, task runs, "
            "events); SQLite-backed server as in the other benches",
        )
    )
    return figures


def _generated(provinces: int, units: int, counts: list[int]) -> list[Figure]:
    """Generate `provinces` small provinces (no scores) into a private database and bench them."""
    from bench.generate import generate
    from bench.pgdb import private_database
    from bench.shapes import Scale
    from cchc.db import make_engine

    scale = Scale("capacity", provinces, units_per_province=units, leaves=20, survey_leaves=4)
    with private_database("_cap") as (_, url):
        engine = make_engine(url)
        generate(engine, scale=scale, with_scores=False)
        engine.dispose()
        return capacity(url, None, counts)


def main(argv: list[str] | None = None) -> None:
    """Command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.b8_capacity")
    parser.add_argument("--db", default=None, help="a database filled by bench.generate (copied)")
    parser.add_argument("--campaigns", type=int, default=None, help="at most this many")
    parser.add_argument("--units", type=int, default=40, help="units per generated province")
    parser.add_argument("--workers", default="1,2", help="worker counts, e.g. 1,2")
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.workers.split(",")]
    if args.db:
        figures = capacity(args.db, args.campaigns, counts)
    else:
        figures = _generated(args.campaigns or 8, args.units, counts)
    print_table("Bench 8: capacity (workers, Prefect server)", figures)
    emit(figures, args.json)


if __name__ == "__main__":
    main()
