"""Self-assessment: errors name item codes, refusals lose nothing, versions, lateness, locks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from cchc.errors import Conflict, DeadlinePassed, ScoreError
from models import Assignment, AuditEntry, SelfAssessment, SelfScore
from models.scoring.self_assessments import (
    current_submission,
    list_versions,
    save_draft,
    submit_self_assessment,
    withdraw_self_assessment,
)
from tests.world.scoring import DUE, SELF_SCORES, scoring_campaign, submit


def _draft(session: Session, campaign, unit, scores, **kw):  # type: ignore[no-untyped-def]
    return save_draft(
        session=session, campaign_id=campaign.id, unit_id=unit.id, scores=scores, actor="u", **kw
    )


def test_out_of_range_and_survey_scores_are_refused_naming_codes_and_nothing_is_lost(
    session: Session,
) -> None:
    campaign, (unit,) = scoring_campaign(session, ["so-tu-phap"])
    _draft(session, campaign, unit, {"1.1": 1.5})
    session.commit()
    with pytest.raises(ScoreError) as err:
        _draft(session, campaign, unit, {"1.1": 2.5, "2.1": 3.0, "1.2.1": 0.3, "9.9": 1, "1.2": 1})
    session.rollback()
    problems = "\n".join(err.value.problems)
    assert "1.1: điểm 2,5 ngoài khoảng 0 – 2" in problems
    assert "2.1: tiêu chí đánh giá qua điều tra xã hội học" in problems
    assert "1.2.1: điểm 0,3 không theo bước 0,5" in problems
    assert "9.9: mã tiêu chí không có" in problems
    assert "1.2: không phải tiêu chí chấm điểm" in problems
    assert [s.score for s in session.exec(select(SelfScore)).all()] == [1.5]


def test_submit_needs_every_leaf_and_an_explanation_without_evidence(session: Session) -> None:
    campaign, (unit,) = scoring_campaign(session, ["so-tu-phap"])
    _draft(
        session,
        campaign,
        unit,
        {"1.1": 2.0, "1.2.1": {"score": 1.0, "explanation": "Có 4 báo cáo"}},
    )
    with pytest.raises(ScoreError) as err:
        submit_self_assessment(session=session, campaign_id=campaign.id, unit_id=unit.id, actor="u")
    assert err.value.problems == [
        "1.1: không có tài liệu kiểm chứng, cần giải trình cách chấm điểm",
        "1.2.2: chưa chấm điểm",
    ]
    assert current_submission(session=session, campaign_id=campaign.id, unit_id=unit.id) is None


def test_submit_withdraw_resubmit_keeps_every_version_and_judges_lateness(session: Session) -> None:
    campaign, (unit,) = scoring_campaign(session, ["so-tu-phap"])
    submit(session, campaign, unit, SELF_SCORES, at=DUE - timedelta(days=1))
    withdraw_self_assessment(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        actor="u",
        reason="Sửa điểm tiêu chí 1.2.2",
    )
    _draft(session, campaign, unit, {"1.2.2": 1.0})
    late = submit_self_assessment(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        actor="u",
        received_at=DUE + timedelta(seconds=1),
    )
    session.commit()
    versions = list_versions(session=session, campaign_id=campaign.id, unit_id=unit.id)
    assert [(v.version, v.status, v.late) for v in versions] == [
        (1, "withdrawn", False),
        (2, "submitted", True),
    ]
    assert late.id == versions[1].id
    assert session.exec(select(Assignment)).one().state == "late"
    actions = [a.action for a in session.exec(select(AuditEntry)).all()]
    assert {"submit", "withdraw", "reopen", "self_score"} <= set(actions)


def test_resubmission_supersedes_the_previous_version(session: Session) -> None:
    campaign, (unit,) = scoring_campaign(session, ["so-tu-phap"])
    submit(session, campaign, unit, SELF_SCORES)
    submit(session, campaign, unit, {"1.1": 1.75})
    statuses = [
        v.status for v in list_versions(session=session, campaign_id=campaign.id, unit_id=unit.id)
    ]
    assert statuses == ["superseded", "submitted"]


def test_two_editors_of_one_draft_get_a_conflict_not_an_overwrite(session: Session) -> None:
    campaign, (unit,) = scoring_campaign(session, ["so-tu-phap"])
    first = _draft(session, campaign, unit, {"1.1": 1.0})
    session.commit()
    seen = first.lock_version
    _draft(session, campaign, unit, {"1.1": 1.25}, expected_lock_version=seen)
    session.commit()
    with pytest.raises(Conflict):
        _draft(session, campaign, unit, {"1.1": 0.5}, expected_lock_version=seen)
    session.rollback()
    assert session.exec(select(SelfScore)).one().score == 1.25


def test_closed_stage_refuses_drafts_and_submissions(session: Session) -> None:
    campaign, (unit,) = scoring_campaign(session, ["so-tu-phap"])
    session.exec(select(SelfAssessment)).all()
    from models import Stage

    stage = session.exec(select(Stage)).one()
    stage.state = "closed"
    session.add(stage)
    session.commit()
    with pytest.raises(DeadlinePassed):
        _draft(session, campaign, unit, SELF_SCORES)
