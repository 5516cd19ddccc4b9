"""A fact is the one its stage waits for, whichever adapter records it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from cchc.clock import now
from cchc.errors import ValidationError
from models import Fact, Stage
from services.facts import record_fact
from tests.world.campaigns import make_stage
from tests.world.scoring import scoring_campaign, submit

CODE = "test-2024"


def _stages(session: Session, campaign) -> None:  # type: ignore[no-untyped-def]
    start = now()
    make_stage(session, campaign, "huong-dan", "guidance", opens=start, due=start + timedelta(1))
    make_stage(session, campaign, "tham-dinh", "appraisal", opens=start, due=start, position=5)
    session.commit()


def test_fact_of_another_kind_or_for_another_stage_kind_is_refused(session: Session) -> None:
    campaign, _units = scoring_campaign(session, ["a"])
    _stages(session, campaign)
    with pytest.raises(ValidationError, match="là loại guidance, không phải survey"):
        record_fact(
            session=session,
            campaign_code=CODE,
            actor="t",
            stage_code="huong-dan",
            stage_kind="survey",
        )
    with pytest.raises(ValidationError, match="chờ «guidance_issued», không phải «generic_done»"):
        record_fact(
            session=session,
            campaign_code=CODE,
            actor="t",
            stage_code="huong-dan",
            fact_kind="generic_done",
        )
    fact = record_fact(
        session=session, campaign_code=CODE, actor="t", stage_kind="guidance", note="đã gửi"
    )
    assert fact.kind == "guidance_issued" and fact.payload == {"note": "đã gửi"}
    assert session.get(Stage, fact.stage_id).code == "huong-dan"


def test_campaign_wide_appraisal_waits_for_every_leaf_a_units_own_does_not(
    session: Session,
) -> None:
    campaign, (unit,) = scoring_campaign(session, ["a"])
    _stages(session, campaign)
    submit(session, campaign, unit, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0})
    with pytest.raises(ValidationError, match="chưa thẩm định"):
        record_fact(session=session, campaign_code=CODE, actor="t", stage_code="tham-dinh")
    own = record_fact(
        session=session, campaign_code=CODE, actor="t", stage_code="tham-dinh", unit_code="a"
    )
    session.commit()
    assert own.kind == "appraisal_done" and own.unit_id == unit.id
    assert session.exec(select(Fact.kind).where(Fact.kind == "appraisal_done")).all() == [
        "appraisal_done"
    ]  # only the unit's own
