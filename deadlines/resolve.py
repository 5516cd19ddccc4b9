"""Turn captured date and month tokens into calendar days, inferring omitted years from context."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NoReturn

from cchc.errors import DeadlinePhraseError
from deadlines.patterns import DATE_TOKEN, MONTH_TOKEN

DayFn = Callable[[int], date]  # year -> a day


@dataclass(frozen=True)
class Context:
    """What the parser knows besides the phrase: the quoted text, a default year, a lower bound."""

    text: str
    year: int | None = None
    after: date | None = None

    def fail(self, why: str) -> NoReturn:
        """Raise DeadlinePhraseError quoting the phrase."""
        raise DeadlinePhraseError(f'Không đọc được thời hạn "{self.text}": {why}.')

    def day(self, year: int, month: int, day: int) -> date:
        """Return the date or fail naming the impossible day."""
        if not 1 <= month <= 12:
            self.fail(f"tháng {month} không có thật")
        try:
            return date(year, month, day)
        except ValueError:
            self.fail(f"ngày {day:02d}/{month:02d}/{year} không có thật")

    def last_day(self, year: int, month: int) -> date:
        """Return the last day of the month or fail naming the month."""
        first = self.day(year, month, 1)
        return first.replace(day=calendar.monthrange(year, month)[1])

    def anchor_year(self, first: DayFn) -> int:
        """Pick the year for a phrase without one: `year`, else `after`'s, moved on past `after`."""
        base = self.year if self.year is not None else (self.after.year if self.after else None)
        if base is None:
            self.fail("không ghi năm; hãy cho biết năm (year=..., --year)")
        # A sequence "Tháng 12/2023 … Tháng 01" must not go back before the month of `after`.
        if self.after is not None and first(base) < self.after.replace(day=1):
            return base + 1
        return base


def date_parts(token: str) -> tuple[int, int | None, int | None]:
    """Read a date token into (day, month or None, year or None); 2-digit years are 20yy."""
    found = DATE_TOKEN.fullmatch(token.strip())
    if found is None:  # the patterns only capture readable tokens
        raise AssertionError(token)
    month = found["lm"] or found["m"]
    year = found["ly"] or found["ly2"] or found["y"]
    if year is not None and len(year) == 2:
        year = "20" + year
    return int(found["d"]), int(month) if month else None, int(year) if year else None


def month_parts(token: str) -> tuple[int, int | None]:
    """Read a month token into (month, year or None)."""
    found = MONTH_TOKEN.fullmatch(token.strip())
    if found is None:
        raise AssertionError(token)
    year = found["y"] or found["y2"]
    return int(found["m"]), int(year) if year else None


def resolve_single(
    days: Callable[[int], tuple[date, date]], year: int | None, ctx: Context
) -> tuple[date, date]:
    """Return (first, last) for a one-year form, inferring the year from the first day if absent."""
    if year is None:
        year = ctx.anchor_year(lambda y: days(y)[0])
    return days(year)


def resolve_span(
    start: DayFn, y1: int | None, end: DayFn, y2: int | None, ctx: Context
) -> tuple[date, date]:
    """Return (first, last) of a range whose ends may omit the year (it may cross 31/12)."""
    if y1 is not None and y2 is not None:
        first, last = start(y1), end(y2)
    elif y2 is not None:
        last = end(y2)
        first = start(y2) if start(y2) <= last else start(y2 - 1)
    else:
        year = y1 if y1 is not None else ctx.anchor_year(start)
        first = start(year)
        last = end(year) if end(year) >= first else end(year + 1)
    if first > last:
        ctx.fail("ngày kết thúc đứng trước ngày bắt đầu")
    return first, last


def previous_month(year: int, month: int) -> tuple[int, int]:
    """Return (year, month) of the month before."""
    return (year - 1, 12) if month == 1 else (year, month - 1)


def day_before(day: date) -> date:
    """Return the calendar day before `day`."""
    return day - timedelta(days=1)
