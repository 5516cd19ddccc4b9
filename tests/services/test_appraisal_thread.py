"""The reply thread (giải trình): appraiser asks, unit replies, appraiser answers; guard rails."""

from __future__ import annotations

import unicodedata

import pytest
from sqlmodel import Session, select

from cchc.errors import Conflict, PermissionDenied, ValidationError
from models import AuditEntry
from models.campaign.tables import Stage
from services import appraisal_read
from services.appraisal_reply import post_message
from tests.world.catalog import make_unit
from tests.world.people import make_appraiser, make_user
from tests.world.scoring import open_review, submitted_unit


def _ready(session: Session):  # type: ignore[no-untyped-def]
    campaign, unit = submitted_unit(session)
    open_review(session, campaign)
    target = {"session": session, "campaign_code": campaign.code, "unit_code": unit.code}
    return target, make_user(session, "unit", unit), make_appraiser(session)


def test_appraiser_asks_unit_replies_appraiser_answers(session: Session) -> None:
    target, own, appraiser = _ready(session)
    post_message(**target, item_code="1.1", actor=appraiser, text="Quyết định ban hành ngày nào?")
    post_message(**target, item_code="1.1", actor=own, text="Ngày 15/01, đã tải lên bản chụp")
    _item, thread = post_message(**target, item_code="1.1", actor=appraiser, text="Đã nhận.")
    assert [(m.role, m.author) for m in thread] == [
        ("appraiser", appraiser.name),
        ("unit", own.name),
        ("appraiser", appraiser.name),
    ]
    assert thread[0].at <= thread[1].at <= thread[2].at and thread[0].at.tzinfo is not None
    (item, seen), = appraisal_read.threads(**target, actor=own)  # fmt: skip
    assert item.code == "1.1" and [m.text for m in seen][-1] == "Đã nhận."
    actions = session.exec(select(AuditEntry.action).where(AuditEntry.field == "1.1")).all()
    assert sorted(actions) == ["appraiser_message", "appraiser_message", "unit_response"]


def test_text_is_nfc_bounded_and_not_empty(session: Session) -> None:
    target, _own, appraiser = _ready(session)
    decomposed = unicodedata.normalize("NFD", "Giải trình thêm")
    _item, (message,) = post_message(**target, item_code="1.1", actor=appraiser, text=decomposed)
    assert message.text == unicodedata.normalize("NFC", "Giải trình thêm")
    with pytest.raises(ValidationError, match="trống"):
        post_message(**target, item_code="1.1", actor=appraiser, text="  \n ")
    with pytest.raises(ValidationError, match="dài quá 2000 ký tự"):
        post_message(**target, item_code="1.1", actor=appraiser, text="a" * 2001)


def test_only_the_unit_and_the_fields_appraisers_write(session: Session) -> None:
    target, _own, _appraiser = _ready(session)
    for outsider in (
        make_appraiser(session, agency="so-tai-chinh"),
        make_user(session, "council"),
        make_user(session, "unit", make_unit(session, "so-y-te")),
    ):
        with pytest.raises(PermissionDenied):
            post_message(**target, item_code="1.1", actor=outsider, text="Xin hỏi")


def test_no_message_once_the_appraisal_stage_closed(session: Session) -> None:
    target, own, appraiser = _ready(session)
    post_message(**target, item_code="1.1", actor=appraiser, text="Bổ sung tài liệu?")
    for stage in session.exec(select(Stage).where(Stage.kind == "appraisal")).all():
        stage.state = "closed"
        session.add(stage)
    session.commit()
    with pytest.raises(Conflict):
        post_message(**target, item_code="1.1", actor=own, text="Đã bổ sung")
