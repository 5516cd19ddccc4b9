"""Each stage kind opens after its dependencies, completes on its fact or its units, then closes."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from cchc.clock import frozen_at
from cchc.errors import DeadlinePassed
from models.campaign.assignments import mark_acted
from models.campaign.fact_ops import record_stage_fact
from models.campaign.facts import get_campaign
from models.campaign.tables import Stage
from tests.world.plans import launch, stage, write_world
from tests.world.tick import assignment_states, at, evaluate_on, unit_id

D = date


def _states(session: Session) -> dict[str, str]:
    return {s.code: s.state for s in session.exec(select(Stage))}


def _fact(session: Session, day: date, stage_code: str, unit: str | None = None) -> None:
    campaign = get_campaign(session=session, code="thu-2024")
    with frozen_at(at(day, 10)):
        record_stage_fact(
            session=session,
            campaign=campaign,
            stage_kind=None,
            stage_code=stage_code,
            unit_code=unit,
            document_no="01/HD-SNV",
            actor="test",
        )
    session.commit()


def _act(session: Session, day: date, unit: str, kind: str = "self_assessment") -> None:
    campaign = get_campaign(session=session, code="thu-2024")
    mark_acted(
        session=session,
        campaign_id=campaign.id,
        unit_id=unit_id(session, unit),
        stage_kind=kind,
        actor="test",
        received_at=at(day, 10),
    )
    session.commit()


LEAD_ONLY = ["guidance", "survey", "council_session", "approval", "publication", "generic"]


@pytest.mark.parametrize("kind", LEAD_ONLY)
def test_lead_stage_closes_on_its_fact_and_opens_the_next(session, tmp_path, kind):
    stages = [
        stage("buoc-1", kind, "so-noi-vu", D(2024, 1, 2), D(2024, 1, 31)),
        stage(
            "buoc-2", "generic", "so-noi-vu", D(2024, 1, 2), D(2024, 2, 29), depends_on=["buoc-1"]
        ),
    ]
    launch(session, write_world(tmp_path, stages, districts=1, communes=1))
    assert evaluate_on(session, "thu-2024", D(2024, 1, 2)).opened == ["buoc-1"]
    assert evaluate_on(session, "thu-2024", D(2024, 1, 3)).opened == []  # no fact yet
    _fact(session, D(2024, 1, 3), "buoc-1")
    report = evaluate_on(session, "thu-2024", D(2024, 1, 4))
    assert (report.closed, report.opened) == (["buoc-1"], ["buoc-2"])
    assert assignment_states(session, "buoc-1") == {"so-noi-vu": "done"}


def test_self_assessment_closes_when_window_ends_and_everyone_acted(session, tmp_path):
    stages = [
        stage(
            "tu-danh-gia",
            "self_assessment",
            "all_communes",
            D(2024, 1, 2),
            D(2024, 1, 31),
            scope={"kinds": ["commune"]},
        )
    ]
    launch(session, write_world(tmp_path, stages, districts=1, communes=2))
    evaluate_on(session, "thu-2024", D(2024, 1, 2))
    _act(session, D(2024, 1, 10), "xa-huyen-1-1")
    _act(session, D(2024, 2, 2), "xa-huyen-1-2")  # after 31/01 23:59:59: accepted, flagged late
    evaluate_on(session, "thu-2024", D(2024, 1, 15))
    assert _states(session) == {"tu-danh-gia": "open"}  # window policy: stays open to its end
    evaluate_on(session, "thu-2024", D(2024, 2, 5))
    assert _states(session) == {"tu-danh-gia": "closed"}
    assert assignment_states(session, "tu-danh-gia") == {
        "xa-huyen-1-1": "done",
        "xa-huyen-1-2": "late",
    }


def test_refuse_policy_closes_at_window_end_and_refuses_the_rest(session, tmp_path):
    stages = [
        stage(
            "tu-danh-gia",
            "self_assessment",
            "all_communes",
            D(2024, 1, 2),
            D(2024, 1, 31),
            scope={"kinds": ["commune"]},
            late="refuse",
        )
    ]
    launch(session, write_world(tmp_path, stages, districts=1, communes=2))
    evaluate_on(session, "thu-2024", D(2024, 1, 2))
    _act(session, D(2024, 1, 10), "xa-huyen-1-1")
    with pytest.raises(DeadlinePassed):
        _act(session, D(2024, 2, 1), "xa-huyen-1-2")
    session.rollback()
    assert evaluate_on(session, "thu-2024", D(2024, 2, 1)).closed == ["tu-danh-gia"]
    assert assignment_states(session, "tu-danh-gia") == {
        "xa-huyen-1-1": "done",
        "xa-huyen-1-2": "refused",
    }


def test_all_done_policy_closes_early(session, tmp_path):
    stages = [
        stage(
            "tu-danh-gia",
            "self_assessment",
            "all_communes",
            D(2024, 1, 2),
            D(2024, 1, 31),
            scope={"kinds": ["commune"]},
            close="all_done",
        )
    ]
    launch(session, write_world(tmp_path, stages, districts=1, communes=1))
    evaluate_on(session, "thu-2024", D(2024, 1, 2))
    _act(session, D(2024, 1, 5), "xa-huyen-1-1")
    assert evaluate_on(session, "thu-2024", D(2024, 1, 8)).closed == ["tu-danh-gia"]


def test_district_appraisal_completes_per_district_fact(session, tmp_path):
    stages = [
        stage(
            "tham-dinh-xa",
            "appraisal",
            "all_districts",
            D(2024, 1, 2),
            D(2024, 1, 31),
            scope={"kinds": ["district"]},
            close="all_done",
        )
    ]
    launch(session, write_world(tmp_path, stages, districts=2, communes=1))
    evaluate_on(session, "thu-2024", D(2024, 1, 2))
    _fact(session, D(2024, 1, 10), "tham-dinh-xa", unit="huyen-1")
    evaluate_on(session, "thu-2024", D(2024, 1, 11))
    assert assignment_states(session, "tham-dinh-xa") == {"huyen-1": "done", "huyen-2": "open"}
    _fact(session, D(2024, 2, 2), "tham-dinh-xa", unit="huyen-2")
    assert evaluate_on(session, "thu-2024", D(2024, 2, 5)).closed == ["tham-dinh-xa"]
    assert assignment_states(session, "tham-dinh-xa")["huyen-2"] == "late"


def test_appraisal_by_council_waits_for_its_one_fact(session, tmp_path):
    stages = [
        stage("tham-dinh-so", "appraisal", "appraisal_council", D(2024, 1, 2), D(2024, 1, 31))
    ]
    launch(session, write_world(tmp_path, stages, districts=1, communes=1))
    evaluate_on(session, "thu-2024", D(2024, 1, 2))
    assert assignment_states(session, "tham-dinh-so") == {"to-tham-dinh": "open"}
    _fact(session, D(2024, 1, 20), "tham-dinh-so")
    assert evaluate_on(session, "thu-2024", D(2024, 1, 22)).closed == ["tham-dinh-so"]


def test_window_not_started_keeps_stage_pending(session, tmp_path):
    stages = [stage("sau", "guidance", "so-noi-vu", D(2024, 3, 1), D(2024, 3, 31))]
    launch(session, write_world(tmp_path, stages, districts=1, communes=1))
    assert evaluate_on(session, "thu-2024", D(2024, 2, 29)).opened == []
    assert evaluate_on(session, "thu-2024", D(2024, 3, 1)).opened == ["sau"]


def test_accepted_late_stage_closes_after_its_grace_period_and_unblocks_the_next(session, tmp_path):
    """Due Wed 31/01/2024, grace 3 working days → Thu 1, Fri 2, Mon 5/2: closes after 05/02."""
    stages = [
        stage(
            "tu-danh-gia",
            "self_assessment",
            "all_communes",
            D(2024, 1, 2),
            D(2024, 1, 31),
            scope={"kinds": ["commune"]},
            late_grace_days=3,
        ),
        stage(
            "tong-hop",
            "generic",
            "so-noi-vu",
            D(2024, 1, 2),
            D(2024, 2, 29),
            depends_on=["tu-danh-gia"],
        ),
    ]
    launch(session, write_world(tmp_path, stages, districts=1, communes=2))
    evaluate_on(session, "thu-2024", D(2024, 1, 2))
    _act(session, D(2024, 1, 10), "xa-huyen-1-1")
    report = evaluate_on(session, "thu-2024", D(2024, 2, 5))
    assert (report.closed, _states(session)["tu-danh-gia"]) == ([], "open")  # still in grace
    report = evaluate_on(session, "thu-2024", D(2024, 2, 6))
    assert (report.closed, report.opened) == (["tu-danh-gia"], ["tong-hop"])
    assert assignment_states(session, "tu-danh-gia") == {
        "xa-huyen-1-1": "done",
        "xa-huyen-1-2": "refused",
    }


def test_late_act_within_grace_is_accepted_and_flagged(session, tmp_path):
    stages = [
        stage(
            "tu-danh-gia",
            "self_assessment",
            "all_communes",
            D(2024, 1, 2),
            D(2024, 1, 31),
            scope={"kinds": ["commune"]},
            late_grace_days=3,
        ),
    ]
    launch(session, write_world(tmp_path, stages, districts=1, communes=1))
    evaluate_on(session, "thu-2024", D(2024, 1, 2))
    evaluate_on(session, "thu-2024", D(2024, 2, 2))
    _act(session, D(2024, 2, 5), "xa-huyen-1-1")
    assert evaluate_on(session, "thu-2024", D(2024, 2, 6)).closed == ["tu-danh-gia"]
    assert assignment_states(session, "tu-danh-gia") == {"xa-huyen-1-1": "late"}
