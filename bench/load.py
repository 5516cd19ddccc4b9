"""A small closed-loop HTTP load generator on asyncio + httpx, bounded in time and requests.

Each of `clients` virtual users sends a request, waits for the answer, optionally thinks, and
repeats, until `seconds` pass or `max_requests` are sent. Latency is measured per request
from send to the last byte of the body.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx


@dataclass
class LoadResult:
    """Latencies (seconds) of the successful requests, and what went wrong."""

    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    wall: float = 0.0

    def percentile(self, p: float) -> float:
        """The p-th percentile latency in milliseconds (nearest rank)."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
        return ordered[index] * 1000

    @property
    def throughput(self) -> float:
        """Successful requests per second."""
        return len(self.latencies) / self.wall if self.wall else 0.0

    @property
    def ok(self) -> bool:
        """True when every request answered 200."""
        return not self.errors and set(self.statuses) == {200}


async def _user(
    client: httpx.AsyncClient,
    url: str,
    out: LoadResult,
    stop_at: float,
    budget: list[int],
    think: float,
) -> None:
    """One virtual user: request, read, think, repeat while time and budget last."""
    while time.monotonic() < stop_at and budget[0] > 0:
        budget[0] -= 1
        start = time.perf_counter()
        try:
            response = await client.get(url)
            await response.aread()
        except httpx.HTTPError as exc:
            out.errors[type(exc).__name__] += 1
            continue
        out.statuses[response.status_code] += 1
        if response.status_code == 200:
            out.latencies.append(time.perf_counter() - start)
        if think:
            await asyncio.sleep(think)


async def _run(
    url: str, headers: dict[str, str], clients: int, seconds: float, max_requests: int, think: float
) -> LoadResult:
    """Run the virtual users against `url`."""
    out = LoadResult()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    timeout = httpx.Timeout(30.0)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=timeout) as client:
        start = time.monotonic()
        budget = [max_requests]
        await asyncio.gather(
            *(_user(client, url, out, start + seconds, budget, think) for _ in range(clients))
        )
        out.wall = time.monotonic() - start
    return out


def load(
    url: str,
    *,
    headers: dict[str, str] | None = None,
    clients: int = 50,
    seconds: float = 20.0,
    max_requests: int = 20_000,
    think: float = 0.0,
) -> LoadResult:
    """Load `url` with `clients` concurrent users for at most `seconds` and `max_requests`."""
    return asyncio.run(_run(url, headers or {}, clients, seconds, max_requests, think))
