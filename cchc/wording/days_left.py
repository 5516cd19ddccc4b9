"""Working days left to a due date, counted by local calendar dates: the one rule for all outputs.

Dates, not instants: "today" is the local date of the moment asked about, the due day is the
local date of `due_at`, and the count is the calendar's working days between them (deadlines/).
So a unit reads the same words at 08:00 and at 17:00 of one day, in the dashboard and in a
reminder alike; only the due day itself is "hôm nay".
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from cchc.wording.dates import local_day


class Calendar(Protocol):
    """The part of deadlines.WorkCalendar this rule needs."""

    def working_days_between(self, a: date, b: date) -> int: ...


def working_days_left(due_at: datetime, *, today: date, cal: Calendar) -> int:
    """Count working days to the due date: > 0 left, 0 due today, < 0 overdue."""
    due = local_day(due_at)
    if due == today:
        return 0
    # Any other date is at least one day away, even across a weekend or Tết with no working day
    # between: "hôm nay" would be untrue and "0 ngày" reads as a contradiction.
    if due > today:
        return max(cal.working_days_between(today, due), 1)
    return -max(cal.working_days_between(due, today), 1)


def days_left(due_at: datetime, *, today: date, cal: Calendar) -> str:
    """Say it in a sentence: còn 3 ngày làm việc / hạn chót là hôm nay / đã quá hạn 2 …"""
    days = working_days_left(due_at, today=today, cal=cal)
    if days > 0:
        return f"còn {days} ngày làm việc"
    return "hạn chót là hôm nay" if days == 0 else f"đã quá hạn {-days} ngày làm việc"


def days_short(due_at: datetime, *, today: date, cal: Calendar) -> str:
    """Say it in a heat-map cell: còn 3 / hôm nay / quá 2."""
    days = working_days_left(due_at, today=today, cal=cal)
    if days > 0:
        return f"còn {days}"
    return "hôm nay" if days == 0 else f"quá {-days}"
