"""Appraisal done: refused while leaves remain, lands on the right stage, closes per-unit duties."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from cchc.errors import ValidationError
from models.scoring.appraisals import accept_all, appraise_item, complete_appraisal
from tests.world.catalog import make_unit
from tests.world.scoring import SELF_SCORES, scoring_campaign, submit, submitted_unit


def test_appraisal_done_is_refused_while_leaves_remain(session: Session) -> None:
    campaign, unit = submitted_unit(session)
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

    from tests.world.campaigns import make_campaign, make_stage

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
    from tests.world.campaigns import make_stage
    from tests.world.scoring import DUE, OPENS

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
        submit(session, campaign, unit, SELF_SCORES)

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
