"""Issue #12 cases 1, 2, 4, 5, 7: approval, publication and scores only where the state allows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session, select

from cchc.errors import Conflict, DeadlinePassed, ValidationError
from models import Approval, AuditEntry, Campaign, CriteriaItem, Extension, Result, Stage
from models.results.snapshot import PublishedSnapshot
from models.scoring.survey.points import store_survey_points
from services import appraisal, approval, council, evidence, extensions, final_scores, results
from services.not_submitted import mark_not_submitted
from tests.world.scoring import open_review, ready_to_approve, scoring_campaign, submit

CODE = "test-2024"
FULL = {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 1.0}


def _approve(session: Session, number: str = "1/QĐ-UBND", **kw) -> Approval:  # type: ignore[no-untyped-def]
    return approval.approve(
        session=session, campaign_code=CODE, decision_no=number,
        decided_on=date(2025, 1, 20), actor="ct", **kw,
    )  # fmt: skip


def _approved(session: Session) -> Campaign:
    campaign, (unit,) = scoring_campaign(session, ["a"])
    submit(session, campaign, unit, FULL)
    ready_to_approve(session, campaign, survey=2.0)
    _approve(session)
    session.commit()
    return campaign


def test_approval_waits_for_council_submissions_appraisal_and_survey(session: Session) -> None:
    campaign, (a, _b) = scoring_campaign(session, ["a", "b"])
    submit(session, campaign, a, FULL)
    with pytest.raises(Conflict) as refused:
        _approve(session)
    assert refused.value.rule == "approval_not_ready"
    problems = "\n".join(refused.value.problems)
    for expected in ("Hội đồng", "b: chưa nộp", "a: còn 3 tiêu chí", "điều tra"):
        assert expected in problems
    session.rollback()
    assert session.exec(select(Approval)).all() == []
    assert session.exec(select(Campaign)).one().state == "running"
    with pytest.raises(Conflict) as early:
        approval.publish(session=session, campaign_code=CODE, actor="snv")
    assert early.value.rule == "publish_when_running"


def test_force_needs_a_reason_and_audits_what_was_missing(session: Session) -> None:
    campaign, (a, _b) = scoring_campaign(session, ["a", "b"])
    submit(session, campaign, a, FULL)
    with pytest.raises(ValidationError, match="--reason"):
        _approve(session, force=True)
    session.rollback()
    _approve(session, force=True, reason="Chỉ đạo của UBND tỉnh")
    session.commit()
    row = session.exec(select(AuditEntry).where(AuditEntry.action == "approve_forced")).one()
    assert "b: chưa nộp" in (row.new_value or "") and row.reason == "Chỉ đạo của UBND tỉnh"


def test_unit_marked_not_submitted_by_the_council_no_longer_holds_approval(
    session: Session,
) -> None:
    campaign, (a, _b) = scoring_campaign(session, ["a", "b"])
    submit(session, campaign, a, FULL)
    ready_to_approve(session, campaign)
    with pytest.raises(ValidationError):
        mark_not_submitted(session=session, campaign_code=CODE, unit_code="b", reason=" ",
                           actor="hd")  # fmt: skip
    with pytest.raises(Conflict, match="đã nộp"):
        mark_not_submitted(session=session, campaign_code=CODE, unit_code="a", reason="x",
                           actor="hd")  # fmt: skip
    mark_not_submitted(session=session, campaign_code=CODE, unit_code="b", reason="Không nộp",
                       actor="hd")  # fmt: skip
    assert _approve(session).decision_no == "1/QĐ-UBND"


def test_approval_freezes_survey_points_imported_after_the_last_computation(
    session: Session,
) -> None:
    campaign, (unit,) = scoring_campaign(session, ["a"])
    submit(session, campaign, unit, FULL)
    ready_to_approve(session, campaign, survey=0.0)
    results.compute(session=session, campaign_code=CODE, actor="snv")
    leaf = session.exec(select(CriteriaItem).where(CriteriaItem.method == "survey")).one()
    store_survey_points(session, campaign.id, {(unit.id, leaf.id): (2.5, 0)}, "import", "snv")
    _approve(session)
    session.commit()
    row = session.exec(select(Result)).one()
    assert row.frozen_at is not None and row.survey_points == 2.5


def test_approve_publish_reopen_are_idempotent_and_a_second_approval_is_refused(
    session: Session,
) -> None:
    _approved(session)
    assert _approve(session).decision_no == "1/QĐ-UBND"  # same number: same approval
    with pytest.raises(Conflict) as second:
        _approve(session, "201/QĐ-UBND")
    assert second.value.rule == "approve_when_approved"
    first = approval.publish(session=session, campaign_code=CODE, actor="snv").published_at
    session.commit()
    again = approval.publish(session=session, campaign_code=CODE, actor="snv").published_at
    assert again == first and len(session.exec(select(Approval)).all()) == 1
    assert len(session.exec(select(PublishedSnapshot)).all()) == 1
    assert approval.reopen(session=session, campaign_code=CODE, decision_no="5/QĐ",
                           reason="Kiến nghị", actor="ct") == 1  # fmt: skip
    assert approval.reopen(session=session, campaign_code=CODE, decision_no="5/QĐ",
                           reason="Kiến nghị", actor="ct") == 0  # fmt: skip
    assert session.exec(select(Campaign)).one().state == "running"


def test_extensions_and_council_sessions_after_approval_are_refused(session: Session) -> None:
    _approved(session)
    with pytest.raises(Conflict) as ext:
        extensions.extend_deadline(
            session=session, campaign_code=CODE, stage_code="tu-danh-gia", unit_code="a",
            new_due_at=datetime(2099, 1, 1, tzinfo=UTC), reason="x", document_no="1/SNV",
            actor="snv",
        )  # fmt: skip
    assert ext.value.rule == "extend_when_approved"
    with pytest.raises(Conflict, match="reopen"):
        council.record_session(
            session=session, campaign_code=CODE, held_on=date(2025, 2, 1), members_total=3,
            present=["1", "2"], in_writing=[], votes_for=2, votes_against=0, decision=None,
            actor="tk",
        )  # fmt: skip
    assert session.exec(select(Extension)).all() == []


def test_appraisal_waits_for_its_stage_and_a_final_submission(session: Session) -> None:
    campaign, (unit,) = scoring_campaign(session, ["a"])
    submit(session, campaign, unit, FULL)
    target = {"session": session, "campaign_code": CODE, "unit_code": "a", "item_code": "1.1"}
    with pytest.raises(Conflict) as no_stage:
        appraisal.appraise_item(**target, actor="snv", decision="accepted")
    assert no_stage.value.rule == "appraise_stage_not_open"
    open_review(session, campaign)
    extensions.extend_deadline(
        session=session, campaign_code=CODE, stage_code="tu-danh-gia", unit_code="a",
        new_due_at=datetime.now(UTC) + timedelta(days=5), reason="Thiên tai",
        document_no="9/SNV", actor="snv",
    )  # fmt: skip
    for act in (
        lambda: appraisal.appraise_item(**target, actor="snv", decision="accepted"),
        lambda: appraisal.accept_all(session=session, campaign_code=CODE, unit_code="a",
                                     actor="snv"),
        lambda: final_scores.record(**target, actor="hd", score=1.0, reason="x"),
    ):  # fmt: skip
        with pytest.raises(Conflict) as early:
            act()
        assert early.value.rule == "submission_not_final"


def test_evidence_follows_the_self_assessment_window(session: Session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    campaign, (unit,) = scoring_campaign(session, ["a"])
    stage = session.exec(select(Stage)).one()
    stage.state = "closed"
    session.add(stage)
    session.commit()
    with pytest.raises(DeadlinePassed, match="đã kết thúc"):
        evidence.upload(session=session, campaign_code=CODE, unit_code="a", actor="a",
                        filename="bao-cao.pdf", data=b"%PDF-1.4")  # fmt: skip
