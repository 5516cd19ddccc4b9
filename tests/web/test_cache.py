"""The page cache: fresh values reused, rebuilt after the TTL or a write, one builder at a time."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from web.pages import cache


def test_value_is_reused_until_invalidated():
    cache.invalidate()
    calls = []
    assert cache.cached(("k",), lambda: calls.append(1) or "a") == "a"
    assert cache.cached(("k",), lambda: calls.append(1) or "b") == "a"
    cache.invalidate()
    assert cache.cached(("k",), lambda: calls.append(1) or "c") == "c"
    assert len(calls) == 2


def test_expired_value_is_rebuilt():
    cache.invalidate()
    cache.cached(("t",), lambda: 1, ttl=0.0)
    assert cache.cached(("t",), lambda: 2, ttl=0.0) == 2


def test_while_one_thread_rebuilds_others_get_the_previous_value():
    cache.invalidate()
    cache.cached(("same",), lambda: "old")
    started, gate = threading.Event(), threading.Event()

    def slow_build() -> str:
        started.set()
        gate.wait(5)
        return "new"

    with ThreadPoolExecutor(max_workers=1) as pool:
        builder = pool.submit(cache.cached, ("same",), slow_build, 0.0)
        assert started.wait(5)
        assert cache.cached(("same",), lambda: "never built", 0.0) == "old"
        gate.set()
        assert builder.result() == "new"
    assert cache.cached(("same",), lambda: "never built") == "new"
