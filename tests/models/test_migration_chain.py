"""The migration chain: a database made at any released revision, with data, upgrades to head.

At each revision one row is written into every table that exists then (values drawn from the
reflected column types, every foreign key pointing at its table's one row), the database is
upgraded to head, and every row and every column that still exists must read back unchanged;
the backfills of 0006 (rules), 0007 (published snapshot) and 0008 (version 1) must have run.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory

from cchc.db import make_engine
from models.db_init import alembic_config
from tests.conftest import _create_pg_database, _drop_pg_database, pg_or_skip

REVISIONS = [
    r.revision
    for r in reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))
]
AT = datetime(2024, 3, 4, 5, 6, 7, tzinfo=UTC)
# what each backfill writes, checked when the chain starts before it
# Columns a later migration moves elsewhere (0010: a user's token into api_token; 0015: the
# unit's single answer into appraisal_message).
DROPPED = {"app_user": {"token_hash"}, "appraisal": {"unit_response"}}
BACKFILLS = {
    "0006": "campaign",
    "0007": "published_snapshot",
    "0008": "campaign_version",
    "0010": "api_token",  # the user's token becomes its "default" API token
    "0015": "appraisal_message",  # the unit's answer becomes the first message of its thread
}


def upgrade(engine: sa.Engine, revision: str) -> None:
    """Upgrade the database behind `engine` to `revision`, as `alembic upgrade` does."""
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def _is_uuid(column: sa.Column[Any], dialect: str) -> bool:
    """Tell a UUID column (native on PostgreSQL, CHAR(32) on SQLite)."""
    kind = column.type
    return isinstance(kind, sa.Uuid) or (
        dialect == "sqlite" and isinstance(kind, sa.CHAR) and kind.length == 32
    )


def _value(column: sa.Column[Any], dialect: str) -> Any:
    """A representative value for a reflected column."""
    kind = column.type
    if _is_uuid(column, dialect):
        return uuid.uuid4() if dialect != "sqlite" else uuid.uuid4().hex
    if isinstance(kind, sa.Boolean):
        return True
    if isinstance(kind, sa.Integer):
        return 3
    if isinstance(kind, (sa.Float, sa.Numeric)):
        return 2.5
    if isinstance(kind, sa.DateTime):
        return AT.replace(tzinfo=None) if dialect == "sqlite" else AT
    if isinstance(kind, sa.Date):
        return date(2024, 3, 4)
    if isinstance(kind, sa.JSON):
        return {"nguon": "kiểm tra"}
    length = getattr(kind, "length", None) or 40
    return f"{column.table.name}-{column.name}"[:length]


def fill(engine: sa.Engine) -> dict[str, dict[str, Any]]:
    """Write one row into every table; return the rows written, by table."""
    meta = sa.MetaData()
    meta.reflect(engine)
    dialect = engine.dialect.name
    rows: dict[str, dict[str, Any]] = {}
    with engine.begin() as conn:
        for table in meta.sorted_tables:
            if table.name == "alembic_version":
                continue
            row = {}
            for column in table.columns:
                fks = [fk for fk in column.foreign_keys if fk.column.table.name in rows]
                if fks:
                    row[column.name] = rows[fks[0].column.table.name][fks[0].column.name]
                elif column.foreign_keys:
                    row[column.name] = None  # a self reference: the one row has no parent
                else:
                    row[column.name] = _value(column, dialect)
            conn.execute(table.insert().values(**row))
            rows[table.name] = row
    return rows


def read_all(engine: sa.Engine) -> dict[str, list[dict[str, Any]]]:
    """Read every row of every table, as dicts."""
    meta = sa.MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        return {
            t.name: [dict(r._mapping) for r in conn.execute(sa.select(t))]
            for t in meta.sorted_tables
        }


def check_chain(engine: sa.Engine, start: str) -> None:
    """Fill a database at `start`, upgrade it to head and check that the data survived."""
    upgrade(engine, start)
    fill(engine)
    written = read_all(engine)
    upgrade(engine, "head")
    after = read_all(engine)
    for table, rows in written.items():
        if table == "alembic_version":
            continue
        assert len(rows) == 1 and len(after[table]) == 1, table
        now = after[table][0]
        assert {k for k in rows[0] if k not in now} <= DROPPED.get(table, set()), table
        assert {k: v for k, v in now.items() if k in rows[0]} == {
            k: v for k, v in rows[0].items() if k in now
        }, table
    for revision, table in BACKFILLS.items():
        if start < revision:
            assert len(after[table]) == 1, f"{revision} backfill of {table}"
    if start < "0007":  # the snapshot is the published result row, under its unit's code
        (snapshot,) = after["published_snapshot"][0]["rows"]
        assert snapshot["unit_code"] == "org_unit-code" and snapshot["rank"] == 3
    if start < "0006":
        assert after["campaign"][0]["rules"] not in ({}, None)


@pytest.mark.parametrize("start", REVISIONS)
def test_sqlite_database_at_each_revision_upgrades_with_its_data(
    start: str, tmp_path: Path
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'chain.sqlite3'}")
    try:
        check_chain(engine, start)
    finally:
        engine.dispose()


@pytest.fixture
def pg_blank() -> Iterator[sa.Engine]:
    """A new, empty PostgreSQL database, dropped afterwards."""
    pg_or_skip()
    name = f"cchc_chain_{uuid.uuid4().hex[:8]}"
    engine = make_engine(_create_pg_database(name))
    yield engine
    engine.dispose()
    _drop_pg_database(name)


@pytest.mark.postgres
@pytest.mark.parametrize("start", REVISIONS)
def test_pg_database_at_each_revision_upgrades_with_its_data(
    start: str, pg_blank: sa.Engine
) -> None:
    check_chain(pg_blank, start)
