"""Bulk inserts for generated rows: COPY on PostgreSQL, Core executemany elsewhere.

Never `session.add_all` for big tables: STACK-NOTES measured 148-250 s for 1.2 M rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

CHUNK = 20_000  # rows per executemany call: bounds memory on SQLite


def table(name: str) -> sa.Table:
    """Return the mapped table called `name` (importing models registers them all)."""
    import models  # noqa: F401  (registers every table on SQLModel.metadata)

    return SQLModel.metadata.tables[name]


def insert_rows(conn: Connection, name: str, rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert `rows` (dicts with the same keys) into table `name`; return how many."""
    if not rows:
        return 0
    if conn.dialect.name == "postgresql":
        return _copy(conn, table(name), rows)
    tbl = table(name)
    for start in range(0, len(rows), CHUNK):
        conn.execute(tbl.insert(), list(rows[start : start + CHUNK]))
    return len(rows)


def _copy_value(value: Any) -> Any:
    """Adapt one value for COPY: JSON columns go as text, the rest psycopg adapts itself."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _copy(conn: Connection, tbl: sa.Table, rows: Sequence[Mapping[str, Any]]) -> int:
    """COPY rows into a PostgreSQL table through the connection's own psycopg cursor."""
    columns = list(rows[0].keys())
    quoted = ", ".join(f'"{c}"' for c in columns)
    raw = conn.connection.driver_connection  # psycopg.Connection, inside SQLAlchemy's transaction
    with raw.cursor() as cursor, cursor.copy(f'COPY "{tbl.name}" ({quoted}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([_copy_value(row[c]) for c in columns])
    return len(rows)


def count_rows(conn: Connection, names: Iterable[str]) -> dict[str, int]:
    """Count the rows of each named table."""
    return {n: conn.execute(sa.text(f'SELECT count(*) FROM "{n}"')).scalar_one() for n in names}
