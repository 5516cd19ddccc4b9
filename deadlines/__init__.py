"""Pure deadline functions: Vietnamese deadline phrases -> windows, and Vietnam's working days."""

from deadlines.calendar import WorkCalendar, calendar_for
from deadlines.overrides import YearOverrides, parse_overrides
from deadlines.phrases import find_deadline, find_deadlines, mentions_hour, parse_deadline
from deadlines.receipt_clock import due_from_receipt
from deadlines.reminders import reminder_dates
from deadlines.window import Window, end_of, start_of

__all__ = [
    "Window",
    "WorkCalendar",
    "YearOverrides",
    "calendar_for",
    "due_from_receipt",
    "end_of",
    "find_deadline",
    "find_deadlines",
    "mentions_hour",
    "parse_deadline",
    "parse_overrides",
    "reminder_dates",
    "start_of",
]
