"""Secrets never in rows: rows name channels, settings hold credentials, logs and pages mask."""

from __future__ import annotations

import json
import logging

import pytest
import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

from cchc.errors import ConfigError
from cchc.masking import has_secret, mask_text, mask_url
from cchc.settings import get_settings
from models import Notification
from models.outbox.queue import Message, enqueue_many
from tasks.outbox_sender import deliver_pending
from tests.flows.receivers import http_receiver
from tests.world.web import build_world
from web.app import create_app

SECRET = "S3cr3t-Pa55"


def _message(campaign_id, key: str, urls: list[str]) -> Message:  # type: ignore[no-untyped-def]
    return Message(
        key=key, campaign_id=campaign_id, recipient="so-a", urls=urls, kind="reminder",
        occasion="before-2", subject="Nhắc hạn", body="Còn 2 ngày làm việc",
    )  # fmt: skip


def _every_table_as_text(engine) -> str:  # type: ignore[no-untyped-def]
    """Every row of every table, as one text."""
    with engine.connect() as conn:
        return "\n".join(
            repr(row)
            for table in SQLModel.metadata.sorted_tables
            for row in conn.execute(sa.select(table))
        )


def _configure(monkeypatch: pytest.MonkeyPatch, default: str, webhook: str) -> None:
    monkeypatch.setenv("CCHC_NOTIFY__DEFAULT_URLS", json.dumps([default]))
    monkeypatch.setenv("CCHC_NOTIFY__CHANNELS", json.dumps({"webhook": webhook}))
    monkeypatch.setenv("CCHC_NOTIFY__RETRIES", "1")
    monkeypatch.setenv("CCHC_NOTIFY__RETRY_DELAYS", "[0.0]")
    get_settings.cache_clear()


def test_no_credential_in_any_table_log_line_or_page(engine, monkeypatch, caplog):
    from tests.web.conftest import TestClient
    from tests.web.test_pages import _login

    caplog.set_level(logging.DEBUG)
    world = build_world(engine)
    with http_receiver(fail_first=2) as receiver:
        port = receiver.server.server_address[1]
        secret_url = f"json://hook:{SECRET}@127.0.0.1:{port}/hook?token={SECRET}"
        _configure(monkeypatch, secret_url, secret_url.replace("/hook", "/other"))
        with Session(engine) as session:
            defaults = list(get_settings().notify.default_urls)
            enqueue_many(
                session=session,
                messages=[
                    _message(world.campaign.id, "k:default", defaults),  # the fallback
                    _message(world.campaign.id, "k:webhook", ["webhook"]),  # a named channel
                ],
            )
            session.commit()
            urls = [r.urls for r in session.exec(select(Notification).order_by("idempotency_key"))]
        assert urls == [["default"], ["webhook"]]
        report = deliver_pending(engine=engine, campaign_id=world.campaign.id, passes=2)
    assert report.delivered == 2 and set(receiver.keys) == {"k:default", "k:webhook"}
    with TestClient(create_app(engine)) as client:
        _login(client, world, "admin")
        page = client.get("/campaigns/test-2024").text
    assert 'id="notification-log"' in page and "Nhắc hạn" in page
    tables = _every_table_as_text(engine)
    assert "k:default" in tables
    for text in (tables, caplog.text, page):
        assert SECRET not in text
    get_settings.cache_clear()


def test_a_unit_address_with_a_password_is_refused_masked(session, monkeypatch):
    from tests.world.campaigns import make_campaign

    campaign = make_campaign(session)
    bad = f"mailtos://user:{SECRET}@smtp.example.org?to=x@example.org"
    with pytest.raises(ConfigError) as caught:
        enqueue_many(session=session, messages=[_message(campaign.id, "k:bad", [bad])])
    assert SECRET not in str(caught.value) and "CCHC_NOTIFY__CHANNELS" in str(caught.value)


def test_masking_hides_user_information_and_secret_arguments():
    url = f"zalo://oa@api.example.vn/?access_token={SECRET}&to=123"
    assert has_secret(url) and not has_secret("json://127.0.0.1:8080/hook")
    assert mask_url(url) == "zalo://***@api.example.vn/?access_token=***&to=123"
    assert SECRET not in mask_text(f"lỗi khi gửi tới {url}: 500", [])
    assert mask_text(f"refused {SECRET}", [SECRET]) == "refused ***"
