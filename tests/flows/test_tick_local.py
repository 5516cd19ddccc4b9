"""`cchc tick --local` and the campaign-tick flow run one sequence: the same outbox, row for row."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from cchc.clock import frozen_at
from cchc.db import make_engine
from cchc.settings import get_settings
from cli.main import app
from flows.campaign_tick import campaign_tick
from models import Notification
from models.db_init import init_db
from tests.flows.receivers import http_receiver
from tests.world.plans import launch, stage, write_world

pytestmark = pytest.mark.prefect
AT = datetime(2024, 1, 2, 1, 0, tzinfo=UTC)  # 08:00 in Vietnam, a Tuesday
LOCAL_AT = "2024-01-02T08:00"  # the same instant as `cchc tick --at` reads it (Vietnam time)


def _plan(tmp_path: Path, url: str) -> Path:
    """Two stages opening at AT: kick-offs, open notices for the lead and every commune."""
    stages = [
        stage("huong-dan", "guidance", "so-noi-vu", date(2024, 1, 2), date(2024, 1, 31)),
        stage(
            "tu-danh-gia",
            "self_assessment",
            "all_communes",
            date(2024, 1, 2),
            date(2024, 2, 16),
            scope={"kinds": ["commune"]},
        ),
    ]
    return write_world(tmp_path, stages, notify=[url], districts=2, communes=3)


def _outbox(engine: Engine) -> list[tuple]:
    """Every outbox row without its ids, sorted by idempotency key."""
    with Session(engine) as session:
        rows = session.exec(select(Notification).order_by(Notification.idempotency_key)).all()
    return [
        (
            r.idempotency_key, r.recipient, tuple(r.urls), r.kind, r.occasion, r.subject,
            r.body, r.state, r.attempts, r.created_at, r.delivered_at,
        )
        for r in rows
    ]


def _point_at(monkeypatch: pytest.MonkeyPatch, engine: Engine) -> None:
    """Make the configured database (read by tasks and the CLI) this engine's."""
    monkeypatch.setenv("CCHC_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    get_settings.cache_clear()


def test_local_tick_writes_the_flows_outbox(prefect_harness, configured, monkeypatch, tmp_path):
    copy = make_engine(f"sqlite:///{tmp_path / 'copy.sqlite3'}")
    init_db(copy)
    with http_receiver() as receiver:
        plan = _plan(tmp_path, receiver.url)
        with frozen_at(AT):  # created_at and delivered_at read our clock: one instant for both
            for engine in (configured, copy):
                with Session(engine) as session:
                    launch(session, plan)
            assert campaign_tick(campaign="thu-2024", at=AT, return_state=True).is_completed()
            _point_at(monkeypatch, copy)
            done = CliRunner().invoke(app, ["tick", "-c", "thu-2024", "--at", LOCAL_AT, "--local"])
    assert done.exit_code == 0, done.output
    by_flow, by_local = _outbox(configured), _outbox(copy)
    assert len(by_flow) > 6 and {r[7] for r in by_flow} == {"delivered"}
    assert by_local == by_flow
    copy.dispose()
