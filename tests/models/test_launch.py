"""Launching a plan: rows for units, criteria sets, stages and assignments; once only; dry run."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

import config
from cchc.errors import AlreadyLaunched
from models import Assignment, Campaign, CriteriaItem, CriteriaSet, Notification, OrgUnit, Stage
from models.campaign.launch import launch_campaign
from models.catalog.sync import sync_criteria_set, sync_units
from tests.world.plans import launch, stage, write_world


def _plan(tmp_path):  # type: ignore[no-untyped-def]
    stages = [
        stage("huong-dan", "guidance", "so-noi-vu", date(2024, 1, 2), date(2024, 1, 31)),
        stage(
            "tu-danh-gia",
            "self_assessment",
            "all_communes",
            date(2024, 2, 1),
            date(2024, 2, 29),
            scope={"kinds": ["commune"]},
            depends_on=["huong-dan"],
        ),
    ]
    return write_world(tmp_path, stages, districts=2, communes=3)


def test_launch_creates_campaign_stages_and_assignments(session, tmp_path):
    summary = launch(session, _plan(tmp_path))
    assert (summary.stages, summary.assignments) == (2, 7)  # 1 lead + 6 communes
    assert summary.per_stage == {"huong-dan": 1, "tu-danh-gia": 6}
    campaign = session.exec(select(Campaign)).one()
    assert campaign.policy["coordinator"] == "so-noi-vu"
    assert [s.state for s in session.exec(select(Stage).order_by(Stage.position))] == [
        "pending"
    ] * 2
    assert session.exec(select(Notification.kind)).all() == ["kickoff"] * summary.kickoff_notices


def test_second_launch_is_refused(session, tmp_path):
    launch(session, _plan(tmp_path))
    with pytest.raises(AlreadyLaunched, match="đã được triển khai"):
        launch(session, _plan(tmp_path))


def test_dry_run_counts_without_writing(session, tmp_path):
    summary = launch(session, _plan(tmp_path), dry_run=True)
    assert summary.assignments == 7 and summary.new_units == summary.units > 0
    assert session.exec(select(Campaign)).all() == []
    assert session.exec(select(OrgUnit)).all() == []


def test_bac_kan_plan_launches_with_its_criteria_sets(session):
    plan = config.load_plan("config/plans/bac-kan-2023.yaml")
    summary = launch_campaign(session=session, plan_cfg=plan, actor="test")
    session.commit()
    assert summary.stages == 15
    assert summary.per_stage["xa-tu-danh-gia"] == sum(
        u.kind == "commune" for u in plan.unit_set.units
    )
    assert len(session.exec(select(CriteriaSet)).all()) == 3
    assert session.exec(select(Assignment)).all()


def test_sync_is_idempotent(session):
    plan = config.load_plan("config/plans/bac-kan-2023.yaml")
    first = sync_units(session=session, units_cfg=plan.unit_set)
    cset = next(iter(plan.criteria.values()))
    sync_criteria_set(session=session, cset_cfg=cset)
    session.commit()
    again = sync_units(session=session, units_cfg=plan.unit_set)
    sync_criteria_set(session=session, cset_cfg=cset)
    session.commit()
    assert {c: u.id for c, u in first.items()} == {c: u.id for c, u in again.items()}
    assert len(session.exec(select(OrgUnit)).all()) == len(plan.unit_set.units)
    items = session.exec(select(CriteriaItem)).all()
    assert len({i.code for i in items}) == len(items) > 0
    parents = {i.id for i in items}
    assert all(i.parent_id in parents for i in items if i.level > 1)


def test_launch_keeps_the_plans_ranking_rules(session, tmp_path):
    stages = [stage("huong-dan", "guidance", "so-noi-vu", date(2024, 1, 2), date(2024, 1, 31))]
    policy = {"roll_forward": False, "tie_break": "appraised_points", "bands": "abcd"}
    launch(session, write_world(tmp_path, stages, policy=policy, districts=1, communes=1))
    campaign = session.exec(select(Campaign)).one()
    assert (campaign.policy["tie_break"], campaign.policy["bands"]) == ("appraised_points", "abcd")


def test_kickoff_carries_a_signed_ack_link_to_each_unit(session, tmp_path, monkeypatch):
    from cchc.settings import get_settings
    from models.campaign.ack_links import read_ack_token

    monkeypatch.setenv("CCHC_NOTIFY__BASE_URL", "https://cchc.example.vn/")
    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    try:
        launch(session, _plan(tmp_path))
        notices = session.exec(select(Notification).where(Notification.kind == "kickoff")).all()
    finally:
        get_settings.cache_clear()
    for notice in notices:
        line = notice.body.splitlines()[-1]
        assert line.startswith("Xác nhận đã nhận văn bản: https://cchc.example.vn/ack/")
        assert "ngày làm việc)." in notice.body  # the first due with working days left
        claim = read_ack_token(line.rsplit("/", 1)[1])
        assert (claim.campaign_code, claim.unit_code) == ("thu-2024", notice.recipient)
