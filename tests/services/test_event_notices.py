"""Approval, publication, reopen, appraisal result, reply requested: each unit told once."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from models import Notification
from services import appraisal, approval
from tests.world.scoring import open_review, ready_to_approve, scoring_campaign, submit

CODE = "test-2024"


def _sent(session: Session, kind: str) -> list[Notification]:
    return list(session.exec(select(Notification).where(Notification.kind == kind)).all())


def test_appraisal_acts_tell_the_unit_once(session: Session) -> None:
    campaign, (unit,) = scoring_campaign(session, ["a"])
    submit(session, campaign, unit, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0})
    open_review(session, campaign)
    for _ in range(2):  # the same adjustment again asks for no second reply
        appraisal.appraise_item(
            session=session, campaign_code=CODE, unit_code="a", item_code="1.1",
            actor="snv", decision="adjusted", score=1.0, reason="Kế hoạch ban hành muộn",
        )  # fmt: skip
    (asked,) = _sent(session, "reply_requested")
    assert "tiêu chí 1.1: Kế hoạch ban hành muộn" in asked.body and asked.recipient == "a"
    for code in ("1.2.1", "1.2.2"):
        appraisal.appraise_item(
            session=session, campaign_code=CODE, unit_code="a", item_code=code,
            actor="snv", decision="accepted",
        )  # fmt: skip
    for _ in range(2):
        appraisal.complete(session=session, campaign_code=CODE, actor="snv", document_no="9/BC")
    (result,) = _sent(session, "appraisal_result")
    assert result.subject.startswith("Kết quả thẩm định") and "(9/BC)" in result.body


def test_decisions_reach_every_unit_once_with_the_province_title(session: Session) -> None:
    campaign, units = scoring_campaign(session, ["a", "b"])
    for unit in units:
        submit(session, campaign, unit, {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0})
    ready_to_approve(session, campaign)
    for _ in range(2):
        approval.approve(
            session=session, campaign_code=CODE, decision_no="1/QĐ-UBND",
            decided_on=date(2025, 1, 20), actor="ct",
        )  # fmt: skip
    approval.publish(session=session, campaign_code=CODE, actor="snv")
    approval.reopen(
        session=session, campaign_code=CODE, decision_no="2/QĐ-UBND", reason="Rà soát", actor="ct"
    )
    session.commit()
    approved, published, reopened = (
        _sent(session, k) for k in ("approval", "publication", "reopen")
    )
    assert (
        sorted(r.recipient for r in approved)
        == ["a", "b"]
        == sorted(r.recipient for r in published)
    )
    assert "Quyết định số 1/QĐ-UBND ngày 20/01/2025" in approved[0].body
    assert "UBND tỉnh" in approved[0].body and "Lý do: Rà soát" in reopened[0].body
    rows = [*approved, *published, *reopened]
    assert all(r.idempotency_key not in r.body + r.subject for r in rows)
