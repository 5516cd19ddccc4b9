"""Calendar overrides (config/calendar.yaml): announced days off and make-up working days."""

from __future__ import annotations

from datetime import date

from pydantic import Field, RootModel, ValidationInfo, model_validator

from cchc.wording import validate as words
from config.schema.base import Problem, StrictModel, Text, report


class DayEntry(StrictModel):
    """One announced day, with its name as the announcement gives it."""

    date: date
    name: Text


class CalendarYear(StrictModel):
    """One year's announced changes to the statutory calendar."""

    days_off: list[DayEntry] = Field(default_factory=list)
    working_days: list[DayEntry] = Field(default_factory=list)


class CalendarFile(RootModel[dict[int, CalendarYear]]):
    """Overrides keyed by year ("2026": {...})."""

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> CalendarFile:
        report(check_calendar(self), info)
        return self


def check_calendar(doc: CalendarFile) -> list[Problem]:
    """Check each day lies in its year and make-up working days fall on weekends."""
    out: list[Problem] = []
    for year, body in doc.root.items():
        for kind in ("days_off", "working_days"):
            for i, entry in enumerate(getattr(body, kind)):
                loc = (year, kind, i, "date")
                if entry.date.year != year:
                    out.append(Problem(loc, words.day_not_in_year(entry.date, year)))
                elif kind == "working_days" and entry.date.weekday() < 5:
                    out.append(Problem(loc, words.weekday_already(entry.date)))
    return out
