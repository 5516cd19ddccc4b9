"""Web fixtures: the world of tests/world/web.py on each backend, and a client on the real app."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from tests.world.web import World, build_world
from web.app import create_app

with warnings.catch_warnings():  # starlette nudges towards httpx2; the client works as is
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(autouse=True)
def var_dir(tmp_path, monkeypatch) -> Iterator[None]:
    """Keep uploads and outbox files of a test in its own folder."""
    from cchc.settings import get_settings

    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def world(engine: Engine) -> World:
    """The small province on the parametrised database (SQLite and PostgreSQL)."""
    return build_world(engine)


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    """A client talking to the real app on the same database."""
    with TestClient(create_app(engine)) as c:
        yield c
