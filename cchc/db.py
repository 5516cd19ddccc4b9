"""Database engine and sessions: SQLite file by default, PostgreSQL in production and tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlmodel import Session, create_engine

from cchc import db_breaker, db_watchdog
from cchc.settings import get_settings


def make_engine(url: str, statement_timeout: float | None = None) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout for concurrent writers.

    PostgreSQL gets the connect, statement, idle-transaction and pool time limits of
    `Settings.db`, the statement limit enforced both by the server and by a client-side watchdog
    (a hung server).
    """
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    limits = get_settings().db
    seconds = statement_timeout or limits.statement_timeout
    # A client that dies mid-transaction (a killed worker, a host gone) would otherwise keep its
    # row locks until TCP notices, hours later: the server ends such an idle transaction.
    idle = int(limits.idle_transaction_timeout * 1000)
    connect_args = {
        "connect_timeout": limits.connect_timeout,
        "options": f"-c statement_timeout={int(seconds * 1000)}"
        f" -c idle_in_transaction_session_timeout={idle}"
        # Our statements are short; JIT compiling one whose estimate crosses jit_above_cost
        # (a recursive CTE's is often wildly high) costs 100-200 ms to save a few.
        " -c jit=off",
    }
    # More connections than the web's 40 worker threads, so no thread waits for a connection.
    engine = create_engine(
        url,
        pool_pre_ping=True,
        pool_size=20,
        max_overflow=30,
        pool_timeout=limits.pool_timeout,
        connect_args=connect_args,
    )
    # The client cuts a little after the server would have answered "canceling statement";
    # a ping answers in milliseconds when the server is well, so it gets the connect limit.
    db_watchdog.install(engine, seconds + 2, limits.connect_timeout)
    db_breaker.install(engine, db_breaker.Breaker(cooldown=limits.connect_timeout))
    return engine


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: object) -> None:
    """Turn on the SQLite settings we rely on."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@lru_cache(maxsize=4)
def get_engine(url: str | None = None) -> Engine:
    """Return the process-wide engine for `url` (default: the configured database)."""
    settings = get_settings()
    url = url or settings.db_url
    if url.startswith("sqlite:///"):
        settings.var_dir.mkdir(parents=True, exist_ok=True)
    return make_engine(url)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """Yield a session that commits on success and rolls back on error."""
    with Session(engine or get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
