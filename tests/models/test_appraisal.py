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
    record_final_score,
    respond_to_appraisal,
)
from models.scoring.council_ops import record_council_session
from tests.factories import make_unit
from tests.models.scoring_setup import scoring_campaign, submit

FULL = {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 0.5}


def _ready(session: Session):  # type: ignore[no-untyped-def]
    campaign, (unit,) = scoring_campaign(session, ["so-xay-dung"])
    submit(session, campaign, unit, FULL)
    return campaign, unit


def test_adjustment_needs_a_reason_and_is_audited_with_old_and_new(session: Session) -> None:
    campaign, unit = _ready(session)
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
    campaign, unit = _ready(session)
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
    campaign, unit = _ready(session)
    assert accept_all(session=session, campaign_id=campaign.id, unit_id=unit.id, actor="snv") == 3
    answer = respond_to_appraisal(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code="1.2.2",
        text="Báo cáo quý IV gửi đúng hạn",
        actor="sxd",
    )
    assert answer.unit_response == "Báo cáo quý IV gửi đúng hạn"
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


def test_appraisal_done_is_refused_while_leaves_remain(session: Session) -> None:
    campaign, unit = _ready(session)
    appraise_item(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit.id,
        item_code="1.1",
        decision="accepted",
        actor="snv",
    )
    with pytest.raises(ValidationError) as err:
        complete_appraisal(session=session, campaign_id=campaign.id, actor="snv")
    assert err.value.problems == ["so-xay-dung: 2 tiêu chí chưa thẩm định"]


def test_appraisal_done_lands_on_the_council_stage_not_an_open_district_stage(
    session: Session,
) -> None:
    """An open per-district appraisal stage must not take the council's campaign-wide fact."""
    from datetime import UTC, datetime

    from tests.factories import make_campaign, make_stage

    campaign = make_campaign(session, "hai-cap")
    opens, due = datetime(2024, 1, 2, tzinfo=UTC), datetime(2024, 1, 31, tzinfo=UTC)
    district_stage = make_stage(
        session, campaign, "tham-dinh-xa", "appraisal", opens=opens, due=due
    )
    district_stage.scope = {"unit_stage": True}
    council_stage = make_stage(
        session,
        campaign,
        "tham-dinh-so",
        "appraisal",
        opens=opens,
        due=due,
        state="pending",
        position=2,
    )
    session.commit()
    fact = complete_appraisal(session=session, campaign_id=campaign.id, actor="snv")
    assert fact.stage_id == council_stage.id
    named = complete_appraisal(
        session=session,
        campaign_id=campaign.id,
        actor="snv",
        stage_code="tham-dinh-xa",
        document_no="2/TD",
    )
    assert named.stage_id == district_stage.id


def test_per_unit_appraisal_duty_is_done_when_every_leaf_is_appraised(session: Session) -> None:
    """A district's duty closes once all its communes are appraised; a commune's on its own."""
    from models import Fact
    from tests.factories import make_stage
    from tests.models.scoring_setup import DUE, OPENS

    campaign, (c1, c2) = scoring_campaign(session, ["xa-1", "xa-2"])
    district = make_unit(session, "huyen-x", kind="district")
    c1.parent_id = c2.parent_id = district.id
    by_district = make_stage(
        session,
        campaign,
        "huyen-tham-dinh",
        "appraisal",
        opens=OPENS,
        due=DUE,
        units=[district],
        position=2,
    )
    by_commune = make_stage(
        session, campaign, "tham-dinh-xa", "appraisal", opens=OPENS, due=DUE, units=[c1], position=3
    )
    by_district.scope = by_commune.scope = {"unit_stage": True}
    session.commit()
    for unit in (c1, c2):
        submit(session, campaign, unit, FULL)

    def facts() -> set[tuple[str, str]]:
        rows = session.exec(select(Fact).where(Fact.kind == "appraisal_done")).all()
        names = {district.id: "huyen-x", c1.id: "xa-1", c2.id: "xa-2"}
        stages = {by_district.id: "huyen-tham-dinh", by_commune.id: "tham-dinh-xa"}
        return {(stages[f.stage_id], names[f.unit_id]) for f in rows}

    accept_all(session=session, campaign_id=campaign.id, unit_id=c1.id, actor="huyen-x")
    session.commit()
    assert facts() == {("tham-dinh-xa", "xa-1")}  # the district still has xa-2 to appraise
    accept_all(session=session, campaign_id=campaign.id, unit_id=c2.id, actor="huyen-x")
    session.commit()
    assert facts() == {("tham-dinh-xa", "xa-1"), ("huyen-tham-dinh", "huyen-x")}


def test_no_new_self_assessment_version_after_appraisal_began(session: Session) -> None:
    from cchc.errors import Conflict
    from models.scoring.self_assessments import save_draft

    campaign, unit = _ready(session)
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
