"""Vietnamese dates and times: dd/mm/yyyy, HH:MM, weekday names, always in local time."""

from __future__ import annotations

from datetime import date, datetime

from cchc.clock import to_local
from cchc.wording.numbers import DASH

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
LOCAL_NOTE = "giờ Việt Nam"  # said after every time users read, since instants are stored in UTC


def local_day(moment: datetime) -> date:
    """Return the local calendar date of an instant."""
    return to_local(moment).date()


def day(value: datetime | date | None) -> str:
    """Write a date (an instant by its local date) as dd/mm/yyyy, a dash when missing."""
    if value is None:
        return DASH
    if isinstance(value, datetime):
        value = to_local(value)
    return f"{value:%d/%m/%Y}"


def moment(value: datetime | None) -> str:
    """Write an instant in local time as dd/mm/yyyy HH:MM, a dash when missing."""
    return DASH if value is None else f"{to_local(value):%d/%m/%Y %H:%M}"


def clock_time(value: datetime) -> str:
    """Write an instant's local time of day as HH:MM:SS."""
    return f"{to_local(value):%H:%M:%S}"


def fmt_date(value: date | datetime | None) -> str:
    """Write a date as dd/mm/yyyy, an instant as dd/mm/yyyy HH:MM local (reports: empty if None)."""
    if value is None:
        return ""
    return moment(value) if isinstance(value, datetime) else day(value)


def local_moment(value: datetime) -> str:
    """Write an instant as 'dd/mm/yyyy HH:MM (giờ Việt Nam)'."""
    return f"{moment(value)} ({LOCAL_NOTE})"


def weekday(value: date) -> str:
    """Name a date's weekday: Thứ Hai … Chủ nhật."""
    return WEEKDAYS[value.weekday()]


def when(value: datetime) -> str:
    """Write an instant in local time as 'HH:MM:SS Thứ X dd/mm/yyyy'."""
    local = to_local(value)
    return f"{local:%H:%M:%S} {weekday(local)} {local:%d/%m/%Y}"
