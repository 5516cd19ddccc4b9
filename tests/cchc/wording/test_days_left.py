"""Days left are working days between local calendar dates, on the campaign's calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from cchc.clock import LOCAL_TZ
from cchc.wording.dates import local_day
from cchc.wording.days_left import days_left, days_short, working_days_left
from deadlines import calendar_for

CAL = calendar_for([2024])


def due(day: date, at: time = time(23, 59, 59)) -> datetime:
    """A due instant stored as UTC, given by its local day and time."""
    return datetime.combine(day, at, LOCAL_TZ).astimezone(UTC)


@pytest.mark.parametrize(
    ("today", "due_day", "count", "long", "short"),
    [
        (date(2024, 11, 4), date(2024, 11, 8), 4, "còn 4 ngày làm việc", "còn 4"),  # Mon → Fri
        (date(2024, 11, 8), date(2024, 11, 8), 0, "hạn chót là hôm nay", "hôm nay"),
        (date(2024, 11, 8), date(2024, 11, 11), 1, "còn 1 ngày làm việc", "còn 1"),  # Fri → Mon
        (date(2024, 11, 11), date(2024, 11, 8), -1, "đã quá hạn 1 ngày làm việc", "quá 1"),
        (date(2024, 11, 13), date(2024, 11, 8), -3, "đã quá hạn 3 ngày làm việc", "quá 3"),
    ],
)
def test_days_left_counts_working_days_between_dates(today, due_day, count, long, short):
    moment = due(due_day)
    assert working_days_left(moment, today=today, cal=CAL) == count
    assert days_left(moment, today=today, cal=CAL) == long
    assert days_short(moment, today=today, cal=CAL) == short


def test_days_left_skips_tet_as_one_working_day():
    # Wed 07/02/2024 is the last working day before Tết Giáp Thìn; Thu 15/02 the first after.
    before, after = date(2024, 2, 7), date(2024, 2, 15)
    assert days_left(due(after), today=before, cal=CAL) == "còn 1 ngày làm việc"
    assert days_left(due(before), today=after, cal=CAL) == "đã quá hạn 1 ngày làm việc"


def test_days_left_says_one_day_when_only_days_off_lie_between():
    # A due day inside Tết (not rolled forward) seen the day before, or a weekend day after it:
    # not "hôm nay" (it is another date) and not "0 ngày" (a contradiction).
    assert working_days_left(due(date(2024, 2, 10)), today=date(2024, 2, 9), cal=CAL) == 1
    assert days_short(due(date(2024, 11, 8)), today=date(2024, 11, 9), cal=CAL) == "quá 1"


def test_days_left_ignores_the_hour_of_the_due_instant():
    # Due 17:00 local: at 18:00 that day it is still the due date, so "hôm nay", as at 08:00.
    moment = due(date(2024, 11, 8), time(17, 0))
    assert days_left(moment, today=date(2024, 11, 8), cal=CAL) == "hạn chót là hôm nay"


def test_days_left_reads_today_as_the_local_date():
    # 00:30 on Sat 09/11 in Vietnam is still Fri 08/11 in UTC: the local date decides.
    early_saturday = datetime(2024, 11, 8, 17, 30, tzinfo=UTC)
    today = local_day(early_saturday)
    assert today == date(2024, 11, 9)
    assert days_short(due(date(2024, 11, 8)), today=today, cal=CAL) == "quá 1"
