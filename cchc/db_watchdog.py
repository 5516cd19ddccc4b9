"""Cut a PostgreSQL connection whose statement outlives its limit on the client side.

The server's statement_timeout stops slow queries; it cannot help when the database (or the
network before it) accepts a connection and then stops answering: the driver would wait for
ever. One daemon thread watches the deadlines armed around each statement and ping, and shuts
the socket down when one passes, so the waiting call fails at once with OperationalError.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

_lock = threading.Lock()
_deadlines: dict[int, tuple[float, int]] = {}  # id(dbapi connection) -> (deadline, socket fd)
_thread: list[threading.Thread] = []
TICK_SECONDS = 0.25


def _fd(dbapi_connection: Any) -> int | None:
    """The socket descriptor of a psycopg connection, or None."""
    try:
        return int(dbapi_connection.pgconn.socket)
    except Exception:  # noqa: BLE001 - closed or not psycopg: nothing to watch
        return None


def _cut(fd: int) -> None:
    """Shut the socket down (both ways) so the blocked driver call returns with an error."""
    try:
        sock = socket.socket(fileno=socket.dup(fd))
    except OSError:
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        sock.close()


def _watch() -> None:
    """Forever: cut every connection whose deadline has passed."""
    while True:
        time.sleep(TICK_SECONDS)
        now = time.monotonic()
        with _lock:
            expired = [(key, fd) for key, (due, fd) in _deadlines.items() if due <= now]
            for key, _ in expired:
                del _deadlines[key]
        for _key, fd in expired:
            _cut(fd)


def arm(dbapi_connection: Any, seconds: float) -> None:
    """Start watching this connection for `seconds`."""
    fd = _fd(dbapi_connection)
    if fd is None or fd < 0:
        return
    with _lock:
        _deadlines[id(dbapi_connection)] = (time.monotonic() + seconds, fd)
        if not _thread:
            _thread.append(threading.Thread(target=_watch, name="cchc-db-watchdog", daemon=True))
            _thread[0].start()


def disarm(dbapi_connection: Any) -> None:
    """Stop watching this connection."""
    with _lock:
        _deadlines.pop(id(dbapi_connection), None)


def install(engine: Engine, seconds: float, ping_seconds: float) -> None:
    """Watch every statement of `engine` (PostgreSQL) for `seconds`, each pre-ping for less."""

    def before(conn: Any, *_args: Any) -> None:
        arm(conn.connection.dbapi_connection, seconds)

    def after(conn: Any, *_args: Any) -> None:
        disarm(conn.connection.dbapi_connection)

    def on_error(context: Any) -> None:
        if context.connection is not None and not context.connection.closed:
            disarm(context.connection.connection.dbapi_connection)

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    event.listen(engine, "handle_error", on_error)
    engine.dialect.do_ping = _guarded_ping(engine.dialect.do_ping, ping_seconds)  # type: ignore[method-assign,assignment]


def _guarded_ping(ping: Callable[[Any], bool], seconds: float) -> Callable[[Any], bool]:
    """Wrap the dialect's pre-ping so a hung connection is cut instead of waited on."""

    def do_ping(dbapi_connection: Any) -> bool:
        arm(dbapi_connection, seconds)
        try:
            return ping(dbapi_connection)
        finally:
            disarm(dbapi_connection)

    return do_ping
