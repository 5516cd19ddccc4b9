"""A small closed-loop HTTP/1.1 load generator on bare asyncio streams, bounded in time.

Each of `clients` virtual users holds one keep-alive connection, sends a request, reads the whole
answer, optionally thinks, and repeats, until `seconds` pass or `max_requests` are sent. Latency
is measured per request from send to the last byte of the body. It shares the machine's cores
with the server, so it is kept lean: ≈ 0.1 ms of CPU per request (an httpx client cost ≈ 4 ms,
more than the server it measured, and was the bottleneck).
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit


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


class BadResponse(Exception):
    """The server's answer could not be read as HTTP/1.1 with a Content-Length."""


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, raw: bytes) -> int:
    """Send one request and read its whole answer; return the status (keeps the connection)."""
    writer.write(raw)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = None
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
        elif name.strip().lower() == b"transfer-encoding":
            raise BadResponse("chunked answers are not supported")
    if length is None and status not in (204, 304):
        raise BadResponse("no Content-Length")
    if length:
        await reader.readexactly(length)
    return status


async def _user(
    host: str,
    port: int,
    raw: bytes,
    out: LoadResult,
    stop_at: float,
    budget: list[int],
    think: float,
) -> None:
    """One virtual user: request, read, think, repeat while time and budget last."""
    conn: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    while time.monotonic() < stop_at and budget[0] > 0:
        budget[0] -= 1
        start = time.perf_counter()
        try:
            if conn is None:
                conn = await asyncio.open_connection(host, port)
            status = await asyncio.wait_for(_exchange(*conn, raw), timeout=30.0)
        except (OSError, EOFError, BadResponse, TimeoutError, asyncio.IncompleteReadError) as exc:
            out.errors[type(exc).__name__] += 1
            if conn is not None:
                conn[1].close()
            conn = None
            continue
        out.statuses[status] += 1
        if status == 200:
            out.latencies.append(time.perf_counter() - start)
        if think:
            await asyncio.sleep(think)
    if conn is not None:
        conn[1].close()


async def _run(
    url: str, headers: dict[str, str], clients: int, seconds: float, max_requests: int, think: float
) -> LoadResult:
    """Run the virtual users against `url`."""
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname is None:
        raise ValueError(f"only http:// URLs are supported: {url}")
    port = parts.port or 80
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    lines = [f"GET {target or '/'} HTTP/1.1", f"Host: {parts.netloc}"]
    # As a browser asks (and httpx did): a server may answer gzip; bodies are read, not inflated.
    headers = {"Accept-Encoding": "gzip, deflate", **headers}
    lines += [f"{name}: {value}" for name, value in headers.items()]
    raw = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    out = LoadResult()
    start = time.monotonic()
    budget = [max_requests]
    await asyncio.gather(
        *(
            _user(parts.hostname, port, raw, out, start + seconds, budget, think)
            for _ in range(clients)
        )
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
