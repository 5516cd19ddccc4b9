"""The campaign schedule: working days at 08:00 in Vietnam, Tết excluded, make-up Saturdays in."""

from __future__ import annotations

from datetime import date, datetime

from prefect.client.schemas.schedules import RRuleSchedule

from cchc.clock import LOCAL_TZ
from deadlines import calendar_for
from deadlines.schedule import working_day_rrule


def _runs(rrule: str) -> list[datetime]:
    rule = RRuleSchedule(rrule=rrule, timezone="Asia/Ho_Chi_Minh").to_rrule()
    return [d.astimezone(LOCAL_TZ) for d in rule]


def test_schedule_skips_tet_and_adds_make_up_saturday():
    cal = calendar_for([2024], {2024: {"working_days": [{"date": "2024-02-17", "name": "Làm bù"}]}})
    runs = _runs(working_day_rrule(date(2024, 2, 5), date(2024, 2, 20), hour=8, minute=0, cal=cal))
    days = [r.date() for r in runs]
    assert days == [
        date(2024, 2, 5),
        date(2024, 2, 6),
        date(2024, 2, 7),
        date(2024, 2, 15),
        date(2024, 2, 16),
        date(2024, 2, 17),
        date(2024, 2, 19),
        date(2024, 2, 20),
    ]
    assert {(r.hour, r.minute) for r in runs} == {(8, 0)}
