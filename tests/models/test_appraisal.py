"""Appraisal: accept/adjust with a reason, by the field's agency; answers; final scores."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from cchc.errors import PermissionDenied, ValidationError
from models import AuditEntry
from models.scoring.appraisal_access import appraisal_worklist, appraiser_of, can_appraise
from models.scoring.appraisals import (
    accept_all,
    appraise_item,
    complete_appraisal,
    post_message,
    record_final_score,
)
from models.scoring.council_sessions import record_council_session
from tests.world.catalog import make_unit
from tests.world.scoring import scoring_campaign, submitted_unit


def test_adjustment_needs_a_reason_and_is_audited_with_old_and_new(session: Session) -> None:
    campaign, unit = submitted_unit(session)
    with pytest.raises(ValidationError, match="1.1: điều chỉnh điểm cần điểm mới và lý do"):
        appraise_item(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit.id,
            item_code="1.1",
            decision="adjusted",
            score=1.5,
            actor="snv",
        )
    row = appraise_item(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code="1.1",
        decision="adjusted",
        score=1.5,
        reason="Kế hoạch ban hành muộn",
        actor="snv",
        appraiser_code="so-noi-vu",
    )
    session.commit()
    assert (row.self_score, row.appraised_score, row.decision) == (2.0, 1.5, "adjusted")
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "appraisal_adjusted")).one()
    assert (entry.actor, entry.field, entry.old_value, entry.new_value, entry.reason) == (
        "snv",
        "1.1",
        "2.0",
        "1.5",
        "Kế hoạch ban hành muộn",
    )
    assert entry.at is not None


def test_only_the_fields_agency_may_appraise(session: Session) -> None:
    campaign, unit = submitted_unit(session)
    assert can_appraise(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code="1.2.1",
        appraiser_code="so-noi-vu",
    )
    assert not can_appraise(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code="1.2.1",
        appraiser_code="so-tu-phap",
    )
    with pytest.raises(PermissionDenied, match="do «so-noi-vu» thẩm định"):
        appraise_item(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit.id,
            item_code="1.1",
            decision="accepted",
            actor="stp",
            appraiser_code="so-tu-phap",
        )
    assert [
        (u.code, f)
        for u, f in appraisal_worklist(
            session=session, campaign_id=campaign.id, appraiser_code="so-noi-vu"
        )
    ] == [("so-xay-dung", "1")]


def test_a_commune_is_appraised_by_its_district_in_three_tiers(session: Session) -> None:
    campaign, _units = scoring_campaign(session, [])
    district = make_unit(session, "huyen-tam-duong", kind="district")
    commune = make_unit(
        session, "xa-ban-giang", kind="commune", rank_group="department", parent=district
    )
    assert (
        appraiser_of(session=session, campaign_id=campaign.id, unit_id=commune.id, item_code="1.1")
        == "huyen-tam-duong"
    )


def test_accept_all_then_answer_then_council_final_score(session: Session) -> None:
    campaign, unit = submitted_unit(session)
    assert accept_all(session=session, campaign_id=campaign.id, unit_id=unit.id, actor="snv") == 3
    _item, answer = post_message(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code="1.2.2",
        role="unit",
        text="Báo cáo quý IV gửi đúng hạn",
        actor="sxd",
    )
    assert (answer.text, answer.role, answer.author) == (
        "Báo cáo quý IV gửi đúng hạn",
        "unit",
        "sxd",
    )
    with pytest.raises(ValidationError, match="chưa có phiên họp Hội đồng hợp lệ"):
        record_final_score(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit.id,
            item_code="1.2.2",
            score=1.0,
            reason="Chấp nhận giải trình",
            actor="hd",
        )
    record_council_session(
        session=session,
        campaign_id=campaign.id,
        held_on=date(2025, 1, 10),
        members_total=9,
        present=["a", "b", "c", "d"],
        in_writing=["e"],
        votes_for=5,
        votes_against=0,
        decision="Thông qua",
        actor="hd",
    )
    final = record_final_score(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code="1.2.2",
        score=1.0,
        reason="Chấp nhận giải trình",
        actor="hd",
    )
    session.commit()
    assert (final.appraised_score, final.final_score) == (0.5, 1.0)
    assert (
        complete_appraisal(session=session, campaign_id=campaign.id, actor="snv").kind
        == "appraisal_done"
    )


def test_no_new_self_assessment_version_after_appraisal_began(session: Session) -> None:
    from cchc.errors import Conflict
    from models.scoring.self_assessments import save_draft

    campaign, unit = submitted_unit(session)
    appraise_item(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code="1.1",
        decision="accepted",
        actor="snv",
    )
    session.commit()
    with pytest.raises(Conflict, match="đã được thẩm định"):
        save_draft(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit.id,
            scores={"1.1": 0.5},
            actor=unit.code,
        )
