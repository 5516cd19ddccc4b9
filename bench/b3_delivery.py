"""Bench 3: notification delivery through apprise to a loopback receiver, against raw httpx posts.

Rounds alternate between the baseline and the measured path so machine noise hits both alike.
The receiver runs in its own process and counts what arrived by idempotency key: a figure only
stands if every message arrived exactly once.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable

import httpx

from bench.common import Figure, emit, memory_figure, print_table
from bench.procs import ReceiverProc, receiver

ROUNDS = 3
TARGET = 500.0  # messages/s through apprise
UNITS = 250  # distinct per-unit channel addresses in the per-unit path


def _httpx_keepalive(r: ReceiverProc, keys: list[str]) -> float:
    """Post each message with one pooled httpx client; return seconds."""
    start = time.perf_counter()
    with httpx.Client() as client:
        for key in keys:
            client.post(
                f"{r.url}/hook",
                json={"title": "Nhắc hạn", "message": key},
                headers={"X-Cchc-Key": key},
            ).raise_for_status()
    return time.perf_counter() - start


def _httpx_fresh(r: ReceiverProc, keys: list[str]) -> float:
    """Post each message on a new TCP connection (as apprise does); return seconds."""
    start = time.perf_counter()
    with httpx.Client(limits=httpx.Limits(max_keepalive_connections=0)) as client:
        for key in keys:
            client.post(
                f"{r.url}/hook",
                json={"title": "Nhắc hạn", "message": key},
                headers={"X-Cchc-Key": key},
            ).raise_for_status()
    return time.perf_counter() - start


def _apprise(r: ReceiverProc, keys: list[str]) -> float:
    """Send each message through the product's apprise sender, as one delivery batch; seconds."""
    from tasks.sending import Sender

    url = r.apprise_url()
    start = time.perf_counter()
    with Sender() as sender:  # what deliver_pending holds for a delivery run
        for key in keys:
            sender.send(
                urls=[url],
                key=key,
                recipient="xa-0001",
                subject="Nhắc hạn: Xã tự đánh giá",
                body="Nhắc hạn giai đoạn «Xã tự đánh giá, chấm điểm».\nHạn hoàn thành: 22/11/2024.",
            )
    return time.perf_counter() - start


def _per_unit(r: ReceiverProc, keys: list[str]) -> float:
    """As `_apprise`, but each row names its unit's own address on the `webhook` channel."""
    from tasks.sending import Sender

    start = time.perf_counter()
    with Sender() as sender:
        for i, key in enumerate(keys):
            sender.send(
                urls=[f"webhook:xa-{i % UNITS:04d}"],  # resolved per row: settings + address
                key=key,
                recipient=f"xa-{i % UNITS:04d}",
                subject="Nhắc hạn: Xã tự đánh giá",
                body="Nhắc hạn giai đoạn «Xã tự đánh giá, chấm điểm».\nHạn hoàn thành: 22/11/2024.",
            )
    return time.perf_counter() - start


def _configure(r: ReceiverProc) -> None:
    """Name the receiver as the `webhook` channel, as CCHC_NOTIFY__CHANNELS would."""
    from cchc.settings import get_settings

    os.environ["CCHC_NOTIFY__CHANNELS"] = json.dumps({"webhook": r.apprise_url()})
    get_settings.cache_clear()


def measure(messages: int) -> list[Figure]:
    """Deliver `messages` per path and return the figures."""
    paths: dict[str, Callable[[ReceiverProc, list[str]], float]] = {
        "httpx": _httpx_keepalive,
        "httpx-fresh": _httpx_fresh,
        "apprise": _apprise,
        "per-unit": _per_unit,
    }
    seconds = dict.fromkeys(paths, 0.0)
    per_round = max(1, messages // ROUNDS)
    with receiver() as r:
        _configure(r)
        for n in range(ROUNDS):
            for name, path in paths.items():
                seconds[name] += path(r, [f"{name}:{n}:{i}" for i in range(per_round)])
        stats = r.stats()
    sent = per_round * ROUNDS
    exact = stats["total"] == sent * len(paths) and all(c == 1 for c in stats["keys"].values())
    rate = {name: sent / s for name, s in seconds.items()}
    note = f"{sent} messages per path; receiver saw each key once: {exact}"
    return [
        Figure(
            "delivery",
            "apprise json:// to loopback",
            rate["apprise"],
            "msg/s",
            "raw httpx (keep-alive)",
            rate["httpx"],
            f">= {TARGET:.0f} msg/s",
            rate["apprise"] >= TARGET and exact,
            note,
        ),
        Figure(
            "delivery",
            f"per-unit channels (webhook:<unit>, {UNITS} addresses) to loopback",
            rate["per-unit"],
            "msg/s",
            "raw httpx (keep-alive)",
            rate["httpx"],
            f">= {TARGET:.0f} msg/s",
            rate["per-unit"] >= TARGET and exact,
            note,
        ),
        Figure(
            "delivery",
            "apprise json:// to loopback (vs fresh connections)",
            rate["apprise"],
            "msg/s",
            "raw httpx (new connection each)",
            rate["httpx-fresh"],
            note=note,
        ),
    ]


def main(argv: list[str] | None = None) -> None:
    """Command line: run the bench and print its table."""
    parser = argparse.ArgumentParser(prog="python -m bench.b3_delivery")
    parser.add_argument("--messages", type=int, default=1500)
    parser.add_argument("--mixed", type=int, default=300, help="messages in the mixed run")
    parser.add_argument("--json", default=None, help="append figures as JSON lines to this file")
    parser.add_argument("--db", default=None, help="unused; accepted like the other benches")
    args = parser.parse_args(argv)
    figures = measure(args.messages)
    from bench.b3_mixed import mixed

    figures += mixed(args.mixed)
    figures.append(memory_figure("delivery"))
    print_table("Bench 3: notification delivery", figures)
    emit(figures, args.json)


if __name__ == "__main__":
    main()
