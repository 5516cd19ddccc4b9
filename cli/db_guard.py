"""Turn database failures that reach the CLI into one Vietnamese line and exit code 2."""

from __future__ import annotations

import re

from sqlalchemy.exc import DBAPIError

from cchc.wording import ops

# Both back ends' ways of saying the schema is missing.
_MISSING_TABLE = re.compile(r"no such table|relation \".+\" does not exist|UndefinedTable")
_TIMEOUT = re.compile(r"timeout|timed out|canceling statement", re.IGNORECASE)


def _safe_url() -> str:
    """The configured database URL with its password hidden."""
    from sqlalchemy.engine import make_url

    from cchc.settings import get_settings

    return make_url(get_settings().db_url).render_as_string(hide_password=True)


def _reason(exc: DBAPIError) -> str:
    """The driver's first line, short (never the SQL or its parameters)."""
    first = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
    return first[:160]


def describe(exc: DBAPIError) -> str:
    """One Vietnamese line saying what went wrong with the database."""
    url, reason = _safe_url(), _reason(exc)
    if _MISSING_TABLE.search(str(exc)):
        return ops.DB_NOT_INITIALISED.format(url=url)
    if _TIMEOUT.search(reason):
        from cchc.settings import get_settings

        seconds = get_settings().db.statement_timeout
        return ops.DB_TIMEOUT.format(url=url, seconds=f"{seconds:g}")
    return ops.DB_UNREACHABLE.format(url=url, reason=reason)
