"""A campaign's daily tick as an iCalendar RRule set: working days only, in local time."""

from __future__ import annotations

from datetime import date, timedelta

from deadlines.calendar import WorkCalendar

MAX_RRULE = 6500  # Prefect refuses longer rrule strings


def working_day_rrule(first: date, last: date, *, hour: int, minute: int, cal: WorkCalendar) -> str:
    """Return weekdays at hour:minute local, minus days off, plus make-up Saturdays."""
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    at = f"T{hour:02d}{minute:02d}00"
    lines = [
        f"DTSTART:{first:%Y%m%d}{at}",
        f"RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL={last:%Y%m%d}T235959",
    ]
    off = [f"{d:%Y%m%d}{at}" for d in days if d.weekday() < 5 and not cal.is_working_day(d)]
    extra = [f"{d:%Y%m%d}{at}" for d in days if d.weekday() >= 5 and cal.is_working_day(d)]
    if extra:
        lines.append("RDATE:" + ",".join(extra))
    if off:
        lines.append("EXDATE:" + ",".join(off))
    text = "\n".join(lines)
    # Too many exceptions for Prefect: plain weekdays (the tick's reminders skip days off).
    return text if len(text) <= MAX_RRULE else "\n".join(lines[:2])
