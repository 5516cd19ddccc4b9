"""Prefect run links (#16): a tick through Prefect names its run on every row it writes and on
the campaign, the dashboard links to it; a local tick names none and shows no link. Both log
JSON lines with the campaign (and the run) and no secret."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from cchc.settings import get_settings
from cli.main import app
from flows.campaign_tick import campaign_tick
from models import Campaign, Notification
from tests.flows.receivers import http_receiver
from tests.web.conftest import TestClient
from tests.world.accounts import login_as, set_password
from tests.world.logs import SECRET_ENV, assert_no_secret, json_logs, lines
from tests.world.people import make_user
from tests.world.plans import launch, stage, write_world
from web.app import create_app

pytestmark = pytest.mark.prefect
AT = datetime(2024, 1, 2, 1, 0, tzinfo=UTC)  # 08:00 in Vietnam, a Tuesday
LOCAL_AT = "2024-01-02T08:00"  # AT as `cchc tick --at` reads it (Vietnam time)
UI = "http://prefect.test:4200"
LINK = "Xem lần chạy trên Prefect"


def _plan(tmp_path: Path, url: str) -> Path:
    """One stage opening at AT for the lead and every commune."""
    stages = [
        stage(
            "tu-danh-gia",
            "self_assessment",
            "all_communes",
            date(2024, 1, 2),
            date(2024, 2, 16),
            scope={"kinds": ["commune"]},
        )
    ]
    return write_world(tmp_path, stages, notify=[url], districts=1, communes=2)


def _runs(engine: Engine) -> tuple[set, set, str | None]:
    """Written-by and delivered-by run ids of the outbox, and the campaign's last tick run."""
    with Session(engine) as s:
        rows = s.exec(select(Notification)).all()
        campaign = s.exec(select(Campaign)).one()
    assert rows
    made = {r.flow_run_id for r in rows}
    return made, {r.delivered_flow_run_id for r in rows}, campaign.last_tick_flow_run_id


def _page(engine: Engine) -> tuple[str, set]:
    """The campaign page as an admin sees it, and the API log's (written, delivered) run ids."""
    with Session(engine) as s:
        name = make_user(s, "admin").name
        s.commit()
    set_password(engine, name)
    with TestClient(create_app(engine)) as client:
        login_as(client, name)
        page = client.get("/campaigns/thu-2024")
        log = client.get("/api/campaigns/thu-2024/notifications").json()["data"]
    assert page.status_code == 200
    return page.text, {(n["flow_run_id"], n["delivered_flow_run_id"]) for n in log}


@pytest.fixture
def with_secrets(configured: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """Secrets configured and the Prefect UI known."""
    for name, value in {**SECRET_ENV, "PREFECT_UI_URL": UI}.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    return configured


def test_prefect_tick_records_its_run_and_the_page_links_it(
    prefect_harness, with_secrets, tmp_path
):
    with http_receiver() as receiver, json_logs() as buffer:
        with Session(with_secrets) as session:
            launch(session, _plan(tmp_path, receiver.url))
        state = campaign_tick(campaign="thu-2024", at=AT, return_state=True)
    assert state.is_completed()
    run_id = str(state.state_details.flow_run_id)
    # Launch's kick-off messages were written before any tick: they name no run.
    assert _runs(with_secrets) == ({run_id, None}, {run_id}, run_id)
    page, api = _page(with_secrets)
    assert f'href="{UI}/runs/flow-run/{run_id}"' in page and LINK in page
    assert api == {(run_id, run_id), (None, run_id)}
    written = lines(buffer)
    ours = [line for line in written if line.get("flow_run_id") == run_id]
    assert ours and {line["campaign"] for line in ours} == {"thu-2024"}
    assert any(line["logger"] == "cchc.tick" for line in ours)
    assert_no_secret(buffer)


def test_local_tick_records_no_run_and_the_page_has_no_link(with_secrets, monkeypatch, tmp_path):
    monkeypatch.setenv("CCHC_LOG__LEVEL", "INFO")
    get_settings.cache_clear()
    with http_receiver() as receiver:
        with Session(with_secrets) as session:
            launch(session, _plan(tmp_path, receiver.url))
        with json_logs() as buffer:
            done = CliRunner().invoke(app, ["tick", "thu-2024", "--at", LOCAL_AT, "--local"])
    assert done.exit_code == 0, done.output
    assert _runs(with_secrets) == ({None}, {None}, None)
    page, api = _page(with_secrets)
    assert LINK not in page and api == {(None, None)}
    written = lines(buffer)
    assert [line["campaign"] for line in written if line["logger"] == "cchc.tick"] == ["thu-2024"]
    assert all("flow_run_id" not in line for line in written)
    assert_no_secret(buffer)
