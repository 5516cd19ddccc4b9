"""Escalations go up the hierarchy as one digest per recipient per day; extensions move them."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from cchc.clock import frozen_at
from models import Notification
from models.campaign.extensions import extend_unit
from tests.world.plans import launch, stage, write_world
from tests.world.tick import assignment_states, at, evaluate_on, outbox_keys

D = date
DUE = D(2024, 1, 31)  # a Wednesday


def _plan(tmp_path, tiers: int = 3):  # type: ignore[no-untyped-def]
    stages = [
        stage(
            "xa-tu-danh-gia",
            "self_assessment",
            "all_communes",
            D(2024, 1, 2),
            DUE,
            scope={"kinds": ["commune"]},
        ),
        stage(
            "so-tu-danh-gia",
            "self_assessment",
            "so-noi-vu",
            D(2024, 1, 2),
            DUE,
            scope={"kinds": ["department"]},
        ),
    ]
    return write_world(tmp_path, stages, tiers=tiers, districts=2, communes=3, departments=2)


def _digests(session: Session, day: date) -> dict[str, str]:
    rows = session.exec(
        select(Notification).where(
            Notification.kind == "escalation", Notification.occasion == day.isoformat()
        )
    ).all()
    return {r.recipient: r.body for r in rows}


def test_overdue_communes_escalate_to_their_district_once_a_day(session, tmp_path):
    launch(session, _plan(tmp_path))
    evaluate_on(session, "thu-2024", D(2024, 1, 2))
    assert evaluate_on(session, "thu-2024", D(2024, 1, 31), hour=23).escalations == 0  # not late
    report = evaluate_on(session, "thu-2024", D(2024, 2, 1))  # escalate_after: 1 working day
    digests = _digests(session, D(2024, 2, 1))
    # 2 districts (3 communes each) + Sở Nội vụ (departments' lead) + UBND tỉnh (for Sở Nội vụ)
    assert report.escalations == 4
    assert set(digests) == {"huyen-1", "huyen-2", "so-noi-vu", "ubnd-tinh"}
    assert digests["huyen-1"].count("\n- ") == 3 and "quá hạn 1 ngày làm việc" in digests["huyen-1"]
    assert "Sở số 1" in digests["so-noi-vu"] and "Sở Nội vụ" in digests["ubnd-tinh"]
    # The same day again: nothing new; the next working day: a new digest each.
    assert evaluate_on(session, "thu-2024", D(2024, 2, 1), hour=15).escalations == 0
    assert evaluate_on(session, "thu-2024", D(2024, 2, 3)).escalations == 0  # Saturday
    assert evaluate_on(session, "thu-2024", D(2024, 2, 5)).escalations == 4


def test_two_tier_communes_escalate_to_the_province(session, tmp_path):
    launch(session, _plan(tmp_path, tiers=2))
    evaluate_on(session, "thu-2024", D(2024, 1, 2))
    evaluate_on(session, "thu-2024", D(2024, 2, 2))
    digests = _digests(session, D(2024, 2, 2))
    assert set(digests) == {"ubnd-tinh", "so-noi-vu"}
    assert digests["ubnd-tinh"].count("UBND xã") == 3  # all communes, in one digest


def test_extension_stops_escalation_and_moves_reminders(session, tmp_path):
    launch(session, _plan(tmp_path))
    evaluate_on(session, "thu-2024", D(2024, 1, 2))
    evaluate_on(session, "thu-2024", D(2024, 2, 1))
    assert "UBND xã 1 (huyen-1)" in _digests(session, D(2024, 2, 1))["huyen-1"]
    with frozen_at(at(D(2024, 2, 1), 9)):
        extend_unit(
            session=session,
            campaign_code="thu-2024",
            stage_code="xa-tu-danh-gia",
            unit_code="xa-huyen-1-1",
            new_due_at=at(D(2024, 2, 16), 23),
            reason="Thiên tai",
            document_no="12/UBND-NV",
            actor="test",
        )
    session.commit()
    assert assignment_states(session, "xa-tu-danh-gia")["xa-huyen-1-1"] == "open"
    evaluate_on(session, "thu-2024", D(2024, 2, 2))
    assert "UBND xã 1 (huyen-1)" not in _digests(session, D(2024, 2, 2))["huyen-1"]
    evaluate_on(session, "thu-2024", D(2024, 2, 7))  # 2 working days before 16/02 (Tết between)
    assert "thu-2024:xa-tu-danh-gia:xa-huyen-1-1:reminder:before-2@2024-02-16" in outbox_keys(
        session
    )


def test_rerun_of_a_whole_evaluation_enqueues_nothing_new(session, tmp_path):
    launch(session, _plan(tmp_path))
    for day in (D(2024, 1, 2), D(2024, 1, 29), D(2024, 2, 2)):
        evaluate_on(session, "thu-2024", day)
        before = outbox_keys(session)
        again = evaluate_on(session, "thu-2024", day)
        assert outbox_keys(session) == before
        assert (again.notices, again.reminders, again.escalations) == (0, 0, 0)
