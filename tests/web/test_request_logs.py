"""Structured logs of real requests: one JSON object per line, the ids, no secret (#16)."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.engine import Engine

from cchc import run_context
from tests.web.conftest import TestClient
from tests.world.accounts import PASSWORD, login_as
from tests.world.logs import SECRET_ENV, SMTP_PASSWORD, assert_no_secret, json_logs, lines
from tests.world.web import build_world
from web.app import create_app

CODE = "test-2024"


@pytest.fixture
def secrets_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    """Configure an SMTP channel with a password and storage secrets."""
    from cchc.settings import get_settings

    for name, value in SECRET_ENV.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()


def test_requests_log_json_lines_with_ids_and_no_secret(secrets_configured, sqlite_only: Engine):
    world = build_world(sqlite_only)
    token = world.tokens["admin"]
    with json_logs() as buffer, TestClient(create_app(sqlite_only)) as client:
        given = client.get(
            f"/api/campaigns/{CODE}", headers={**world.auth("admin"), "X-Request-ID": "proxy-42.a"}
        )
        hostile = client.get("/api/me", headers={"X-Request-ID": "x" * 65})
        login_as(client, "admin")
        page = client.get(f"/campaigns/{CODE}?token={token}&sig=s1gnature&page=1")
        with run_context.bound(campaign=CODE):  # a message quoting every kind of secret
            logging.getLogger("cchc.test").warning(
                "channel %s failed; Authorization: Bearer %s; Cookie: cchc_session=abc123",
                "mailtos://snv:" + SMTP_PASSWORD + "@smtp.example.org",
                token,
            )
    assert given.headers["x-request-id"] == "proxy-42.a"
    made = hostile.headers["x-request-id"]
    assert made != "x" * 65 and len(made) == 32  # refused: a fresh id instead
    written = lines(buffer)
    access = [line for line in written if line["logger"] == "cchc.access"]
    by_id = {line["request_id"]: line for line in access}
    assert by_id["proxy-42.a"]["campaign"] == CODE
    assert by_id["proxy-42.a"]["status"] == 200
    assert by_id[made]["path"] == "/api/me" and "campaign" not in by_id[made]
    shown = by_id[page.headers["x-request-id"]]
    assert shown["path"] == f"/campaigns/{CODE}?token=***&sig=***&page=1"
    assert shown["method"] == "GET" and shown["duration_ms"] >= 0
    assert all(line["request_id"] for line in access) and len(access) >= 5  # login included
    quoted = next(line for line in written if line["logger"] == "cchc.test")
    assert quoted["campaign"] == CODE and "***" in quoted["message"]
    assert_no_secret(buffer, token, PASSWORD, "s1gnature", "abc123")
