"""Quiet hours: whether a local time of day falls in a window that may wrap midnight."""

from __future__ import annotations

from datetime import time


def in_quiet_hours(at: time, *, start: time, end: time) -> bool:
    """True when `at` is in [start, end); a window like 21:00–07:00 wraps midnight."""
    if start == end:
        return False
    if start < end:
        return start <= at < end
    return at >= start or at < end
