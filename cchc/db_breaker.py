"""Fail fast while the database is known to be down, instead of every caller waiting its limit.

After a connection attempt fails, new connection attempts are refused at once for `cooldown`
seconds (and pooled connections are not pinged, just replaced),
so a hung server costs the first caller its timeout and the others nothing: web threads stay
free for the pages and files that need no database.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from cchc.wording.ops import DB_COOLING


class Breaker:
    """Open for `cooldown` seconds after a failure; closed again on the next good connection."""

    def __init__(self, cooldown: float) -> None:
        self.cooldown = cooldown
        self._opened_at: float | None = None
        self._lock = threading.Lock()

    def trip(self) -> None:
        """Record a failure now."""
        with self._lock:
            self._opened_at = time.monotonic()

    def reset(self) -> None:
        """Record a good connection."""
        with self._lock:
            self._opened_at = None

    def is_open(self) -> bool:
        """Tell whether callers should fail fast now."""
        with self._lock:
            opened = self._opened_at
        return opened is not None and time.monotonic() - opened < self.cooldown


def install(engine: Engine, breaker: Breaker) -> None:
    """Wire `breaker` into `engine`'s connects, pings and errors."""
    dbapi = engine.dialect.loaded_dbapi

    def refuse(*_args: Any) -> None:
        if breaker.is_open():
            refusal = dbapi.OperationalError(DB_COOLING.format(seconds=f"{breaker.cooldown:g}"))
            setattr(refusal, "cchc_breaker", True)  # noqa: B010 - ours must not extend the cooldown
            raise refusal

    def on_error(context: Any) -> None:
        if getattr(context.original_exception, "cchc_breaker", False):
            return
        # A failed connection attempt trips it. A pooled connection found broken does not: after
        # a restart of the server, the next attempt connects at once (and trips if it fails); a
        # failed pre-ping reports no connection either, so it is told apart.
        if context.connection is None and not getattr(context, "is_pre_ping", False):
            breaker.trip()

    event.listen(engine, "do_connect", refuse)
    event.listen(engine, "connect", lambda *_args: breaker.reset())
    event.listen(engine, "handle_error", on_error)
    ping = engine.dialect.do_ping

    def do_ping(dbapi_connection: Any) -> bool:
        return False if breaker.is_open() else ping(dbapi_connection)

    engine.dialect.do_ping = do_ping  # type: ignore[method-assign]
