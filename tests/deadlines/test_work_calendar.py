"""WorkCalendar: holidays.VN days off, yearly overrides, working-day arithmetic, roll-forward."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from cchc.clock import LOCAL_TZ
from cchc.errors import ConfigError
from deadlines import WorkCalendar, calendar_for

OVERRIDES = {
    "2026": {
        "days_off": [{"date": "2026-02-13", "name": "Nghỉ Tết thêm (thông báo của Chính phủ)"}],
        "working_days": [{"date": "2026-01-10", "name": "Làm bù cho ngày 13/02/2026"}],
    }
}


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return calendar_for([2024, 2026])


def test_tet_2024_days_off_present(cal: WorkCalendar) -> None:
    days = dict(cal.days_off(2024))
    for day in range(8, 15):  # 29 Tết (08/02) to mùng năm (14/02/2024)
        assert date(2024, 2, day) in days
    assert days[date(2024, 2, 10)] == "Tết Nguyên Đán"
    assert not cal.is_working_day(date(2024, 2, 8))
    assert cal.is_working_day(date(2024, 2, 15))


def test_tet_2026_days_off_present(cal: WorkCalendar) -> None:
    days = dict(cal.days_off(2026))
    for day in range(16, 21):
        assert date(2026, 2, day) in days
        assert not cal.is_working_day(date(2026, 2, day))
    assert days[date(2026, 2, 16)] == "Giao thừa Tết Nguyên Đán"
    assert cal.day_off_name(date(2026, 2, 17)) == "Tết Nguyên Đán"


def test_days_off_lists_named_days_and_not_plain_weekends(cal: WorkCalendar) -> None:
    days = dict(cal.days_off(2026))
    assert date(2026, 1, 1) in days and date(2026, 9, 2) in days and date(2026, 11, 24) in days
    assert date(2026, 1, 3) not in days  # a plain Saturday
    assert not cal.is_working_day(date(2026, 1, 3))


def test_makeup_saturday_from_holidays_package_is_working_day(cal: WorkCalendar) -> None:
    assert cal.is_working_day(date(2024, 5, 4))  # Saturday worked for Monday 29/04/2024
    assert not cal.is_working_day(date(2024, 4, 29))
    assert cal.makeup_working_days(2024) == [(date(2024, 5, 4), "Làm bù cho ngày nghỉ 29/04/2024")]


def test_override_adds_day_off_and_makeup_saturday() -> None:
    plain = calendar_for([2026])
    cal = calendar_for([2026], OVERRIDES)
    assert plain.is_working_day(date(2026, 2, 13)) and not cal.is_working_day(date(2026, 2, 13))
    assert not plain.is_working_day(date(2026, 1, 10))
    assert cal.is_working_day(date(2026, 1, 10))  # a Saturday made a working day
    assert (date(2026, 1, 10), "Làm bù cho ngày 13/02/2026") in cal.makeup_working_days(2026)
    assert dict(cal.days_off(2026))[date(2026, 2, 13)].startswith("Nghỉ Tết thêm")


def test_override_accepts_int_keys_and_date_objects() -> None:
    cal = WorkCalendar({2026: {"working_days": [{"date": date(2026, 1, 10)}]}})
    assert cal.is_working_day(date(2026, 1, 10))


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"2026": {"days_off": [{"date": "16/02/2026"}]}}, "2026.days_off[0].date"),
        ({"2026": {"days_off": [{"date": "2025-02-16"}]}}, "không thuộc năm 2026"),
        ({"2026": {"holidays": []}}, "chỉ được có các khóa"),
        ({"năm": {"days_off": []}}, "phải là một năm"),
        ({"2026": {"working_days": {"date": "2026-01-10"}}}, "phải là một danh sách"),
        ({"2026": {"working_days": ["2026-01-10"]}}, "2026.working_days[0]"),
    ],
)
def test_bad_overrides_raise_config_error_naming_path(raw: dict, problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        calendar_for([2026], raw)
    assert any(problem in p for p in caught.value.problems)


def test_add_working_days_skips_weekends_and_tet(cal: WorkCalendar) -> None:
    assert cal.add_working_days(date(2026, 2, 12), 1) == date(2026, 2, 13)
    assert cal.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)  # over Tết 2026
    assert cal.add_working_days(date(2026, 2, 23), -1) == date(2026, 2, 13)
    assert cal.add_working_days(date(2026, 2, 23), -5) == date(2026, 2, 9)
    assert cal.add_working_days(date(2026, 2, 15), 0) == date(2026, 2, 15)


def test_working_days_between_is_signed(cal: WorkCalendar) -> None:
    assert cal.working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1
    assert cal.working_days_between(date(2026, 2, 23), date(2026, 2, 13)) == -1
    assert cal.working_days_between(date(2026, 3, 2), date(2026, 3, 9)) == 5
    assert cal.working_days_between(date(2026, 3, 2), date(2026, 3, 2)) == 0


def test_next_and_previous_working_day_are_strict(cal: WorkCalendar) -> None:
    assert cal.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)
    assert cal.next_working_day(date(2026, 3, 2)) == date(2026, 3, 3)
    assert cal.previous_working_day(date(2026, 2, 23)) == date(2026, 2, 13)


def test_roll_forward_moves_due_over_tet_to_end_of_next_working_day(cal: WorkCalendar) -> None:
    due = datetime(2024, 2, 10, 23, 59, 59, tzinfo=LOCAL_TZ)  # mùng 1 Tết 2024, a Saturday
    assert cal.roll_forward(due) == datetime(2024, 2, 15, 23, 59, 59, tzinfo=LOCAL_TZ)
    assert cal.roll_forward(due).utcoffset().total_seconds() == 7 * 3600


def test_roll_forward_keeps_working_day_instant_and_reads_utc_in_local_time(
    cal: WorkCalendar,
) -> None:
    working = datetime(2026, 3, 2, 17, 0, tzinfo=LOCAL_TZ)
    assert cal.roll_forward(working) == working
    # 2026-02-22 18:00 UTC is already Monday 23/02 01:00 in Hà Nội: a working day, unchanged.
    assert cal.roll_forward(datetime(2026, 2, 22, 18, 0, tzinfo=UTC)).day == 23
    sunday = datetime(2026, 2, 22, 10, 0, tzinfo=UTC)  # Sunday 17:00 local
    assert cal.roll_forward(sunday) == datetime(2026, 2, 23, 23, 59, 59, tzinfo=LOCAL_TZ)


def test_roll_forward_refuses_naive_datetime(cal: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="tz-aware"):
        cal.roll_forward(datetime(2026, 2, 16))


def test_english_names_when_asked() -> None:
    cal = calendar_for([2026], language="en_US")
    assert dict(cal.days_off(2026))[date(2026, 9, 2)] == "National Day"
