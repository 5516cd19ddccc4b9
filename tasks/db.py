"""The database engine tasks use: the configured one, read when the task runs (not at import)."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from cchc.db import get_engine
from cchc.settings import get_settings


def engine() -> Engine:
    """Return the engine of the configured database URL."""
    return get_engine(get_settings().db_url)
