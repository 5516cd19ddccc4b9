"""The Window value: when a stage opens and the last instant it accepts work, in local time."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from cchc.clock import LOCAL_TZ

if TYPE_CHECKING:
    from deadlines.calendar import WorkCalendar

END_OF_DAY = time(23, 59, 59)


def start_of(day: date) -> datetime:
    """Return 00:00:00 of `day` in Asia/Ho_Chi_Minh."""
    return datetime.combine(day, time(0, 0, 0), LOCAL_TZ)


def end_of(day: date) -> datetime:
    """Return 23:59:59 of `day` in Asia/Ho_Chi_Minh (the last instant allowed that day)."""
    return datetime.combine(day, END_OF_DAY, LOCAL_TZ)


@dataclass(frozen=True)
class Window:
    """A stage window: opens_at..due_at (inclusive, tz-aware local), its rule and its phrase."""

    opens_at: datetime
    due_at: datetime
    rule: str
    text: str

    @classmethod
    def of_days(cls, first: date, last: date, *, rule: str, text: str) -> Window:
        """Build the window from the start of `first` to the end of `last`."""
        return cls(opens_at=start_of(first), due_at=end_of(last), rule=rule, text=text)

    def to_json(self) -> dict[str, str]:
        """Return a JSON-ready dict with ISO timestamps in +07:00."""
        return {
            "opens_at": self.opens_at.astimezone(LOCAL_TZ).isoformat(timespec="seconds"),
            "due_at": self.due_at.astimezone(LOCAL_TZ).isoformat(timespec="seconds"),
            "rule": self.rule,
            "text": self.text,
        }

    def rolled_forward(self, cal: WorkCalendar) -> Window:
        """Return the window with due_at moved off a day off (Civil Code 2015 art. 148(5))."""
        return replace(self, due_at=cal.roll_forward(self.due_at))

    def contains(self, moment: datetime) -> bool:
        """Tell whether `moment` (tz-aware) lies within opens_at..due_at, ends included."""
        return self.opens_at <= moment <= self.due_at
