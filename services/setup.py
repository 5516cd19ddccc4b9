"""`cchc setup`: migrate the database; create the Prefect work pool and automation (idempotent)."""

from __future__ import annotations

import asyncio

from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Engine

from cchc.errors import CchcError
from cchc.settings import get_settings
from cchc.wording import ops
from models.db_init import init_db
from services import deployments, zombie_watch

POOL_LINES = {"created": ops.POOL_CREATED, "updated": ops.POOL_UPDATED, "exists": ops.POOL_EXISTS}
ZOMBIE_LINES = {
    "created": ops.ZOMBIE_CREATED,
    "updated": ops.ZOMBIE_UPDATED,
    "exists": ops.ZOMBIE_EXISTS,
}


def _revision(engine: Engine) -> str:
    """The schema revision the database is at."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision() or "trống"


def migrate(*, engine: Engine) -> str:
    """Upgrade the schema (connecting first, so an unreachable database fails here); say so."""
    init_db(engine)
    url = engine.url.render_as_string(hide_password=True)
    return ops.DB_MIGRATED.format(url=url, revision=_revision(engine))


def pool() -> str:
    """Create the work pool (with the runs' heartbeat) when Prefect is configured; say so."""
    if deployments.api_configured() is None:
        return ops.POOL_SKIPPED
    name = deployments.pool_name()
    try:
        outcome = asyncio.run(deployments.ensure_pool())
    except Exception as exc:  # any transport error: one line, not a traceback
        raise CchcError(ops.POOL_UNREACHABLE.format(pool=name, reason=type(exc).__name__)) from exc
    seconds = get_settings().prefect.heartbeat_seconds
    return POOL_LINES[outcome].format(pool=name, seconds=seconds)


def zombies() -> str:
    """Create or update the automation crashing runs whose heartbeats stopped; say so."""
    name, seconds = zombie_watch.NAME, get_settings().prefect.zombie_after_seconds
    try:
        outcome = asyncio.run(zombie_watch.ensure_automation(seconds))
    except Exception as exc:  # as for the pool: one line, not a traceback
        reason = type(exc).__name__
        raise CchcError(ops.ZOMBIE_UNREACHABLE.format(name=name, reason=reason)) from exc
    return ZOMBIE_LINES[outcome].format(name=name, seconds=seconds)


def setup(*, engine: Engine) -> list[str]:
    """Prepare one installation: database, then pool and automation; return the lines to print."""
    lines = [migrate(engine=engine), pool()]
    watched = ""
    if deployments.api_configured() is not None:  # without a server there is nothing to watch
        lines.append(zombies())
        watched = ops.SETUP_DONE_ZOMBIES.format(seconds=get_settings().prefect.zombie_after_seconds)
    return [*lines, ops.SETUP_DONE.format(pool=deployments.pool_name(), zombies=watched)]
