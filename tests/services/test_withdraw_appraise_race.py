"""Issue #12 case 6: a withdrawal and an appraisal of the same version sent at once: one wins."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from cchc.errors import Conflict
from models import Appraisal, SelfAssessment, Stage
from services import appraisal, self_assessment
from tests.world.scoring import open_review, scoring_campaign, submit

CODE = "test-2024"


def _ready(engine: Engine) -> None:
    """One unit submitted; its due time passed but the stage still open (grace): both may act."""
    with Session(engine) as s:
        campaign, (unit,) = scoring_campaign(s, ["a"])
        submit(s, campaign, unit, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0})
        open_review(s, campaign)


def _race(engine: Engine) -> list[str]:
    """Send the withdrawal and the accept-all at once, each in its own session; return outcomes."""
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def act(name: str, body) -> None:  # type: ignore[no-untyped-def]
        with Session(engine) as s:
            barrier.wait()
            try:
                body(s)
                s.commit()
                outcomes.append(f"{name}:ok")
            except Conflict:
                s.rollback()
                outcomes.append(f"{name}:409")

    withdraw = lambda s: self_assessment.withdraw(  # noqa: E731
        session=s, campaign_code=CODE, unit_code="a", actor="a", reason="Sửa số liệu"
    )
    accept = lambda s: appraisal.accept_all(  # noqa: E731
        session=s, campaign_code=CODE, unit_code="a", actor="snv"
    )
    threads = [threading.Thread(target=act, args=a) for a in (("w", withdraw), ("a", accept))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return sorted(outcomes)


def test_withdraw_and_appraise_at_once_exactly_one_wins(engine: Engine) -> None:
    _ready(engine)
    outcomes = _race(engine)
    assert outcomes in (["a:409", "w:ok"], ["a:ok", "w:409"]), outcomes
    with Session(engine) as s:
        statuses = [v.status for v in s.exec(select(SelfAssessment)).all()]
        appraised = s.exec(select(Appraisal)).all()
        if "w:ok" in outcomes:
            assert statuses == ["withdrawn"] and appraised == []
        else:
            assert statuses == ["submitted"] and len(appraised) == 3


def test_the_race_starts_from_a_state_where_both_acts_are_allowed(engine: Engine) -> None:
    _ready(engine)
    with Session(engine) as s:
        stage = s.exec(select(Stage).where(Stage.kind == "self_assessment")).one()
        assert stage.state == "open" and stage.due_at < datetime.now(UTC)
