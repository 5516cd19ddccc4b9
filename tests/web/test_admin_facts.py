"""POST /facts records only the fact its stage waits for; the dashboard counts only that fact."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from cchc.clock import now
from models import Campaign, Fact, Stage
from models.campaign.facts import record_fact
from models.campaign.progress import stage_progress
from tests.world.campaigns import make_stage
from web import fmt

FACTS = "/api/campaigns/test-2024/facts"


def test_fact_must_be_the_one_its_stage_waits_for(world, client, engine):
    admin = world.auth("admin")
    council = {"kind": "council_session_held", "stage_code": "huong-dan"}
    assert client.post(FACTS, json=council, headers=admin).status_code == 422
    generic = {"kind": "generic_done", "stage_code": "huong-dan"}
    assert client.post(FACTS, json=generic, headers=admin).status_code == 422
    guidance = {"kind": "guidance_issued", "stage_code": "huong-dan", "note": "đã gửi"}
    answer = client.post(FACTS, json=guidance, headers=admin)
    assert answer.status_code == 201 and answer.json()["kind"] == "guidance_issued"
    with Session(engine) as s:
        kinds = [f.kind for f in s.exec(select(Fact)).all()]
        assert kinds == ["guidance_issued"]
        assert s.exec(select(Fact)).one().payload == {"note": "đã gửi"}


def test_appraisal_done_goes_to_the_named_stage(world, client, engine):
    with Session(engine, expire_on_commit=False) as s:
        start = now()
        for i, code in enumerate(["tham-dinh-1", "tham-dinh-2"]):
            make_stage(s, world.campaign, code, "appraisal", opens=start, due=start, position=5 + i)
        s.commit()
    body = {"kind": "appraisal_done", "stage_code": "tham-dinh-2"}
    answer = client.post(FACTS, json=body, headers=world.auth("admin"))
    assert answer.status_code == 201, answer.text
    with Session(engine) as s:
        fact = s.exec(select(Fact).where(Fact.kind == "appraisal_done")).one()
        assert s.get(Stage, fact.stage_id).code == "tham-dinh-2"


def test_stage_has_its_fact_only_of_its_own_kind(world, engine):
    with Session(engine) as s:
        guidance = s.exec(select(Stage).where(Stage.code == "huong-dan")).one()
        camp_id = world.campaign.id
        record_fact(
            session=s, campaign_id=camp_id, kind="generic_done", actor="t", stage_id=guidance.id
        )
        s.commit()
        has = {p.stage.code: p.has_fact for p in stage_progress(session=s, campaign_id=camp_id)}
        assert has["huong-dan"] is False  # a fact of another kind does not finish it
        record_fact(session=s, campaign_id=camp_id, kind="guidance_issued", actor="t")
        s.commit()
        has = {p.stage.code: p.has_fact for p in stage_progress(session=s, campaign_id=camp_id)}
        assert has["huong-dan"] is True  # an unaddressed fact of its kind counts


def test_working_days_follow_the_campaigns_own_calendar():
    start = datetime(2024, 10, 1, 1, tzinfo=UTC)
    at = datetime(2024, 11, 4, 2, tzinfo=UTC)  # Monday, Vietnam time
    due = datetime(2024, 11, 8, 16, 59, 59, tzinfo=UTC)  # Friday 23:59:59, Vietnam time
    plain = Campaign(starts_at=start, ends_at=start + timedelta(days=90), policy={})
    days_off = {"2024": {"days_off": [{"date": "2024-11-06", "name": "Nghỉ"}]}}
    announced = Campaign(
        starts_at=start, ends_at=start + timedelta(days=90), policy={"calendar": days_off}
    )
    assert fmt.working_days(due, plain, at) == 4
    assert fmt.working_days(due, announced, at) == 3
    assert fmt.days_left(due, announced, at) == "còn 3 ngày làm việc"
