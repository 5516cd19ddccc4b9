"""A small plan under a private config folder; the configured database is the test one."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from cchc.db import get_engine
from cchc.settings import get_settings
from tests.world.plans import stage, write_world


@pytest.fixture
def plan(sqlite_only: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Write plan `thu-2024` under tmp/config/plans; CLI and API read that folder and database."""
    path = write_world(
        tmp_path,
        [stage("huong-dan", "guidance", "so-noi-vu", date(2024, 1, 2), date(2024, 1, 31))],
        districts=1,
        communes=2,
    )
    monkeypatch.setenv("CCHC_DATABASE_URL", sqlite_only.url.render_as_string(hide_password=False))
    monkeypatch.setenv("CCHC_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    get_engine.cache_clear()
    yield path
    get_settings.cache_clear()
    get_engine.cache_clear()


@pytest.fixture(scope="session")
def tick_pool(prefect_harness: None) -> str:
    """Create the work pool prefect.yaml names, once, in the harness's API."""
    from prefect import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists

    async def create() -> None:
        async with get_client() as client:
            try:
                await client.create_work_pool(WorkPoolCreate(name="cchc-pool", type="process"))
            except ObjectAlreadyExists:
                pass  # another test module made it first

    asyncio.run(create())
    return "cchc-pool"
