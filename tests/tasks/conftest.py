"""Fixtures for flow and task tests: the configured database points at the test engine."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from cchc.settings import get_settings


@pytest.fixture
def configured(sqlite_only: Engine, monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[Engine]:  # type: ignore[no-untyped-def]
    """Point CCHC_DATABASE_URL (read by tasks) at the empty test SQLite; short retry delays."""
    monkeypatch.setenv("CCHC_DATABASE_URL", sqlite_only.url.render_as_string(hide_password=False))
    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("CCHC_NOTIFY__RETRIES", "2")
    monkeypatch.setenv("CCHC_NOTIFY__RETRY_DELAYS", "[0.2, 0.2]")
    get_settings.cache_clear()
    yield sqlite_only
    get_settings.cache_clear()
