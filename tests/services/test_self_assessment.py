"""Self-assessment service entries: the unit's own users act; every version is kept."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from cchc.errors import Conflict, PermissionDenied
from services import self_assessment, self_assessment_read
from tests.world.people import make_user
from tests.world.scoring import OPENS, SELF_SCORES, scoring_campaign

SCORES = {code: {"score": s, "explanation": "Theo báo cáo"} for code, s in SELF_SCORES.items()}


def _target(session: Session):  # type: ignore[no-untyped-def]
    campaign, (unit, other) = scoring_campaign(session, ["so-a", "so-b"])
    return {"session": session, "campaign_code": campaign.code, "unit_code": unit.code}, unit, other


def test_save_submit_withdraw_resubmit_keeps_every_version(session: Session) -> None:
    target, unit, _other = _target(session)
    user = make_user(session, "unit", unit)
    draft = self_assessment.save_draft(**target, actor=user, scores=SCORES)
    assert (draft.status, draft.lock_version) == ("draft", 1)
    first = self_assessment.submit(**target, actor=user, received_at=OPENS)
    assert (first.status, first.submitted_by, first.late) == ("submitted", user.name, False)
    withdrawn = self_assessment.withdraw(**target, actor=user, reason="Sai số liệu")
    assert withdrawn.status == "withdrawn"
    again = self_assessment.submit(**target, actor=user, received_at=OPENS)
    assert (again.status, again.version) == ("submitted", 2)
    session.commit()
    seen = self_assessment_read.versions(**target, actor=user)
    assert [(v.version, v.status) for v, _scores in seen.versions] == [
        (2, "submitted"),
        (1, "withdrawn"),
    ]
    assert sorted(i.code for i, _s in seen.versions[0][1]) == sorted(SELF_SCORES)


def test_another_units_user_may_not_write_or_read(session: Session) -> None:
    target, _unit, other = _target(session)
    stranger = make_user(session, "unit", other)
    with pytest.raises(PermissionDenied, match="Chỉ đơn vị «so-a» được thực hiện"):
        self_assessment.save_draft(**target, actor=stranger, scores=SCORES)
    with pytest.raises(PermissionDenied, match="không có quyền xem dữ liệu"):
        self_assessment_read.versions(**target, actor=stranger)


def test_viewer_sees_no_scores_before_publication(session: Session) -> None:
    target, _unit, _other = _target(session)
    self_assessment.save_draft(**target, actor="cli", scores=SCORES)
    with pytest.raises(PermissionDenied, match="Điểm chỉ được xem sau khi công bố"):
        self_assessment_read.versions(**target, actor=make_user(session, "viewer"))


def test_stale_lock_version_is_a_conflict(session: Session) -> None:
    target, unit, _other = _target(session)
    user = make_user(session, "unit", unit)
    self_assessment.save_draft(**target, actor=user, scores=SCORES, expected_lock_version=0)
    with pytest.raises(Conflict, match="đã được người khác sửa"):
        self_assessment.save_draft(**target, actor=user, scores=SCORES, expected_lock_version=0)


def test_form_refused_submission_keeps_the_saved_draft(session: Session) -> None:
    target, unit, _other = _target(session)
    user = make_user(session, "unit", unit)
    partial = {"1.1": {"score": 1.0, "explanation": "x"}}
    with pytest.raises(Exception, match="1.2.1"):
        self_assessment.save_then_submit(
            **target, actor=user, scores=partial, expected_lock_version=None, then_submit=True
        )
    session.rollback()
    form = self_assessment_read.form(**target, actor=user)
    assert (form.newest.status, form.lock_version, sorted(form.values)) == ("draft", 1, ["1.1"])
