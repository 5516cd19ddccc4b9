"""A short-lived cache of dashboard pages' shared parts: many viewers, one query set per key.

Entries live a few seconds (ticks write from other processes) and are dropped at once when this
app commits a write, so a user sees their own change on the next page load. Only one thread
rebuilds a key at a time; meanwhile others get the previous value (or wait for the first one).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
TTL_SECONDS = 3.0
MAX_ENTRIES = 512
_lock = threading.Lock()
_entries: dict[tuple[Any, ...], tuple[float, Any]] = {}
_building: dict[tuple[Any, ...], threading.Event] = {}
_generation = [0]


def cached(key: tuple[Any, ...], build: Callable[[], T], ttl: float = TTL_SECONDS) -> T:
    """Return the fresh value for `key`, building it in one thread when missing or stale."""
    with _lock:
        hit = _entries.get(key)
        if hit is not None and time.monotonic() - hit[0] < ttl:
            return hit[1]  # type: ignore[no-any-return]
        event = _building.get(key)
        mine = event is None
        if mine:
            event = _building[key] = threading.Event()
        generation = _generation[0]
    assert event is not None
    if not mine:
        if hit is not None:
            return hit[1]  # type: ignore[no-any-return]  # stale while another thread refreshes
        event.wait(timeout=30)
        with _lock:
            fresh = _entries.get(key)
        return fresh[1] if fresh is not None else build()  # type: ignore[no-any-return]
    try:
        value = build()
        with _lock:
            if _generation[0] == generation:  # a write since we started: don't keep old data
                if len(_entries) >= MAX_ENTRIES:
                    _entries.clear()  # bounded: a crawler walking every group cannot grow it
                _entries[key] = (time.monotonic(), value)
        return value
    finally:
        with _lock:
            _building.pop(key, None)
        event.set()


def invalidate() -> None:
    """Forget every entry (called after this app commits a write)."""
    with _lock:
        _entries.clear()
        _generation[0] += 1
