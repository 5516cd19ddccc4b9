"""A stage's working-day clock started by a unit's receipt of the guidance, not the issue date."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from deadlines.window import end_of


class _Calendar(Protocol):
    def add_working_days(self, day: date, n: int) -> date: ...


def due_from_receipt(
    received_on: date, working_days: int, *, plan_due: datetime, cal: _Calendar
) -> datetime:
    """Return the last instant of the n-th working day after the receipt day (local), never
    earlier than the plan's own due instant (acknowledging early must not shorten the time)."""
    if working_days < 1:
        raise ValueError("working_days must be >= 1")
    return max(end_of(cal.add_working_days(received_on, working_days)), plan_due)
