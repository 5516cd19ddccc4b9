"""Clock edges: 23:59:59 in Vietnam is not UTC midnight; a due day on Tết or a plain Saturday rolls
forward, a make-up working Saturday does not. Judged through the API at frozen server instants.
"""

from __future__ import annotations

import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

import config
from cchc.clock import LOCAL_TZ, frozen_at
from deadlines import parse_deadline
from models.accounts.ops import create_user
from models.scoring.self_assessments import save_draft
from tests.world.campaigns import make_campaign, make_stage
from tests.world.catalog import make_criteria_set, make_unit
from tests.world.plans import write_world
from web.app import create_app

with warnings.catch_warnings():  # starlette nudges towards httpx2; the client works as is
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow
FULL = {
    "1.1": {"score": 1.0, "explanation": "Có"},
    "1.2.1": {"score": 1.0, "explanation": "Có"},
    "1.2.2": {"score": 0.5, "explanation": "Có"},
}
SUBMIT = "/api/campaigns/test-2024/units/{unit}/self-assessment/submit"
ICT = LOCAL_TZ


def _world(engine: Engine, due: datetime, units: list[str]) -> dict[str, str]:
    """Departments with complete drafts in a stage due at `due`; return their tokens."""
    with Session(engine, expire_on_commit=False) as s:
        root = make_unit(s, "tinh", kind="province", name="UBND tỉnh Thử")
        rows = [make_unit(s, code, parent=root, name=f"Sở {code}") for code in units]
        make_criteria_set(s)
        campaign = make_campaign(s, starts=due - timedelta(days=30))
        make_stage(
            s,
            campaign,
            "tu-danh-gia",
            "self_assessment",
            opens=due - timedelta(days=20),
            due=due,
            units=rows,
        )
        s.commit()
        tokens = {}
        with frozen_at(due - timedelta(days=1)):
            for unit in rows:
                save_draft(
                    session=s, campaign_id=campaign.id, unit_id=unit.id, scores=FULL, actor="setup"
                )
                tokens[unit.code] = create_user(
                    session=s, name=unit.code, role="unit", actor="setup", unit_code=unit.code
                )[1]
        s.commit()
    return tokens


def test_deadline_at_2359_ict_is_judged_in_vietnam_not_at_utc_midnight(engine):
    due = parse_deadline("chậm nhất ngày 05/02/2024", year=2024).due_at
    assert due == datetime(2024, 2, 5, 16, 59, 59, tzinfo=UTC)  # 23:59:59 ICT
    receipts = {
        "so-a": datetime(2024, 2, 5, 23, 59, 59, 900_000, tzinfo=ICT),  # within the last second
        "so-b": datetime(2024, 2, 6, 0, 0, 0, tzinfo=ICT),  # still 5 Feb in UTC (17:00)
        "so-c": datetime(2024, 2, 5, 23, 59, 0, tzinfo=UTC),  # the end of 5 Feb in UTC
    }
    tokens = _world(engine, due, list(receipts))
    with TestClient(create_app(engine)) as client:
        answers = {}
        for unit, at in receipts.items():
            with frozen_at(at):
                answers[unit] = client.post(
                    SUBMIT.format(unit=unit), headers={"Authorization": f"Bearer {tokens[unit]}"}
                )
    assert {u: r.status_code for u, r in answers.items()} == dict.fromkeys(receipts, 200)
    assert {u: r.json()["late"] for u, r in answers.items()} == {
        "so-a": False,
        "so-b": True,
        "so-c": True,
    }
    assert answers["so-b"].json()["received_at"] == "2024-02-05T17:00:00+00:00"


def _due(tmp_path: Path, deadline: str) -> datetime:
    """The due instant `config.load_plan` gives a stage worded `deadline` (roll_forward on)."""
    stages = [
        {
            "code": "tu-danh-gia",
            "title": "Tự đánh giá",
            "kind": "self_assessment",
            "lead": "so-noi-vu",
            "deadline": deadline,
            "scope": {"kinds": ["department"]},
        }
    ]
    plan = config.load_plan(write_world(tmp_path, stages, policy={"roll_forward": True}))
    return plan.stage("tu-danh-gia").due_at.astimezone(ICT)


def test_due_day_on_tet_rolls_forward_to_the_next_working_day(tmp_path):
    # 10/02/2024 is the first day of Tết Giáp Thìn; 08/02-14/02 are days off.
    assert _due(tmp_path, "chậm nhất ngày 10/02/2024") == datetime(
        2024, 2, 15, 23, 59, 59, tzinfo=ICT
    )


def test_due_on_a_plain_saturday_rolls_to_monday(tmp_path):
    assert _due(tmp_path, "chậm nhất ngày 11/05/2024") == datetime(
        2024, 5, 13, 23, 59, 59, tzinfo=ICT
    )


def test_due_on_a_make_up_working_saturday_stays(tmp_path):
    # 04/05/2024 is worked in exchange for 29/04 (config/calendar.yaml): a working day.
    assert _due(tmp_path, "chậm nhất ngày 04/05/2024") == datetime(
        2024, 5, 4, 23, 59, 59, tzinfo=ICT
    )


def test_submission_on_the_rolled_due_day_after_tet_is_on_time(engine):
    due = datetime(2024, 2, 15, 23, 59, 59, tzinfo=ICT).astimezone(UTC)  # rolled over Tết
    receipts = {
        "so-a": datetime(2024, 2, 15, 22, 0, tzinfo=ICT),
        "so-b": datetime(2024, 2, 16, 0, 0, 1, tzinfo=ICT),
    }
    tokens = _world(engine, due, list(receipts))
    with TestClient(create_app(engine)) as client:
        late = {}
        for unit, at in receipts.items():
            with frozen_at(at):
                response = client.post(
                    SUBMIT.format(unit=unit), headers={"Authorization": f"Bearer {tokens[unit]}"}
                )
            assert response.status_code == 200, response.text
            late[unit] = response.json()["late"]
    assert late == {"so-a": False, "so-b": True}
