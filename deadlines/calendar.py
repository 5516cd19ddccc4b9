"""Vietnam's working-day calendar: weekends, public holidays (holidays.VN) and yearly overrides."""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from cchc.clock import LOCAL_TZ
from deadlines import holiday_data
from deadlines.overrides import YearOverrides, parse_overrides
from deadlines.window import end_of

ONE_DAY = timedelta(days=1)
MAX_RUN_OF_DAYS_OFF = 60  # no announced break is this long; stops a loop on broken overrides
_SUBSTITUTE = re.compile(r"(\d{2}/\d{2}/\d{4})")


@dataclass(frozen=True)
class _Year:
    """The resolved days off and weekend working days of one year."""

    days_off: dict[date, str]
    working_days: dict[date, str]


def _makeup_name(day: date, named: Mapping[date, str]) -> str:
    """Name a make-up working day after the day off that holidays.VN says it pays for."""
    for off, name in named.items():
        found = _SUBSTITUTE.search(name)
        if found and found.group(1) == f"{day:%d/%m/%Y}":
            return f"Làm bù cho ngày nghỉ {off:%d/%m/%Y}"
    return "Ngày làm việc bù"


@lru_cache(maxsize=1)
def _snapshot_is_current() -> bool:
    """Tell whether deadlines/holiday_data.py was written from the installed `holidays`."""
    return importlib.metadata.version("holidays") == holiday_data.PACKAGE_VERSION


def _package_days(years: range, language: str) -> tuple[dict[date, str], set[date]]:
    """Return holidays.VN's named days off in `years` and its weekend working days.

    Vietnamese within the snapshot's years comes from deadlines/holiday_data.py (written from
    the same package version): importing `holidays` loads every country's calendars.
    """
    data = holiday_data
    if language == "vi" and data.FIRST_YEAR <= years[0] and years[-1] <= data.LAST_YEAR:
        if _snapshot_is_current():
            named = {date.fromisoformat(d): n for d, n in data.DAYS_OFF.items()}
            named = {d: n for d, n in named.items() if d.year in years}
            return named, {date.fromisoformat(d) for d in data.WEEKEND_WORKDAYS}
    import holidays  # other languages, years or package versions: ask the package itself

    found = holidays.VN(years=years, language=language)
    return dict(found.items()), set(found.weekend_workdays)


class WorkCalendar:
    """Working days in Vietnam; years load on first use, so any date may be asked about."""

    def __init__(self, overrides: Mapping[Any, Any] | None = None, *, language: str = "vi"):
        self.language = language
        self._overrides = parse_overrides(overrides)
        self._years: dict[int, _Year] = {}

    def _year(self, year: int) -> _Year:
        """Return (and cache) the days off and make-up days of `year`."""
        if year not in self._years:
            # Neighbouring years too: a make-up day may pay for a day off across 31/12.
            named, workdays = _package_days(range(year - 1, year + 2), self.language)
            extra = self._overrides.get(year, YearOverrides())
            off = {d: n for d, n in named.items() if d.year == year} | extra.days_off
            working = {d: _makeup_name(d, named) for d in workdays if d.year == year}
            working |= extra.working_days
            self._years[year] = _Year(
                days_off={d: n for d, n in sorted(off.items()) if d not in working},
                working_days=dict(sorted(working.items())),
            )
        return self._years[year]

    def is_working_day(self, day: date) -> bool:
        """Tell whether `day` is a working day (not a weekend, not a day off, or a make-up day)."""
        year = self._year(day.year)
        if day in year.working_days:
            return True
        return day.weekday() < 5 and day not in year.days_off

    def day_off_name(self, day: date) -> str | None:
        """Return the name of a holiday or announced day off, or None."""
        return self._year(day.year).days_off.get(day)

    def days_off(self, year: int) -> list[tuple[date, str]]:
        """Return the named days off of `year` (holidays and overrides; plain weekends excluded)."""
        return list(self._year(year).days_off.items())

    def makeup_working_days(self, year: int) -> list[tuple[date, str]]:
        """Return the weekend days of `year` that are working days (make-up Saturdays)."""
        return [(d, n) for d, n in self._year(year).working_days.items() if d.weekday() >= 5]

    def _step(self, day: date, direction: int) -> date:
        """Return the nearest working day strictly after (+1) or before (-1) `day`."""
        for _ in range(MAX_RUN_OF_DAYS_OFF):
            day += direction * ONE_DAY
            if self.is_working_day(day):
                return day
        raise ValueError(f"no working day within {MAX_RUN_OF_DAYS_OFF} days of {day}")

    def next_working_day(self, day: date) -> date:
        """Return the first working day strictly after `day`."""
        return self._step(day, +1)

    def previous_working_day(self, day: date) -> date:
        """Return the last working day strictly before `day`."""
        return self._step(day, -1)

    def add_working_days(self, day: date, n: int) -> date:
        """Return the n-th working day after `day` (before it if n < 0); n == 0 returns `day`."""
        for _ in range(abs(n)):
            day = self._step(day, 1 if n > 0 else -1)
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """Count working days in (a, b] when b >= a, else minus those in [b, a)."""
        lo, hi, sign = (a, b, 1) if b >= a else (b - ONE_DAY, a - ONE_DAY, -1)
        count, day = 0, lo
        while day < hi:
            day += ONE_DAY
            count += self.is_working_day(day)
        return sign * count

    def roll_forward(self, moment: datetime) -> datetime:
        """Move a due instant on a day off to 23:59:59 of the next working day (art. 148(5))."""
        if moment.tzinfo is None:
            raise ValueError("roll_forward needs a tz-aware datetime")
        local = moment.astimezone(LOCAL_TZ)
        if self.is_working_day(local.date()):
            return local
        return end_of(self.next_working_day(local.date()))


def calendar_for(
    years: Iterable[int], overrides: Mapping[Any, Any] | None = None, *, language: str = "vi"
) -> WorkCalendar:
    """Build a WorkCalendar with `years` loaded up front (others load when first asked about)."""
    cal = WorkCalendar(overrides, language=language)
    for year in years:
        cal.days_off(year)
    return cal
