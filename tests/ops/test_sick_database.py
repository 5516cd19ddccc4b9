"""A database that accepts and then stops answering: engines give up within their limits."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, OperationalError

from cchc.db import make_engine
from cchc.settings import get_settings
from tests.conftest import pg_or_skip
from tests.ops.proxy import hanging_proxy


@pytest.fixture
def short_limits(monkeypatch: pytest.MonkeyPatch):
    """Connect limit 1 s, statement limit 2 s (the watchdog cuts 2 s later)."""
    pg_or_skip()
    monkeypatch.setenv("CCHC_DB__CONNECT_TIMEOUT", "1")
    monkeypatch.setenv("CCHC_DB__STATEMENT_TIMEOUT", "2")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _elapsed_failing(engine: sa.Engine) -> float:
    """Seconds until `select 1` fails (it must fail)."""
    started = time.monotonic()
    with pytest.raises(OperationalError), engine.connect() as conn:
        conn.execute(sa.text("select 1"))
    return time.monotonic() - started


def test_hung_database_fails_pooled_and_new_connections_within_limits(short_limits):
    with hanging_proxy() as proxy:
        engine = make_engine(proxy.url("test"))
        with engine.connect() as conn:
            assert conn.execute(sa.text("select 1")).scalar() == 1
        proxy.hang()
        assert _elapsed_failing(engine) < 4  # ping cut at 1 s, reconnect refused at once
        assert _elapsed_failing(engine) < 0.5  # breaker open: no second wait
        time.sleep(1.1)  # cooldown over: one real attempt, bounded by the connect limit
        assert _elapsed_failing(engine) < 3
        proxy.heal()
        time.sleep(1.1)
        with engine.connect() as conn:
            assert conn.execute(sa.text("select 1")).scalar() == 1
        engine.dispose()


def test_statement_hanging_mid_query_is_cut_by_the_watchdog(short_limits):
    with hanging_proxy() as proxy:
        engine = make_engine(proxy.url("test"))
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
            proxy.hang()
            started = time.monotonic()
            with pytest.raises(OperationalError):
                conn.execute(sa.text("select 2"))
            assert time.monotonic() - started < 6  # 2 s limit + 2 s margin + one watchdog tick
        engine.dispose()


def test_slow_statement_is_cancelled_by_the_server(short_limits):
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:5432/test")
    with pytest.raises(OperationalError, match="statement timeout"), engine.connect() as conn:
        conn.execute(sa.text("select pg_sleep(10)"))
    engine.dispose()


@pytest.fixture
def locked_row():
    """A one-row table in `test` (dropped after); yields its name."""
    pg_or_skip()
    name = f"lock_probe_{uuid.uuid4().hex[:8]}"
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:5432/test")
    with engine.begin() as conn:
        conn.execute(sa.text(f"create table {name} (id int primary key, n int)"))
        conn.execute(sa.text(f"insert into {name} values (1, 0)"))
    yield name
    with engine.begin() as conn:
        conn.execute(sa.text(f"drop table {name}"))
    engine.dispose()


def _lock_within(table: str, seconds: float) -> bool:
    """True when a fresh direct connection can lock the row within `seconds`."""
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:5432/test")
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(f"set local lock_timeout = {int(seconds * 1000)}"))
            conn.execute(sa.text(f"update {table} set n = n + 1 where id = 1"))
        return True
    except OperationalError:
        return False
    finally:
        engine.dispose()


HOLDER = """
import sys, time, sqlalchemy as sa
from cchc.db import make_engine
conn = make_engine(sys.argv[1]).connect()
conn.begin()
conn.execute(sa.text(f"update {sys.argv[2]} set n = n + 1 where id = 1"))
print("locked", flush=True)
time.sleep(600)
"""


def test_a_client_killed_mid_transaction_through_the_proxy_frees_its_locks(locked_row):
    with hanging_proxy() as proxy:
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDER, proxy.url("test"), locked_row],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
            assert not _lock_within(locked_row, 0.5)  # the holder has it
            holder.kill()
            holder.wait(10)
            # The proxy closes the server side too: the backend ends and its lock goes with it.
            assert _lock_within(locked_row, 5)
        finally:
            holder.kill()
            holder.wait(10)


def test_the_server_ends_a_transaction_left_idle(locked_row, monkeypatch):
    monkeypatch.setenv("CCHC_DB__IDLE_TRANSACTION_TIMEOUT", "1")
    get_settings.cache_clear()
    try:
        engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:5432/test")
        with engine.connect() as conn:
            conn.begin()
            conn.execute(sa.text(f"update {locked_row} set n = n + 1 where id = 1"))
            # A client that stops talking mid-transaction (a host gone): the lock is freed.
            assert _lock_within(locked_row, 5)
            with pytest.raises(DBAPIError, match="idle-in-transaction"):
                conn.execute(sa.text("select 1"))
        engine.dispose()
    finally:
        get_settings.cache_clear()


def test_connections_never_jit_compile():
    pg_or_skip()
    # A recursive CTE's row estimate crosses jit_above_cost: compiling costs 100-200 ms.
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:5432/test")
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("show jit")).scalar_one() == "off"
            assert conn.execute(sa.text("show idle_in_transaction_session_timeout")).scalar_one()
    finally:
        engine.dispose()
