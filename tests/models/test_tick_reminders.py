"""Reminders on working-day offsets: across Tết, with a make-up Saturday, only to units not done."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session

from cchc.clock import frozen_at
from models.campaign.assignments import mark_acted
from models.campaign.facts import get_campaign
from tests.world.plans import launch, stage, write_world
from tests.world.tick import at, evaluate_on, outbox_keys, unit_id

DUE = date(2024, 2, 16)  # Tết 2024: 08/02 - 14/02 are days off


def _world(session: Session, tmp_path, calendar: dict | None = None) -> None:  # type: ignore[no-untyped-def]
    stages = [
        stage(
            "tu-danh-gia",
            "self_assessment",
            "all_communes",
            date(2024, 1, 2),
            DUE,
            scope={"kinds": ["commune"]},
            reminders={"before": [5, 2], "overdue_every": 2, "escalate_after": 1},
        )
    ]
    launch(session, write_world(tmp_path, stages, districts=1, communes=2), calendar=calendar)


def _reminder_days(session: Session, first: date, last: date) -> dict[date, int]:
    """Tick every calendar day; return the days on which reminders were enqueued."""
    found = {}
    day = first
    while day <= last:
        sent = evaluate_on(session, "thu-2024", day).reminders
        if sent:
            found[day] = sent
        day += timedelta(days=1)
    return found


def test_reminders_skip_tet_days_off(session, tmp_path):
    _world(session, tmp_path)
    evaluate_on(session, "thu-2024", date(2024, 1, 2))
    days = _reminder_days(session, date(2024, 1, 29), DUE)
    # 5 working days before 16/02 across Tết is Friday 02/02; 2 before is Wednesday 07/02.
    assert days == {date(2024, 2, 2): 2, date(2024, 2, 7): 2}
    assert outbox_keys(session, "reminder") == sorted(
        f"thu-2024:tu-danh-gia:xa-huyen-1-{n}:reminder:{k}@2024-02-16"
        for k in ("before-2", "before-5")
        for n in (1, 2)
    )


def test_make_up_saturday_counts_as_working_day(session, tmp_path):
    calendar = {2024: {"working_days": [{"date": "2024-02-03", "name": "Làm bù"}]}}
    _world(session, tmp_path, calendar)
    evaluate_on(session, "thu-2024", date(2024, 1, 2))
    days = _reminder_days(session, date(2024, 1, 29), DUE)
    assert set(days) == {date(2024, 2, 3), date(2024, 2, 7)}


def test_units_that_acted_get_no_reminder(session, tmp_path):
    _world(session, tmp_path)
    evaluate_on(session, "thu-2024", date(2024, 1, 2))
    campaign = get_campaign(session=session, code="thu-2024")
    with frozen_at(at(date(2024, 1, 10))):
        mark_acted(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit_id(session, "xa-huyen-1-1"),
            stage_kind="self_assessment",
            actor="test",
        )
    session.commit()
    _reminder_days(session, date(2024, 1, 29), date(2024, 2, 22))
    keys = outbox_keys(session, "reminder") + outbox_keys(session, "overdue")
    assert keys and all("xa-huyen-1-2" in k for k in keys)


def test_overdue_notices_every_two_working_days(session, tmp_path):
    _world(session, tmp_path)
    evaluate_on(session, "thu-2024", date(2024, 1, 2))
    days = _reminder_days(session, date(2024, 2, 17), date(2024, 2, 23))
    assert set(days) == {date(2024, 2, 20), date(2024, 2, 22)}
    assert outbox_keys(session, "overdue")[0].endswith(":overdue:overdue-2@2024-02-16")


def test_due_day_reminder_is_a_reminder_not_an_overdue_notice(session, tmp_path):
    stages = [
        stage(
            "tu-danh-gia",
            "self_assessment",
            "all_communes",
            date(2024, 1, 2),
            DUE,
            scope={"kinds": ["commune"]},
            reminders={"before": [2, 0], "overdue_every": 2, "escalate_after": 1},
        )
    ]
    launch(session, write_world(tmp_path, stages, districts=1, communes=1))
    evaluate_on(session, "thu-2024", date(2024, 1, 2))
    evaluate_on(session, "thu-2024", DUE)
    assert outbox_keys(session, "reminder")[-1].endswith(":reminder:due-day@2024-02-16")
    assert outbox_keys(session, "overdue") == []
