"""What people read: the province speaks by its title, each message links to the unit's page,
and no internal key appears in any text."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select
from typer.testing import CliRunner

from cchc.settings import get_settings
from cli.main import app
from models import Notification
from tests.world.plans import launch, stage, write_world


def test_messages_carry_the_province_title_and_a_link_but_no_key(configured, tmp_path, monkeypatch):
    monkeypatch.setenv("CCHC_NOTIFY__BASE_URL", "https://cchc.example.gov.vn/")
    get_settings.cache_clear()
    stages = [stage("huong-dan", "guidance", "so-noi-vu", date(2024, 1, 2), date(2024, 1, 31))]
    plan = write_world(tmp_path, stages, notify=["outbox://"], districts=1, communes=1)
    with Session(configured) as session:
        launch(session, plan)
    done = CliRunner().invoke(
        app, ["tick", "-c", "thu-2024", "--at", "2024-01-02T08:00", "--local"]
    )
    assert done.exit_code == 0, done.output
    with Session(configured) as session:
        rows = session.exec(select(Notification)).all()
    kickoff = next(r for r in rows if r.kind == "kickoff" and r.recipient == "so-noi-vu")
    assert "UBND tỉnh Thử triển khai Kế hoạch thử 2024" in kickoff.body
    opened = next(r for r in rows if r.kind == "stage_open")
    for row in (kickoff, opened):
        link = f"Xem chi tiết: https://cchc.example.gov.vn/campaigns/thu-2024/units/{row.recipient}"
        assert link in row.body.splitlines()
    ack = "Xác nhận đã nhận văn bản: https://cchc.example.gov.vn/ack/"
    assert kickoff.body.splitlines()[-1].startswith(ack) and opened.body.endswith("so-noi-vu")
    assert all(r.idempotency_key not in r.body + r.subject for r in rows)
    get_settings.cache_clear()
