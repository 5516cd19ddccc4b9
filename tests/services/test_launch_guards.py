"""Issue #12 case 9: launch refuses plans that would run wrong, naming what to fix, all at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from sqlmodel import Session, select
from typer.testing import CliRunner

from cchc.errors import ValidationError
from cli.main import app
from models import Campaign
from services.launch import launch_plan
from tests.world.plans import stage, write_world

runner = CliRunner()
COMMUNES = {"kinds": ["commune"]}


def _world(root: Path, *, year: int = 2024, tiers: int = 3, **first: object) -> Path:
    """Write a plan whose scored stage has no criteria set, of the given year and tiers."""
    stages = [
        stage("huong-dan", "guidance", "so-noi-vu", date(2024, 1, 2), date(2024, 1, 31), **first),
        stage(
            "tu-danh-gia",
            "self_assessment",
            "so-noi-vu",
            date(2024, 2, 1),
            date(2024, 2, 28),
            scope=COMMUNES,
        ),
    ]
    path = write_world(root, stages, tiers=tiers, districts=1, communes=1)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["year"] = year
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


def test_dry_run_lists_every_guard_rail_and_exits_2(plan, tmp_path):
    path = _world(tmp_path, needs_review=True, review_notes=["dòng 12: hạn không rõ"])
    out = runner.invoke(app, ["launch", str(path), "--dry-run"])
    assert out.exit_code == 2, out.output
    text = " ".join(out.output.split())
    assert "giai đoạn «huong-dan» còn đánh dấu needs_review (dòng 12: hạn không rõ)" in text
    assert "mọi hạn của kế hoạch đã qua" in text and "--replay" in text
    assert "giai đoạn «tu-danh-gia» (tự đánh giá) cần chấm điểm" in text
    assert "thêm criteria_sets" in text and "config/plans/thu-2024.yaml" in text


def test_launch_refuses_and_stores_nothing(plan, tmp_path, sqlite_only):
    path = _world(tmp_path)
    with Session(sqlite_only) as s, pytest.raises(ValidationError) as refused:
        launch_plan(session=s, plan_path=path, actor="test", replay=True)
    problems = refused.value.problems  # a replay passes the past deadlines but nothing else
    assert len(problems) == 1 and "«tu-danh-gia» (tự đánh giá) cần chấm điểm" in problems[0]
    with Session(sqlite_only) as s:
        assert s.exec(select(Campaign)).all() == []


@pytest.mark.parametrize(("year", "tiers", "says"), [(2026, 3, "3 cấp"), (2024, 2, "2 cấp")])
def test_units_file_of_the_wrong_tier_for_the_year_is_refused(
    plan, tmp_path, sqlite_only, year, tiers, says
):
    path = _world(tmp_path, year=year, tiers=tiers)
    with Session(sqlite_only) as s, pytest.raises(ValidationError) as refused:
        launch_plan(session=s, plan_path=path, actor="test", replay=True)
    tier = [p for p in refused.value.problems if "tệp đơn vị" in p]
    assert len(tier) == 1 and f"dùng tệp đơn vị «thu» {says}" in tier[0]


def test_a_past_plan_launches_only_as_a_replay(plan, sqlite_only):
    with Session(sqlite_only) as s, pytest.raises(ValidationError, match="mọi hạn"):
        launch_plan(session=s, plan_path=plan, actor="test", schedule=False)
    with Session(sqlite_only) as s:
        done = launch_plan(session=s, plan_path=plan, actor="test", schedule=False, replay=True)
        s.commit()
    assert done.summary is not None and done.summary.campaign == "thu-2024"
