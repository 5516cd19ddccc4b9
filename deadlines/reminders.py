"""Reminder dates from working-day offsets: N working days before due, then every K overdue."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol


class _Calendar(Protocol):
    def add_working_days(self, day: date, n: int) -> date: ...


def reminder_dates(
    due: date, *, before: Sequence[int], overdue_every: int, until: date, cal: _Calendar
) -> list[tuple[date, str]]:
    """Return sorted (date, occasion) pairs up to `until`: "before-N", "overdue-N" (work days)."""
    if any(n <= 0 for n in before) or overdue_every < 0:
        raise ValueError("before offsets must be > 0 and overdue_every >= 0")
    found = {(cal.add_working_days(due, -n), f"before-{n}") for n in set(before)}
    day, step = due, overdue_every
    while overdue_every:
        day = cal.add_working_days(day, overdue_every)
        if day > until:
            break
        found.add((day, f"overdue-{step}"))
        step += overdue_every
    return sorted((d, occasion) for d, occasion in found if d <= until)
