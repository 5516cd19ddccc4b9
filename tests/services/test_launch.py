"""Launch through the CLI and the API: one service entry creates, schedules and audits."""

from __future__ import annotations

import asyncio
import warnings
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from cchc.errors import CchcError
from cli.main import app
from models import Campaign
from models.accounts.ops import create_user
from models.audit.log import AuditEntry
from services.launch import launch_plan
from services.schedule import schedule_campaign
from web.app import create_app

with warnings.catch_warnings():  # starlette nudges towards httpx2; the client works as is
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

runner = CliRunner()
NAME = "campaign-tick/thu-2024"


def _scheduled(engine: Engine) -> tuple[str | None, list[AuditEntry]]:
    """Return the campaign's deployment name and the audit rows that set it."""
    with Session(engine) as s:
        name = s.exec(select(Campaign.deployment_name)).one()
        rows = s.exec(select(AuditEntry).where(AuditEntry.field == "deployment_name")).all()
    return name, list(rows)


def _deployment_rrule() -> str:
    """Read the registered deployment's schedule back from the Prefect API."""
    from prefect import get_client

    async def read() -> str:
        async with get_client() as client:
            deployment = await client.read_deployment_by_name(NAME)
        return deployment.schedules[0].schedule.rrule  # type: ignore[union-attr]

    return asyncio.run(read())


@pytest.mark.prefect
def test_cli_launch_registers_the_schedule_and_audits_it(tick_pool, plan, sqlite_only):
    out = runner.invoke(app, ["--as", "snv.lan", "launch", str(plan), "--replay"])
    assert out.exit_code == 0, out.output
    assert f"Đã đăng ký lịch chạy {NAME}" in out.output
    name, audits = _scheduled(sqlite_only)
    assert name == NAME
    assert [(a.actor, a.action, a.old_value, a.new_value) for a in audits] == [
        ("snv.lan", "schedule", None, NAME)  # the person named by --as
    ]
    assert "BYDAY=MO,TU,WE,TH,FR" in _deployment_rrule()
    again = runner.invoke(app, ["schedule", "-c", "thu-2024"])
    assert again.exit_code == 0 and f"Đã đăng ký lịch chạy {NAME}" in again.output
    assert len(_scheduled(sqlite_only)[1]) == 1  # the same name again changes nothing


@pytest.mark.prefect
def test_api_launch_registers_the_schedule_through_the_same_entry(tick_pool, plan, sqlite_only):
    with Session(sqlite_only) as s:
        _user, token = create_user(session=s, name="snv", role="admin", actor="test")
        s.commit()
    with TestClient(create_app(sqlite_only)) as client:
        answer = client.post(
            "/api/campaigns",
            json={"plan": plan.name, "replay": True},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["schedule"]["registered"] is True and body["next"] is None
    assert body["schedule"]["deployment_name"] == NAME
    name, audits = _scheduled(sqlite_only)
    assert name == NAME and [(a.actor, a.new_value) for a in audits] == [("snv", NAME)]


def test_launch_without_prefect_stores_rows_and_says_the_schedule_waits(plan, sqlite_only):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        with Session(sqlite_only) as s:
            done = launch_plan(session=s, plan_path=plan, actor="test", replay=True)
            s.commit()
            with pytest.raises(CchcError, match="chưa có máy chủ Prefect"):
                schedule_campaign(session=s, campaign_code="thu-2024", actor="test", required=True)
    assert done.schedule is not None and not done.schedule.registered
    assert done.schedule.message.startswith(
        "Chưa đăng ký lịch chạy (không có máy chủ Prefect): đặt PREFECT_API_URL"
    )
    assert _scheduled(sqlite_only) == (None, [])


def test_dry_run_schedules_nothing(plan, sqlite_only):
    with Session(sqlite_only) as s:
        done = launch_plan(
            session=s, plan_path=Path(plan), actor="test", dry_run=True, replay=True
        )
    assert done.schedule is None and done.summary.dry_run
