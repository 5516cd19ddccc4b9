"""Issue #12 case 8: a tick earlier than the last one sends nothing backdated, and says so."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from models import Campaign
from tests.world.plans import launch, stage, write_world
from tests.world.tick import evaluate_on, outbox_keys

DUE = date(2024, 2, 16)


def test_a_tick_earlier_than_the_last_enqueues_nothing_and_says_so(
    session: Session, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    stages = [
        stage(
            "tu-danh-gia", "self_assessment", "all_communes", date(2024, 1, 2), DUE,
            scope={"kinds": ["commune"]},
            reminders={"before": [5, 2], "overdue_every": 2, "escalate_after": 1},
        )
    ]  # fmt: skip
    launch(session, write_world(tmp_path, stages, districts=1, communes=2))
    evaluate_on(session, "thu-2024", date(2024, 1, 2))
    later = evaluate_on(session, "thu-2024", date(2024, 2, 7))  # 2 working days before
    assert later.reminders == 2 and later.backdated is None
    before = outbox_keys(session)
    earlier = evaluate_on(session, "thu-2024", date(2024, 2, 2))  # 5 days before: backdated
    assert earlier.reminders == 0 and earlier.escalations == 0
    assert earlier.backdated is not None and "sớm hơn lượt trước" in earlier.backdated
    assert outbox_keys(session) == before
    last = session.exec(select(Campaign)).one().last_tick_at
    assert last is not None and last.date() == date(2024, 2, 7)
