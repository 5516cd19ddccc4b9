"""Appraisal service entries: scope of appraisers, the unit's reply, council final scores."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from cchc.errors import NotFound, PermissionDenied, ValidationError
from services import appraisal, appraisal_read, final_scores
from services.appraisal_reply import post_message
from tests.world.people import make_appraiser, make_user
from tests.world.scoring import open_review, submitted_unit


def _ready(session: Session):  # type: ignore[no-untyped-def]
    campaign, unit = submitted_unit(session)
    open_review(session, campaign)  # its window over (DUE is past), the appraisal stage open
    return {"session": session, "campaign_code": campaign.code, "unit_code": unit.code}, unit


def test_appraiser_accepts_and_adjusts_within_its_fields(session: Session) -> None:
    target, _unit = _ready(session)
    user = make_appraiser(session)
    assert [
        (u.code, f)
        for u, f in appraisal_read.worklist(
            session=session, campaign_code=target["campaign_code"], user=user
        )
    ] == [("so-xay-dung", ["1"])]
    item, row = appraisal.appraise_item(
        **target, item_code="1.1", actor=user, decision="adjusted", score=1.5, reason="Thiếu"
    )
    assert (item.code, row.appraised_score, row.appraiser_code) == ("1.1", 1.5, "so-noi-vu")
    assert appraisal.accept_all(**target, actor=user) == 2
    seen = appraisal_read.appraised(**target, actor=user)
    assert sorted(i.code for i, _a, _t in seen) == ["1.1", "1.2.1", "1.2.2"]
    fact = appraisal.complete(session=session, campaign_code=target["campaign_code"], actor="cli")
    assert fact.kind == "appraisal_done"


def test_an_appraiser_without_the_unit_in_scope_is_refused(session: Session) -> None:
    target, _unit = _ready(session)
    outsider = make_appraiser(session, agency="so-tai-chinh")
    with pytest.raises(PermissionDenied, match="không thuộc phạm vi thẩm định"):
        appraisal.accept_all(**target, actor=outsider)
    with pytest.raises(PermissionDenied, match="Vai trò «Đơn vị» không được phép"):
        appraisal.accept_all(**target, actor=make_user(session, "unit"))


def test_the_unit_replies_only_to_what_was_appraised_or_asked(session: Session) -> None:
    target, unit = _ready(session)
    own = make_user(session, "unit", unit)
    with pytest.raises(NotFound, match="chưa có kết quả thẩm định hay câu hỏi để giải trình"):
        post_message(**target, item_code="1.1", actor=own, text="Đã bổ sung")
    appraisal.accept_all(**target, actor="cli")
    with pytest.raises(PermissionDenied):
        post_message(**target, item_code="1.1", actor=make_user(session, "council"), text="x")
    _item, thread = post_message(**target, item_code="1.1", actor=own, text=" Đã bổ sung ")
    assert [(m.role, m.text) for m in thread] == [("unit", "Đã bổ sung")]


def test_final_score_needs_council_role_and_a_quorate_session(session: Session) -> None:
    target, _unit = _ready(session)
    appraisal.accept_all(**target, actor="cli")
    with pytest.raises(PermissionDenied):
        final_scores.record(
            **target, item_code="1.1", actor=make_appraiser(session), score=1.0, reason="x"
        )
    with pytest.raises(ValidationError, match="chưa có phiên họp Hội đồng hợp lệ"):
        final_scores.record(
            **target, item_code="1.1", actor=make_user(session, "council"), score=1.0, reason="x"
        )
