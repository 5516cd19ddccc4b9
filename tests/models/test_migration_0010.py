"""Migration 0010: each user's former token becomes its read-write "default" API token."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import Session

from models.accounts.ops import authenticate, hash_token
from models.types import UTCDateTime
from tests.models.test_migration_0006 import _upgrade, old_engine  # noqa: F401 - the fixture

USER = sa.table(
    "app_user",
    *(sa.column(c) for c in ("name", "role", "token_hash", "active")),
    sa.column("id", sa.Uuid()),
    sa.column("field_codes", sa.JSON()),
    sa.column("unit_codes", sa.JSON()),
    sa.column("created_at", UTCDateTime()),
)


def test_upgrade_keeps_old_tokens_working_and_drops_the_column(old_engine: sa.Engine) -> None:  # noqa: F811
    _upgrade(old_engine, "0009")
    row = {"name": "script", "role": "viewer", "active": True, "field_codes": [], "unit_codes": []}
    with old_engine.begin() as conn:
        conn.execute(
            USER.insert().values(
                id=uuid.uuid4(),
                token_hash=hash_token("old-token"),
                created_at=datetime(2024, 1, 1, tzinfo=UTC),
                **row,
            )
        )
    _upgrade(old_engine, "head")
    columns = {c["name"] for c in sa.inspect(old_engine).get_columns("app_user")}
    assert "token_hash" not in columns and "password_hash" in columns
    with Session(old_engine) as s:
        user = authenticate(session=s, token="old-token")
        assert user is not None and user.name == "script" and not user.must_change_password
        assert authenticate(session=s, token="other") is None


def test_downgrade_restores_a_live_token(old_engine: sa.Engine) -> None:  # noqa: F811
    from alembic import command

    from models.db_init import alembic_config

    _upgrade(old_engine, "head")
    with Session(old_engine) as s:
        from models.accounts.ops import create_user

        _user, token = create_user(session=s, name="bot", role="viewer", actor="test")
        s.commit()
    cfg = alembic_config()
    with old_engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0009")
    with old_engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT token_hash FROM app_user")).scalar_one()
    assert stored == hash_token(token)
