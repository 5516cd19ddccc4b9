"""Issue #12 case 10: an amended plan with the same code becomes version N+1 of its campaign."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from sqlmodel import Session, select
from typer.testing import CliRunner

from cchc.errors import AlreadyLaunched, Conflict, PlanChanged
from cli.main import app
from models import Assignment, AuditEntry, Campaign, CampaignVersion, Fact, Notification, Stage
from models.accounts.ops import create_user
from services.extensions import extend_deadline
from services.facts import record_fact
from services.launch import launch_plan
from tests.web.conftest import TestClient
from tests.world.accounts import login_as
from tests.world.plans import stage, units_doc, write_world
from tests.world.tick import at
from web.app import create_app

runner = CliRunner()
COMMUNES = {"kinds": ["commune"]}
DEPARTMENTS = {"kinds": ["department"]}


def _stages(due_b: date) -> list[dict]:
    """Communes act in A, departments in B (whose due day the amendment moves)."""
    return [
        stage("a", "generic", "so-noi-vu", date(2024, 1, 2), date(2024, 1, 31), scope=COMMUNES),
        stage("b", "generic", "so-noi-vu", date(2024, 2, 1), due_b, scope=DEPARTMENTS),
    ]


def _original(root: Path) -> Path:
    """The plan as first launched: B due on 28/02, two communes."""
    return write_world(root, _stages(date(2024, 2, 28)), districts=1, communes=2)


def _amend(root: Path) -> Path:
    """Move B's due day to 15/03 and add a third commune to the units file."""
    path = write_world(root, _stages(date(2024, 3, 15)), districts=1, communes=2)
    units = root / "config" / "units" / "thu.yaml"
    units.write_text(
        yaml.safe_dump(units_doc(districts=1, communes=3), allow_unicode=True), encoding="utf-8"
    )
    return path


def _launch(s: Session, path: Path, **flags: bool):  # type: ignore[no-untyped-def]
    """Launch or amend as a replay (the plan is of 2024), without a Prefect schedule."""
    return launch_plan(session=s, plan_path=path, actor="snv", replay=True, schedule=False, **flags)


def _due(s: Session, stage_code: str) -> dict[str, date]:
    """Unit id → local due day of its assignment in a stage."""
    rows = s.exec(
        select(Assignment)
        .join(Stage, Stage.id == Assignment.stage_id)
        .where(Stage.code == stage_code)
    ).all()
    return {str(a.unit_id): a.due_at.date() for a in rows}


def test_amended_plan_becomes_version_2_keeping_facts_and_telling_only_affected_units(
    plan, tmp_path, sqlite_only
):
    with Session(sqlite_only) as s:
        _launch(s, _original(tmp_path))
        s.commit()
        record_fact(
            session=s,
            campaign_code="thu-2024",
            actor="snv",
            stage_code="a",
            unit_code="xa-huyen-1-1",
            document_no="01/BC",
        )
        extend_deadline(
            session=s,
            campaign_code="thu-2024",
            stage_code="b",
            unit_code="so-1",
            new_due_at=at(date(2024, 4, 1)),
            reason="lũ",
            document_no="5/CV",
            actor="snv",
        )
        s.commit()
    path = _amend(tmp_path)
    with Session(sqlite_only) as s:
        with pytest.raises(PlanChanged) as unconfirmed:
            _launch(s, path)
        assert any("Giai đoạn «Giai đoạn b»" in line for line in unconfirmed.value.problems)
        s.rollback()
        done = _launch(s, path, confirm=True)
        s.commit()
    assert done.amendment is not None and done.amendment.version == 2
    with Session(sqlite_only) as s:
        campaign = s.exec(select(Campaign)).one()
        versions = s.exec(select(CampaignVersion).order_by(CampaignVersion.number)).all()
        assert [v.number for v in versions] == [1, 2]
        assert versions[0].body["stages"][1]["due_at"].startswith("2024-02-28")
        assert versions[1].body["stages"][1]["due_at"].startswith("2024-03-15")
        assert s.exec(select(Fact).where(Fact.document_no == "01/BC")).one().campaign_id == (
            campaign.id
        )
        told = dict(
            s.exec(
                select(Notification.recipient, Notification.body).where(
                    Notification.kind == "plan_amended"
                )
            ).all()
        )
        # B's departments (but so-1, whose extension stands) and the new commune; not the others.
        assert sorted(told) == ["so-2", "so-noi-vu", "xa-huyen-1-3"]
        assert "hạn mới" in told["so-2"] and "Giai đoạn a" in told["xa-huyen-1-3"]
        dues = sorted(_due(s, "b").values())
        assert dues == [date(2024, 3, 15), date(2024, 3, 15), date(2024, 4, 1)]
        assert len(_due(s, "a")) == 3  # the new commune got its assignment in A
        audit = s.exec(select(AuditEntry).where(AuditEntry.action == "amend")).one()
        assert (audit.actor, audit.old_value, audit.new_value) == ("snv", "1", "2")
        assert "15/03/2024" in (audit.reason or "")
        _user, token = create_user(session=s, name="xem", role="viewer", actor="test")
        s.commit()
    with TestClient(create_app(sqlite_only)) as client:
        login_as(client, "xem")
        page = client.get("/campaigns/thu-2024").text
    assert "phiên bản 2" in page and 'id="versions"' in page and "15/03/2024" in page


def test_same_plan_again_is_refused_and_cli_needs_yes_off_a_terminal(plan, tmp_path, sqlite_only):
    first = _original(tmp_path)
    with Session(sqlite_only) as s:
        _launch(s, first)
        s.commit()
        with pytest.raises(AlreadyLaunched, match="không có thay đổi nào"):
            _launch(s, first)
    path = _amend(tmp_path)
    refused = runner.invoke(app, ["launch", str(path), "--replay", "--no-schedule"])
    assert refused.exit_code == 2
    assert "khác phiên bản 1 đang chạy" in refused.output and "--yes" in refused.output
    dry = runner.invoke(app, ["launch", str(path), "--replay", "--dry-run"])
    assert dry.exit_code == 0 and "sẽ tạo phiên bản 2" in dry.output
    done = runner.invoke(app, ["launch", str(path), "--replay", "--no-schedule", "--yes"])
    assert done.exit_code == 0, done.output
    assert "Đã tạo phiên bản 2 của chiến dịch thu-2024" in done.output
    with Session(sqlite_only) as s:
        assert len(s.exec(select(CampaignVersion)).all()) == 2


def test_a_published_campaign_is_not_amended(plan, tmp_path, sqlite_only):
    with Session(sqlite_only) as s:
        _launch(s, _original(tmp_path))
        s.exec(select(Campaign)).one().state = "published"
        s.commit()
    refused = "không thể điều chỉnh kế hoạch: kết quả đã được công bố"
    with Session(sqlite_only) as s, pytest.raises(Conflict, match=refused):
        _launch(s, _amend(tmp_path), confirm=True)
