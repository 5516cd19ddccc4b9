"""deadlines/holiday_data.py is what the pinned `holidays` package says, year by year."""

from __future__ import annotations

import importlib.metadata
from datetime import date

import holidays
import pytest

from deadlines import calendar, holiday_data
from deadlines.calendar import WorkCalendar

YEARS = range(holiday_data.FIRST_YEAR + 1, holiday_data.LAST_YEAR)


def test_the_snapshot_was_written_from_the_installed_package():
    assert holiday_data.PACKAGE_VERSION == importlib.metadata.version("holidays")


@pytest.mark.parametrize("year", [2018, 2024, 2025, 2026, 2030])
def test_snapshot_days_equal_the_package_days(year):
    years = range(year - 1, year + 2)
    found = holidays.VN(years=years, language="vi")
    named, workdays = calendar._package_days(years, "vi")
    assert named == dict(found.items())
    assert {d for d in workdays if d.year in years} == {
        d for d in found.weekend_workdays if d.year in years
    }


def test_every_year_of_the_snapshot_gives_the_same_calendar_as_the_package(monkeypatch):
    from_snapshot = calendar.calendar_for(YEARS)  # loaded now, while the snapshot is current
    monkeypatch.setattr(holiday_data, "PACKAGE_VERSION", "not-installed")
    calendar._snapshot_is_current.cache_clear()
    try:
        from_package = WorkCalendar()
        assert not calendar._snapshot_is_current()
        for year in YEARS:
            assert from_snapshot.days_off(year) == from_package.days_off(year), year
            assert from_snapshot.makeup_working_days(year) == from_package.makeup_working_days(
                year
            ), year
    finally:
        calendar._snapshot_is_current.cache_clear()


def test_tet_2025_and_its_makeup_saturday_from_the_snapshot():
    cal = WorkCalendar()
    assert cal.day_off_name(date(2025, 1, 29)) == "Tết Nguyên Đán"
    assert not cal.is_working_day(date(2025, 1, 27))
    assert (date(2025, 4, 26), "Làm bù cho ngày nghỉ 02/05/2025") in cal.makeup_working_days(2025)
