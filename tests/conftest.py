"""Shared fixtures: a real database per backend, a Prefect harness per session, a configured app."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE", "200")
os.environ.setdefault("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE", "100")
os.environ.setdefault("CCHC_ENV", "test")

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from cchc.db import make_engine
from models.db_init import init_db

PG_ADMIN_URL = os.environ.get(
    "CCHC_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the longest tests first: with two xdist workers, none of them is left to run last.

    `first` (a test of minutes) before the other `slow` and `browser` tests, before the rest;
    the order within each part is the collection order.
    """

    def rank(item: pytest.Item) -> int:
        if item.get_closest_marker("first"):
            return 0
        return 1 if item.get_closest_marker("slow") or item.get_closest_marker("browser") else 2

    items.sort(key=rank)


@pytest.fixture(autouse=True)
def _environment_restored() -> Iterator[None]:
    """Give every test the environment the one before it started with.

    Code run in-process may set variables for its own children (`cchc serve`, the demo, the
    delivery benches): left behind, a bench's dead receiver became every later test's default
    notification address.
    """
    before = dict(os.environ)
    yield
    if dict(os.environ) != before:
        from cchc.settings import get_settings

        os.environ.clear()
        os.environ.update(before)
        get_settings.cache_clear()


def _pg_reachable() -> bool:
    """Tell whether the test PostgreSQL server answers."""
    try:
        with sa.create_engine(PG_ADMIN_URL).connect() as conn:
            conn.execute(sa.text("select 1"))
        return True
    except sa.exc.OperationalError:
        return False


def _create_pg_database(name: str) -> str:
    """Create a private database on the test server and return its URL."""
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def _drop_pg_database(name: str) -> None:
    """Drop a private test database."""
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def pg_or_skip() -> None:
    """Skip only when no server is reachable and CI is unset; in CI a missing server fails."""
    if _pg_reachable():
        return
    if os.environ.get("CI"):
        pytest.fail("PostgreSQL at 127.0.0.1:5432 is not reachable, and CI requires it")
    pytest.skip("PostgreSQL not reachable (allowed outside CI only)")


def _truncate_all(engine: Engine) -> None:
    """Empty every table between tests (the audit triggers are bypassed by TRUNCATE/DELETE-all)."""
    from sqlmodel import SQLModel

    tables = [t.name for t in reversed(SQLModel.metadata.sorted_tables)]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE"))
        else:
            conn.execute(sa.text("DROP TRIGGER IF EXISTS audit_entry_no_delete"))
            for table in tables:
                conn.execute(sa.text(f'DELETE FROM "{table}"'))
            conn.execute(
                sa.text(
                    "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
                    "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END"
                )
            )


@pytest.fixture(scope="session")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A migrated SQLite file database for the whole test session."""
    path = tmp_path_factory.mktemp("db") / "cchc.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    init_db(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def pg_engine() -> Iterator[Engine]:
    """A migrated private PostgreSQL database for the whole test session."""
    pg_or_skip()
    name = f"cchc_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    engine = make_engine(_create_pg_database(name))
    init_db(engine)
    yield engine
    engine.dispose()
    _drop_pg_database(name)


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An empty migrated database, once on SQLite and once on PostgreSQL."""
    eng: Engine = request.getfixturevalue(
        f"{'pg' if request.param == 'postgres' else 'sqlite'}_engine"
    )
    _truncate_all(eng)
    yield eng


@pytest.fixture
def sqlite_only(sqlite_engine: Engine) -> Iterator[Engine]:
    """An empty migrated SQLite database, for tests that need no second backend."""
    _truncate_all(sqlite_engine)
    yield sqlite_engine


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session on the parametrised database."""
    with Session(engine, expire_on_commit=False) as s:
        yield s


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One Prefect test harness (a real temporary API) for the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def configured(
    sqlite_only: Engine, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[Engine]:
    """Point CCHC_DATABASE_URL (read by tasks and flows) at the empty test SQLite; short retries."""
    from cchc.settings import get_settings

    monkeypatch.setenv("CCHC_DATABASE_URL", sqlite_only.url.render_as_string(hide_password=False))
    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("CCHC_NOTIFY__RETRIES", "2")
    monkeypatch.setenv("CCHC_NOTIFY__RETRY_DELAYS", "[0.2, 0.2]")
    get_settings.cache_clear()
    yield sqlite_only
    get_settings.cache_clear()
