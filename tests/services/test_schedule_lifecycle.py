"""Issue #12 case 10: the schedule is paused after publication and removed on archive."""

from __future__ import annotations

import asyncio

import pytest
from sqlmodel import Session, select

from cchc.errors import Conflict
from models import AuditEntry, Campaign
from services.archive import archive_campaign
from services.schedule import schedule_campaign
from tests.web.conftest import TestClient
from tests.web.test_admin_council_api import BASE, _publish
from tests.world.accounts import login_as
from tests.world.web import build_world
from web.app import create_app

NAME = "campaign-tick/test-2024"
UI = "http://prefect.test:4200"


def _deployment_id() -> str:
    """Prefect's id of the campaign's deployment."""
    from prefect import get_client

    async def read() -> str:
        async with get_client() as client:
            return str((await client.read_deployment_by_name(NAME)).id)

    return asyncio.run(read())


def _schedules() -> list[bool] | None:
    """The deployment's schedules' active flags, None when Prefect has no such deployment."""
    from prefect import get_client
    from prefect.exceptions import ObjectNotFound

    async def read() -> list[bool] | None:
        async with get_client() as client:
            try:
                deployment = await client.read_deployment_by_name(NAME)
            except ObjectNotFound:
                return None
        return [s.active for s in deployment.schedules]

    return asyncio.run(read())


def _audits(engine, action: str) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    """(actor, old, new) of the schedule's audit rows of one action."""
    with Session(engine) as s:
        rows = s.exec(select(AuditEntry).where(AuditEntry.action == action)).all()
    return [(r.actor, r.old_value, r.new_value) for r in rows]


@pytest.mark.prefect
def test_publication_pauses_the_schedule_and_archive_removes_it(
    tick_pool, sqlite_only, monkeypatch
):
    from cchc.settings import get_settings

    monkeypatch.setenv("PREFECT_UI_URL", UI)
    get_settings.cache_clear()
    world = build_world(sqlite_only)
    with Session(sqlite_only) as s:
        schedule_campaign(session=s, campaign_code="test-2024", actor="snv", required=True)
        s.commit()
    assert _schedules() == [True]
    deployment_link = f'href="{UI}/deployments/deployment/{_deployment_id()}"'
    with TestClient(create_app(sqlite_only)) as client:
        _publish(client, world, sqlite_only)
        with Session(sqlite_only) as s, pytest.raises(Conflict) as refused:
            archive_campaign(session=s, campaign_code="test-2024", actor="cli")
        assert refused.value.rule == "archive_when_approved"  # only a published one is archived
        assert _schedules() == [True]  # approved, not yet published: still ticking
        published = client.post(BASE + "/publication", headers=world.auth("admin"))
        assert published.status_code == 201, published.text
        assert _schedules() == [False]
        assert [a for a, *_ in _audits(sqlite_only, "pause_schedule")] == ["admin"]
        login_as(client, "admin")
        page = client.get("/campaigns/test-2024").text
        assert "Đã kết thúc" in page
        assert deployment_link in page  # the campaign page links its deployment in Prefect
    with Session(sqlite_only) as s:
        done = archive_campaign(session=s, campaign_code="test-2024", actor="cli")
        s.commit()
    assert done.message == f"Đã xoá lịch chạy {NAME}."
    assert _schedules() is None
    with Session(sqlite_only) as s:
        campaign = s.exec(select(Campaign)).one()
    assert (campaign.state, campaign.deployment_name, campaign.deployment_id) == (
        "archived",
        None,
        None,
    )
    assert _audits(sqlite_only, "archive") == [("cli", "published", "archived")]
    assert _audits(sqlite_only, "remove_schedule") == [("cli", NAME, None)]
