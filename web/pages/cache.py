"""A short-lived cache of dashboard pages' shared parts: many viewers, one query set per key.

Entries live a few seconds (ticks write from other processes) and are dropped at once when this
app commits a write, so a user sees their own change on the next page load. Only one thread
rebuilds a key at a time; meanwhile others get the previous value (or wait for the first one).
With several workers (`cchc serve --workers`), each has its own cache; a write in one worker
touches the signal file (settings.web_cache_signal) and the others drop theirs on their next look.
"""

from __future__ import annotations

import os
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
_signal_seen: list[Any] = [None]


def _signal_path() -> str:
    """The file other workers of this server touch after a write ('' when there is one worker)."""
    from cchc.settings import get_settings

    return get_settings().web_cache_signal


def _stamp(path: str) -> tuple[int, int] | None:
    """Identify the signal file's current version (None when it does not exist yet)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns


def _follow_signal() -> None:
    """Forget everything when another worker wrote since we last looked (caller holds _lock)."""
    path = _signal_path()
    if not path:
        return
    stamp = _stamp(path)
    if stamp != _signal_seen[0]:
        _signal_seen[0] = stamp
        _entries.clear()
        _generation[0] += 1


def peek(key: tuple[Any, ...], ttl: float = TTL_SECONDS) -> Any | None:
    """Return the value for `key` without waiting: fresh, or stale while another thread rebuilds."""
    with _lock:
        _follow_signal()
        hit = _entries.get(key)
        if hit is None:
            return None
        if time.monotonic() - hit[0] < ttl or key in _building:
            return hit[1]
        return None


def cached(key: tuple[Any, ...], build: Callable[[], T], ttl: float = TTL_SECONDS) -> T:
    """Return the fresh value for `key`, building it in one thread when missing or stale."""
    with _lock:
        _follow_signal()
        hit = _entries.get(key)
        if hit is not None and time.monotonic() - hit[0] < ttl:
            return hit[1]
        event = _building.get(key)
        mine = event is None
        if mine:
            event = _building[key] = threading.Event()
        generation = _generation[0]
    assert event is not None
    if not mine:
        if hit is not None:
            return hit[1]  # stale while another thread refreshes
        event.wait(timeout=30)
        with _lock:
            fresh = _entries.get(key)
        return fresh[1] if fresh is not None else build()
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


def _touch_signal() -> None:
    """Tell the other workers of this server to drop their entries (a new file each time)."""
    path = _signal_path()
    if not path:
        return
    tmp = f"{path}.{os.getpid()}.{threading.get_ident()}"
    try:
        with open(tmp, "w", encoding="ascii") as out:
            out.write(f"{time.time_ns()}\n")
        os.replace(tmp, path)  # a new inode: seen as changed even within one clock tick
    except OSError:
        pass  # the TTL still bounds how stale another worker's page can be


def invalidate() -> None:
    """Forget every entry (called after this app commits a write), in every worker."""
    _touch_signal()
    with _lock:
        _entries.clear()
        _generation[0] += 1
        path = _signal_path()
        _signal_seen[0] = _stamp(path) if path else None
