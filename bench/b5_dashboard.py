"""Bench 5: the dashboard's campaign page for one campaign of ≈ 12,000 units, under load.

Builds its own private database: one campaign over `units` units (plus a small one, to show the
page's query count does not grow with units), ticked once at the bench instant so the outbox
log is real. Then a real `cchc serve` subprocess on loopback and the load tool (bench/load.py):
50 concurrent clients, closed loop, bounded in time and requests. The baseline is `/api/me`
(same server, same token check, no aggregates) under the same load, right before. The server
runs with its default worker count (one per core); the load tool shares those cores.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import httpx

from bench.common import Figure, emit, memory_figure, print_table, process_peak_rss_mb
from bench.dashboard_world import SMALL_UNITS, build, query_counts
from bench.load import LoadResult, load
from bench.procs import cchc_serve

TARGET_MS = 150.0


def _cold(base: str, path: str, headers: dict[str, str]) -> float:
    """One request after the page cache has expired, in ms."""
    time.sleep(3.5)
    start = time.perf_counter()
    httpx.get(base + path, headers=headers, timeout=60).raise_for_status()
    return (time.perf_counter() - start) * 1000


def _tree_peak_rss_mb(pid: int) -> float | None:
    """Peak RSS of `cchc serve`, its workers and their page helpers, added up (VmHWM of each)."""
    pids, todo = [], [pid]
    while todo:
        pids.append(todo.pop())
        children = Path(f"/proc/{pids[-1]}/task/{pids[-1]}/children")
        todo += [int(p) for p in children.read_text().split()] if children.exists() else []
    peaks = [process_peak_rss_mb(p) for p in pids]
    return sum(p for p in peaks if p is not None) or None


def serve_and_load(
    url: str, big: str, token: str, clients: int, seconds: float, think: float
) -> tuple[dict[str, LoadResult], float, float | None]:
    """Start `cchc serve`, load the baseline then the page; return results, cold ms, peak RSS."""
    headers = {"Authorization": f"Bearer {token}"}
    page = f"/campaigns/{big}"
    with (
        tempfile.TemporaryDirectory() as tmp,
        cchc_serve(url, log=Path(tmp) / "serve.log") as (proc, base),
    ):
        httpx.get(base + page, headers=headers, timeout=120).raise_for_status()  # warm up
        cold = _cold(base, page, headers)
        results = {
            "baseline": load(base + "/api/me", headers=headers, clients=clients, seconds=seconds),
            "page": load(base + page, headers=headers, clients=clients, seconds=seconds),
        }
        if think:
            for name, path in (("baseline-think", "/api/me"), ("page-think", page)):
                results[name] = load(
                    base + path, headers=headers, clients=clients, seconds=seconds, think=think
                )
        rss = _tree_peak_rss_mb(proc.pid)
    return results, cold, rss


def figures(
    results: dict[str, LoadResult],
    cold: float,
    rss: float | None,
    queries: list[int],
    units: int,
    clients: int,
    think: float,
) -> list[Figure]:
    """Turn the measurements into figures."""
    page, base = results["page"], results["baseline"]
    what = f"{units:,}-unit campaign page, {clients} clients"
    note = (
        f"{len(page.latencies):,} requests in {page.wall:.0f} s ({page.throughput:.0f}/s), "
        f"statuses {dict(page.statuses)}, errors {dict(page.errors)}; baseline /api/me "
        f"{base.throughput:.0f}/s; p50 {page.percentile(50):.0f} ms, "
        f"p99 {page.percentile(99):.0f} ms"
    )
    out = [
        Figure(
            "dashboard",
            f"p50 {what}",
            page.percentile(50),
            "ms",
            "p50 /api/me",
            base.percentile(50),
        ),
        Figure(
            "dashboard",
            f"p95 {what}",
            page.percentile(95),
            "ms",
            "p95 /api/me",
            base.percentile(95),
            f"<= {TARGET_MS:.0f} ms",
            page.percentile(95) <= TARGET_MS and page.ok,
            note,
        ),
        Figure(
            "dashboard",
            f"p99 {what}",
            page.percentile(99),
            "ms",
            "p99 /api/me",
            base.percentile(99),
        ),
        Figure("dashboard", "uncached single request (cache expired)", cold, "ms"),
        Figure(
            "dashboard",
            f"SQL statements per page, {units:,} units",
            queries[0],
            "queries",
            f"same page, {SMALL_UNITS} units",
            queries[1],
            "same count (no query per unit)",
            queries[0] == queries[1],
        ),
    ]
    if "page-think" in results:
        r, b = results["page-think"], results["baseline-think"]
        out.append(
            Figure(
                "dashboard",
                f"p95 {what}, {think:g} s think time",
                r.percentile(95),
                "ms",
                f"p95 /api/me, {think:g} s think time",
                b.percentile(95),
                f"<= {TARGET_MS:.0f} ms",
                r.percentile(95) <= TARGET_MS and r.ok,
                f"{len(r.latencies):,} requests ({r.throughput:.0f}/s), statuses "
                f"{dict(r.statuses)}, errors {dict(r.errors)}",
            )
        )
    if rss is not None:
        note = (
            f"/proc VmHWM of supervisor, workers and page helpers added up ({os.cpu_count()} cores)"
        )
        out.append(Figure("dashboard", "peak RSS (cchc serve)", rss, "MiB", note=note))
    return out


def measure(units: int, clients: int, seconds: float, think: float) -> list[Figure]:
    """Build a private database, measure, drop it."""
    from bench.pgdb import private_database
    from cchc.db import make_engine

    with private_database("_dash") as (_, url):
        engine = make_engine(url)
        big, small, token = build(engine, units)
        queries = query_counts(engine, [big, small], token)
        engine.dispose()
        results, cold, rss = serve_and_load(url, big, token, clients, seconds, think)
    return figures(results, cold, rss, queries, units, clients, think)


def main(argv: list[str] | None = None) -> None:
    """Command line: run the bench and print its table."""
    parser = argparse.ArgumentParser(prog="python -m bench.b5_dashboard")
    parser.add_argument("--units", type=int, default=12_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument(
        "--think", type=float, default=1.0, help="think time of a second run (0: skip)"
    )
    parser.add_argument("--json", default=None)
    parser.add_argument("--db", default=None, help="unused: this bench builds its own database")
    args = parser.parse_args(argv)
    out = measure(args.units, args.clients, args.seconds, args.think)
    out.append(memory_figure("dashboard", "bench process"))
    print_table("Bench 5: dashboard campaign page under load", out)
    emit(out, args.json)


if __name__ == "__main__":
    main()
