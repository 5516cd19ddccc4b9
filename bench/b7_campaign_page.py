"""Bench 7: the campaign page of a 12,000-unit campaign, uncached, against a 60-unit one.

Builds its own private database (bench/dashboard_world.py: one big and one small campaign, moved
to today, ticked once), starts a real `cchc serve --workers 2` and asks for each page one at a
time (nothing is cached since the page cache went: every request renders). Then both campaigns
get a result per unit (`rank_everyone`: the ranking's output rows written directly, since
scoring 12,000 units would dominate the bench) and the pages are asked for again, now with the
ranking and its field heat map. Then a short closed loop on the big page, to see the workers'
memory under concurrent renders. Figures: render time (p50 / p95 of sequential requests, big vs
small), HTML size, and the server's peak RSS.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import httpx
import sqlalchemy as sa

from bench.b5_dashboard import _tree_peak_rss_mb
from bench.common import Figure, emit, memory_figure, print_table
from bench.dashboard_world import SMALL_UNITS, build, query_counts
from bench.load import load
from bench.procs import cchc_serve

TARGET_MS, TARGET_KB, TARGET_RSS = 200.0, 150.0, 300.0
WORKERS = 2


def _times(client: httpx.Client, url: str, n: int) -> tuple[list[float], int, int]:
    """Time `n` sequential requests (after two warm-ups); return ms, HTML bytes, gzip bytes."""
    for _ in range(2):
        client.get(url).raise_for_status()
    out = []
    for _ in range(n):
        start = time.perf_counter()
        answer = client.get(url)
        out.append((time.perf_counter() - start) * 1000)
        answer.raise_for_status()
    raw = client.get(url, headers={"Accept-Encoding": "identity"})
    zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
    return out, len(raw.content), int(zipped.headers.get("content-length", 0))


def _p(values: list[float], q: int) -> float:
    """The q-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def rank_everyone(url: str) -> None:
    """Give every assigned unit of every campaign a result and eight fields' points."""
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text(RANK_SQL))
        conn.execute(sa.text(FIELDS_SQL))
        conn.execute(sa.text("ANALYZE result; ANALYZE field_result"))
    engine.dispose()


# Ranks in code order within each rank group, index falling with the rank; what compute_results
# writes, without the 1.2 M scores behind it.
RANK_SQL = """
INSERT INTO result (id, campaign_id, unit_id, rank_group, max_points, self_points,
    appraised_points, survey_points, achieved_points, index_value, rank, tied, computed_at)
SELECT gen_random_uuid(), x.campaign_id, x.id, x.rank_group, 100, 80, 75, 10, 85,
    90 - x.n::float / 1000, x.n, false, now()
FROM (SELECT DISTINCT a.campaign_id, u.id, u.rank_group,
        dense_rank() OVER (PARTITION BY a.campaign_id, u.rank_group ORDER BY u.code) AS n
      FROM assignment a JOIN org_unit u ON u.id = a.unit_id) x
"""
FIELDS_SQL = """
INSERT INTO field_result (id, campaign_id, unit_id, field_code, max_points, achieved_points)
SELECT gen_random_uuid(), r.campaign_id, r.unit_id, f, 12.5, 10
FROM result r, unnest(ARRAY['1', '2', '3', '4', '5', '6', '7', '8']) AS f
"""


def serve_and_measure(
    url: str, codes: dict[str, str], token: str, n: int, seconds: float
) -> tuple[dict[str, tuple[list[float], int, int]], float, float | None]:
    """Start `cchc serve --workers 2`; time each page, before and after ranking; load the big."""
    headers = {"Authorization": f"Bearer {token}"}
    os.environ["CCHC_API_WORKERS"] = str(WORKERS)  # read by the `cchc serve` child
    results = {}
    with (
        tempfile.TemporaryDirectory() as tmp,
        cchc_serve(url, timeout=300, log=Path(tmp) / "serve.log") as (proc, base),
        httpx.Client(base_url=base, headers=headers, timeout=120) as client,
    ):
        for name, path in codes.items():
            results[name] = _times(client, path, n)
        rank_everyone(url)
        for name in ("big", "small"):
            results[f"{name}-ranked"] = _times(client, codes[name], n)
        burst = load(base + codes["big"], headers=headers, clients=10, seconds=seconds)
        rss = _tree_peak_rss_mb(proc.pid)
    return results, burst.throughput, rss


def figures(
    results: dict[str, tuple[list[float], int, int]],
    throughput: float,
    rss: float | None,
    queries: list[int],
    units: int,
) -> list[Figure]:
    """Turn the measurements into figures."""
    big, small = results["big"], results["small"]
    what = f"{units:,}-unit campaign page"
    out = [
        Figure(
            "campaign-page",
            f"p50 uncached {what}",
            _p(big[0], 50),
            "ms",
            f"p50 {SMALL_UNITS}-unit page",
            _p(small[0], 50),
        ),
        Figure(
            "campaign-page",
            f"p95 uncached {what}",
            _p(big[0], 95),
            "ms",
            f"p95 {SMALL_UNITS}-unit page",
            _p(small[0], 95),
            f"<= {TARGET_MS:.0f} ms",
            _p(big[0], 95) <= TARGET_MS,
            f"{len(big[0])} sequential requests each, gzip, `cchc serve --workers {WORKERS}`; "
            f"mean {statistics.mean(big[0]):.0f} ms",
        ),
        Figure(
            "campaign-page",
            f"HTML size, {what}",
            big[1] / 1024,
            "KiB",
            f"{SMALL_UNITS}-unit page",
            small[1] / 1024,
            f"<= {TARGET_KB:.0f} KB",
            big[1] <= TARGET_KB * 1000,
            f"gzipped {big[2] / 1024:.1f} KiB",
        ),
        Figure(
            "campaign-page",
            f"p95 uncached {what}, ranked",
            _p(results["big-ranked"][0], 95),
            "ms",
            f"p95 {SMALL_UNITS}-unit page, ranked",
            _p(results["small-ranked"][0], 95),
            f"<= {TARGET_MS:.0f} ms",
            _p(results["big-ranked"][0], 95) <= TARGET_MS,
            f"every unit with a result: ranking (20 per block per page) and field heat map; "
            f"p50 {_p(results['big-ranked'][0], 50):.0f} ms vs "
            f"{_p(results['small-ranked'][0], 50):.0f} ms",
        ),
        Figure(
            "campaign-page",
            f"HTML size, {what}, ranked",
            results["big-ranked"][1] / 1024,
            "KiB",
            f"{SMALL_UNITS}-unit page, ranked",
            results["small-ranked"][1] / 1024,
            f"<= {TARGET_KB:.0f} KB",
            results["big-ranked"][1] <= TARGET_KB * 1000,
            f"gzipped {results['big-ranked'][2] / 1024:.1f} KiB",
        ),
        Figure(
            "campaign-page",
            f"filtered (name search) {what}, p50",
            _p(results["search"][0], 50),
            "ms",
            note=f"{results['search'][1] / 1024:.1f} KiB",
        ),
        Figure(
            "campaign-page",
            f"SQL statements per page, {units:,} units",
            queries[0],
            "queries",
            f"same page, {SMALL_UNITS} units",
            queries[1],
            "same count (no query per unit)",
            queries[0] == queries[1],
        ),
    ]
    if rss is not None:
        note = (
            f"/proc VmHWM of supervisor and {WORKERS} workers added up, after "
            f"{throughput:.1f} pages/s from 10 clients ({os.cpu_count()} cores)"
        )
        out.append(
            Figure(
                "campaign-page",
                f"peak RSS (cchc serve, {WORKERS} workers)",
                rss,
                "MiB",
                target=f"<= {TARGET_RSS:.0f} MiB",
                met=rss <= TARGET_RSS,
                note=note,
            )
        )
    return out


def measure(units: int, n: int, seconds: float) -> list[Figure]:
    """Build a private database, measure, drop it."""
    from bench.pgdb import private_database
    from cchc.db import make_engine

    with private_database("_page") as (_, url):
        engine = make_engine(url)
        big, small, token = build(engine, units)
        queries = query_counts(engine, [big, small], token)
        engine.dispose()
        codes = {
            "big": f"/campaigns/{big}",
            "small": f"/campaigns/{small}",
            "search": f"/campaigns/{big}?q=0042",
        }
        results, throughput, rss = serve_and_measure(url, codes, token, n, seconds)
    return figures(results, throughput, rss, queries, units)


def main(argv: list[str] | None = None) -> None:
    """Command line: run the bench and print its table."""
    parser = argparse.ArgumentParser(prog="python -m bench.b7_campaign_page")
    parser.add_argument("--units", type=int, default=12_000)
    parser.add_argument("--requests", type=int, default=30, help="sequential requests per page")
    parser.add_argument("--seconds", type=float, default=10.0, help="the closed loop's length")
    parser.add_argument("--json", default=None)
    parser.add_argument("--db", default=None, help="unused: this bench builds its own database")
    args = parser.parse_args(argv)
    out = measure(args.units, args.requests, args.seconds)
    out.append(memory_figure("campaign-page", "bench process"))
    print_table("Bench 7: campaign page, 12,000 vs 60 units, uncached", out)
    emit(out, args.json)


if __name__ == "__main__":
    main()
