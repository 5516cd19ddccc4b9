"""Upgrade to head from every earlier revision with data in the tables: no row is lost.

The data at revision r is the world built at head and taken down to r by the migrations' own
downgrades, so each upgrade step runs over the rows an installation at r would hold.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from cchc.db import make_engine
from models.db_init import alembic_config, init_db
from tests.conftest import _create_pg_database, _drop_pg_database, pg_or_skip
from tests.world.web import build_world

KEPT = ("campaign", "org_unit", "stage", "assignment", "audit_entry", "app_user")


def _revisions() -> list[str]:
    """Every revision but head, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    chain = [r.revision for r in script.walk_revisions()]
    return list(reversed(chain))[:-1]


def _move(engine: Engine, action: str, revision: str) -> None:
    """Run alembic upgrade/downgrade on the engine."""
    cfg = alembic_config()
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite" and action == "downgrade":
            # Downgrades rebuild referenced tables; upgrades run as init_db runs them (FKs on).
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        with connection.begin():
            cfg.attributes["connection"] = connection
            getattr(command, action)(cfg, revision)
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")


def _counts(engine: Engine) -> dict[str, int]:
    """Rows in the tables every revision has."""
    names = set(sa.inspect(engine).get_table_names())
    with engine.connect() as conn:
        return {
            t: conn.execute(sa.text(f'select count(*) from "{t}"')).scalar_one()
            for t in KEPT
            if t in names
        }


@pytest.fixture(params=["sqlite", "postgres"])
def fresh_engine(request: pytest.FixtureRequest, tmp_path) -> Iterator[Engine]:
    """An empty database of its own on each back end."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'chain.sqlite3'}")
        yield engine
        engine.dispose()
        return
    pg_or_skip()
    name = f"cchc_chain_{uuid.uuid4().hex[:8]}"
    engine = make_engine(_create_pg_database(name))
    yield engine
    engine.dispose()
    _drop_pg_database(name)


@pytest.mark.parametrize("revision", _revisions())
def test_upgrade_from_earlier_revision_keeps_every_row(fresh_engine: Engine, revision: str):
    init_db(fresh_engine)
    build_world(fresh_engine)
    before = _counts(fresh_engine)
    assert before["campaign"] == 1 and before["audit_entry"] > 0
    _move(fresh_engine, "downgrade", revision)
    _move(fresh_engine, "upgrade", "head")
    assert _counts(fresh_engine) == before
