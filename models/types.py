"""Column types shared by the tables: tz-aware UTC timestamps on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, TypeDecorator
from sqlmodel import Field

from cchc.clock import now


class UTCDateTime(TypeDecorator[datetime]):
    """Store instants as UTC; always hand back tz-aware UTC (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Refuse naive datetimes: every instant in the code base is tz-aware."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use cchc.clock.now()")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Return tz-aware UTC."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def uuid_pk() -> Any:
    """Primary key column: a random UUID."""
    return Field(default_factory=uuid.uuid4, primary_key=True)


def created_now() -> Any:
    """A creation timestamp set from the one clock."""
    return Field(default_factory=now, sa_type=UTCDateTime, nullable=False)


def when(*, nullable: bool = True, index: bool = False) -> Any:
    """An optional tz-aware timestamp column."""
    return Field(default=None, sa_type=UTCDateTime, nullable=nullable, index=index)


def json_list() -> Any:
    """A JSON list column."""
    return Field(default_factory=list, sa_type=JSON, nullable=False)


def json_dict() -> Any:
    """A JSON object column."""
    return Field(default_factory=dict, sa_type=JSON, nullable=False)
