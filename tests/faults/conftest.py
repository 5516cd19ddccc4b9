"""Fault tests: real processes (cchc tick, cchc serve, a Prefect server, a receiver) on PostgreSQL.

Each test gets a private PostgreSQL database; the Prefect server is shared by the session.
Every child is started in its own process group and stopped by its id, bounded in time.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench import pgdb
from bench.procs import prefect_server
from tests.conftest import pg_or_skip


@pytest.fixture(scope="session")
def prefect_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Prefect server for the fault tests' flow runs (its own SQLite, no UI)."""
    with prefect_server(tmp_path_factory.mktemp("prefect")) as api:
        yield api


@pytest.fixture
def fault_db() -> Iterator[str]:
    """The URL of a private, empty PostgreSQL database, dropped after the test."""
    pg_or_skip()
    name = f"cchc_faults_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    url = pgdb.create(name)
    try:
        yield url
    finally:
        pgdb.drop(name)


@dataclass
class CliEnv:
    """Environment for `cchc` child processes of one test."""

    db_url: str
    var_dir: Path
    prefect_api: str | None = None

    def env(self, **extra: str) -> dict[str, str]:
        """The variables a child needs: database, var dir, Prefect API, short notify settings."""
        out = {
            "CCHC_DATABASE_URL": self.db_url,
            "CCHC_VAR_DIR": str(self.var_dir),
            "CCHC_ENV": "test",
            "PREFECT_LOGGING_LEVEL": "ERROR",
        }
        if self.prefect_api:
            out["PREFECT_API_URL"] = self.prefect_api
        return out | extra


@pytest.fixture
def cli_env(fault_db: str, prefect_api: str, tmp_path: Path) -> CliEnv:
    """A private database and the shared Prefect server, for `cchc tick` children."""
    return CliEnv(db_url=fault_db, var_dir=tmp_path / "var", prefect_api=prefect_api)
