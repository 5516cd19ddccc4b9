"""`cchc setup`: check and migrate the database, create the Prefect work pool (idempotent)."""

from __future__ import annotations

import asyncio

from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Engine

from cchc.errors import CchcError
from cchc.wording import ops
from models.db_init import init_db
from services import deployments


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
    """Create the work pool when a Prefect server is configured; say what happened."""
    if deployments.api_configured() is None:
        return ops.POOL_SKIPPED
    name = deployments.pool_name()
    try:
        created = asyncio.run(deployments.ensure_pool())
    except Exception as exc:  # any transport error: one line, not a traceback
        raise CchcError(ops.POOL_UNREACHABLE.format(pool=name, reason=type(exc).__name__)) from exc
    return (ops.POOL_CREATED if created else ops.POOL_EXISTS).format(pool=name)


def setup(*, engine: Engine) -> list[str]:
    """Prepare one installation: database first, then the pool; return the lines to print."""
    lines = [migrate(engine=engine), pool()]
    return [*lines, ops.SETUP_DONE.format(pool=deployments.pool_name())]
