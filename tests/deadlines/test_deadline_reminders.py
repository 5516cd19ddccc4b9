"""reminder_dates: N working days before due, then every K working days overdue."""

from __future__ import annotations

from datetime import date

import pytest

from deadlines import calendar_for, reminder_dates

CAL = calendar_for([2026])


def test_reminders_before_and_overdue_skip_tet() -> None:
    got = reminder_dates(
        date(2026, 2, 23), before=[5, 2], overdue_every=2, until=date(2026, 3, 4), cal=CAL
    )
    assert got == [
        (date(2026, 2, 9), "before-5"),
        (date(2026, 2, 12), "before-2"),  # 13/02 is the last working day before Tết
        (date(2026, 2, 25), "overdue-2"),
        (date(2026, 2, 27), "overdue-4"),
        (date(2026, 3, 3), "overdue-6"),
    ]


def test_reminders_stop_at_until_and_all_land_on_working_days() -> None:
    got = reminder_dates(
        date(2026, 4, 29), before=[2, 5], overdue_every=3, until=date(2026, 5, 12), cal=CAL
    )
    assert all(CAL.is_working_day(d) and d <= date(2026, 5, 12) for d, _ in got)
    assert [occasion for _, occasion in got] == ["before-5", "before-2", "overdue-3", "overdue-6"]
    assert got[2] == (date(2026, 5, 6), "overdue-3")  # 30/4, 1/5 off; 2-3/5 weekend


def test_reminders_without_overdue_and_before_after_until() -> None:
    due = date(2026, 3, 10)
    got = reminder_dates(due, before=[2, 5], overdue_every=0, until=date(2026, 3, 5), cal=CAL)
    assert got == [(date(2026, 3, 3), "before-5")]  # before-2 (06/03) is after until
    far = reminder_dates(due, before=[2], overdue_every=0, until=date(2026, 12, 31), cal=CAL)
    assert far == [(date(2026, 3, 6), "before-2")]


@pytest.mark.parametrize(("before", "every"), [([0], 2), ([-1], 2), ([2], -1)])
def test_reminders_refuse_bad_offsets(before: list[int], every: int) -> None:
    with pytest.raises(ValueError):
        reminder_dates(
            date(2026, 3, 10), before=before, overdue_every=every, until=date(2026, 4, 1), cal=CAL
        )
