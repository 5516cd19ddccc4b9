"""Migration 0015: the unit's single answer becomes the first message of its leaf's thread."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa

from models.types import UTCDateTime
from tests.models.test_migration_0006 import _upgrade, old_engine  # noqa: F401 - the fixture
from tests.models.test_migration_chain import fill

AUDIT = sa.table(
    "audit_entry",
    *(sa.column(c) for c in ("actor", "action", "entity", "entity_id")),
    sa.column("id", sa.Uuid()),
    sa.column("at", UTCDateTime()),
)
SAVED = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)


def test_the_old_answer_opens_the_thread_under_its_audited_author(old_engine: sa.Engine) -> None:  # noqa: F811
    _upgrade(old_engine, "0014")
    appraisal_id = uuid.UUID(str(fill(old_engine)["appraisal"]["id"]))
    with old_engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE appraisal SET unit_response = :t"), {"t": "Đã bổ sung quyết định"}
        )
        conn.execute(
            AUDIT.insert().values(
                id=uuid.uuid4(), actor="don-vi-a", action="unit_response", entity="appraisal",
                entity_id=str(appraisal_id), at=SAVED,
            )
        )  # fmt: skip
    _upgrade(old_engine, "head")
    columns = {c["name"] for c in sa.inspect(old_engine).get_columns("appraisal")}
    assert "unit_response" not in columns
    table = sa.Table("appraisal_message", sa.MetaData(), autoload_with=old_engine)
    with old_engine.connect() as conn:
        (message,) = conn.execute(sa.select(table)).mappings().all()
    assert (message["author"], message["role"], message["text"]) == (
        "don-vi-a",
        "unit",
        "Đã bổ sung quyết định",
    )
    at = message["at"]
    assert (at.astimezone(UTC) if at.tzinfo else at.replace(tzinfo=UTC)) == SAVED
