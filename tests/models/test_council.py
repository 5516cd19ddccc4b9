"""Council quorum, approval freezes the results, a new decision reopens them, publication."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from cchc.errors import Conflict, ResultsFrozen, ValidationError
from models import AuditEntry, Campaign, Fact, Result
from models.results.compute import compute_results
from models.scoring.appraisals import appraise_item
from models.scoring.approval import approve_results, publish_results, reopen_results
from models.scoring.council_sessions import record_council_session
from tests.world.scoring import scoring_campaign, submit


def _session(session: Session, campaign: Campaign, present: list[str], writing: list[str]):  # type: ignore[no-untyped-def]
    return record_council_session(
        session=session,
        campaign_id=campaign.id,
        held_on=date(2025, 1, 10),
        members_total=10,
        present=present,
        in_writing=writing,
        votes_for=len(present),
        votes_against=0,
        decision="Thông qua",
        actor="tk",
    )


def test_a_decision_needs_more_than_half_the_members(session: Session) -> None:
    campaign, _units = scoring_campaign(session, ["a"])
    assert not _session(
        session, campaign, ["1", "2", "3", "4"], ["5"]
    ).valid  # 5 of 10 is not > 50%
    assert _session(session, campaign, ["1", "2", "3", "4"], ["5", "6"]).valid
    session.commit()
    assert [f.kind for f in session.exec(select(Fact)).all()] == ["council_session_held"]
    with pytest.raises(ValidationError, match="vừa dự họp vừa gửi ý kiến"):
        _session(session, campaign, ["1", "2"], ["2"])


def test_approved_results_are_frozen_until_a_new_decision(session: Session) -> None:
    campaign, (unit,) = scoring_campaign(session, ["a"])
    submit(session, campaign, unit, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0})
    compute_results(session=session, campaign_id=campaign.id)
    approve_results(
        session=session,
        campaign_id=campaign.id,
        decision_no="123/QĐ-UBND",
        decided_on=date(2025, 2, 1),
        actor="ct",
    )
    publish_results(session=session, campaign_id=campaign.id, actor="snv")
    session.commit()
    with pytest.raises(ResultsFrozen):
        compute_results(session=session, campaign_id=campaign.id)
    with pytest.raises(ResultsFrozen):
        appraise_item(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit.id,
            item_code="1.1",
            decision="adjusted",
            score=1.0,
            reason="Sai sót",
            actor="snv",
        )
    with pytest.raises(Conflict):
        reopen_results(
            session=session,
            campaign_id=campaign.id,
            decision_no="123/QĐ-UBND",
            reason="Sai sót",
            actor="ct",
        )
    reopen_results(
        session=session,
        campaign_id=campaign.id,
        decision_no="150/QĐ-UBND",
        reason="Điều chỉnh điểm 1.1 theo kiến nghị",
        actor="ct",
    )
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
    compute_results(session=session, campaign_id=campaign.id)
    second = approve_results(
        session=session,
        campaign_id=campaign.id,
        decision_no="151/QĐ-UBND",
        decided_on=date(2025, 3, 1),
        actor="ct",
    )
    session.commit()
    assert second.supersedes_id is not None
    assert session.exec(select(Result)).one().achieved_points == 3.0
    assert session.exec(select(Campaign)).one().state == "approved"
    actions = {e.action for e in session.exec(select(AuditEntry)).all()}
    assert {
        "approve",
        "publish",
        "reopen_results",
        "appraisal_adjusted",
        "compute_results",
    } <= actions


def test_approval_needs_results_and_a_fresh_decision_number(session: Session) -> None:
    campaign, _units = scoring_campaign(session, ["a"])
    with pytest.raises(ValidationError, match="chưa tính kết quả"):
        approve_results(
            session=session,
            campaign_id=campaign.id,
            decision_no="1/QĐ",
            decided_on=date(2025, 1, 1),
            actor="ct",
        )
