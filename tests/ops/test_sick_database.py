"""A database that accepts and then stops answering: engines give up within their limits."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

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
