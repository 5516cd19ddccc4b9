"""`/health` answers without the database; `/ready` says 503 when the database does not answer."""

from __future__ import annotations

import socket
import time
import warnings

import pytest

from cchc.db import make_engine
from cchc.settings import get_settings
from web.app import create_app

with warnings.catch_warnings():  # starlette nudges towards httpx2; the client works as is
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def no_prefect(monkeypatch: pytest.MonkeyPatch):
    """No Prefect server configured (flows would use a temporary one)."""
    monkeypatch.setenv("PREFECT_API_URL", "")
    yield


def test_the_prefect_address_is_read_as_prefect_reads_it(monkeypatch, tmp_path):
    from cchc.prefect_address import prefect_api_url

    profiles = tmp_path / "profiles.toml"
    profiles.write_text(
        'active = "prod"\n[profiles.prod]\nPREFECT_API_URL = "http://10.0.0.5:4200/api"\n'
        '[profiles.ephemeral]\n',
        encoding="utf-8",
    )
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("PREFECT_PROFILE", raising=False)
    monkeypatch.setenv("PREFECT_PROFILES_PATH", str(profiles))
    assert prefect_api_url() == "http://10.0.0.5:4200/api"
    monkeypatch.setenv("PREFECT_PROFILE", "ephemeral")
    assert prefect_api_url() == ""
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert prefect_api_url() == "http://127.0.0.1:4200/api"


def test_health_and_ready_answer_ok_on_a_working_database(sqlite_only, no_prefect):
    with TestClient(create_app(sqlite_only)) as client:
        assert client.get("/health").json() == {"status": "ok"}
        ready = client.get("/ready")
    assert ready.status_code == 200
    assert ready.json()["checks"]["database"] == "ok"
    assert "chưa cấu hình" in ready.json()["checks"]["prefect"]


def test_ready_is_503_within_seconds_when_the_database_refuses(no_prefect, monkeypatch):
    monkeypatch.setenv("CCHC_DB__CONNECT_TIMEOUT", "1")
    get_settings.cache_clear()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    engine = make_engine(f"postgresql+psycopg://postgres@127.0.0.1:{port}/x")
    with TestClient(create_app(engine)) as client:
        started = time.monotonic()
        ready = client.get("/ready")
        assert ready.status_code == 503 and time.monotonic() - started < 3
        assert ready.json()["checks"]["database"] == "không kết nối được cơ sở dữ liệu"
        assert client.get("/health").status_code == 200
        answer = client.get("/api/public/campaigns")
        assert answer.status_code == 503 and answer.json()["error"]["code"] == "retry_later"
    get_settings.cache_clear()
