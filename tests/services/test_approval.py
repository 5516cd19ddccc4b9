"""Approval computes the results it freezes; approved results are read, never recomputed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from cchc.errors import ResultsFrozen
from models import AuditEntry, Result
from models.scoring.appraisals import appraise_item
from services import approval, results
from tests.world.scoring import ready_to_approve, scoring_campaign, submit

CODE = "test-2024"


def _computations(session: Session) -> int:
    rows = session.exec(select(AuditEntry).where(AuditEntry.action == "compute_results")).all()
    return len(rows)


def test_approve_freezes_results_computed_after_the_last_score_change(session: Session) -> None:
    campaign, (unit,) = scoring_campaign(session, ["a"])
    submit(session, campaign, unit, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0})
    results.compute(session=session, campaign_code=CODE, actor="snv")
    appraise_item(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code="1.1",
        decision="adjusted",
        score=1.0,
        reason="Kế hoạch ban hành muộn",
        actor="snv",
    )
    ready_to_approve(session, campaign)
    approval.approve(
        session=session,
        campaign_code=CODE,
        decision_no="1/QĐ-UBND",
        decided_on=date(2025, 1, 20),
        actor="ct",
    )
    session.commit()
    row = session.exec(select(Result)).one()
    assert row.frozen_at is not None and row.achieved_points == 3.0


def test_approved_results_are_read_as_frozen_and_not_recomputed(session: Session) -> None:
    campaign, (unit,) = scoring_campaign(session, ["a"])
    submit(session, campaign, unit, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0})
    assert [
        r.unit_code
        for r in results.current_results(session=session, campaign_code=CODE, actor="snv")
    ] == ["a"]
    ready_to_approve(session, campaign)
    approval.approve(
        session=session,
        campaign_code=CODE,
        decision_no="2/QĐ-UBND",
        decided_on=date(2025, 1, 20),
        actor="ct",
    )
    session.commit()
    before = _computations(session)
    assert len(results.current_results(session=session, campaign_code=CODE, actor="snv")) == 1
    assert _computations(session) == before
    with pytest.raises(ResultsFrozen):
        results.compute(session=session, campaign_code=CODE, actor="snv")
