"""accounts: passwords, server-side web sessions, named scoped API tokens, login failures

Each user's former single token moves into `api_token` as a read-write token named
"default" (same hash, so scripts keep working); `app_user.token_hash` is dropped.

Revision ID: 0010
Revises: 0009
"""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import models.types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _stamp() -> sa.Column:
    return sa.Column("created_at", models.types.UTCDateTime(timezone=True), nullable=False)


def _create_tables() -> None:
    op.create_table(
        "api_token",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        _stamp(),
        sa.Column("expires_at", models.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", models.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_api_token_user_id", "api_token", ["user_id"])
    op.create_table(
        "web_session",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sid_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        _stamp(),
        sa.Column("last_seen_at", models.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", models.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ip", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sid_hash"),
    )
    op.create_index("ix_web_session_user_id", "web_session", ["user_id"])
    op.create_table(
        "login_failure",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("username", sa.String(length=128), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=False),
        sa.Column("at", models.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_login_failure_username", "login_failure", ["username"])
    op.create_index("ix_login_failure_ip", "login_failure", ["ip"])


def _move_tokens(users: list[tuple[object, str]]) -> None:
    """Store every user's former token hash in api_token (read-write, never expiring)."""
    table = sa.table(
        "api_token",
        sa.column("id", sa.Uuid()),
        sa.column("user_id", sa.Uuid()),
        sa.column("name", sa.String()),
        sa.column("scope", sa.String()),
        sa.column("token_hash", sa.String()),
        sa.column("created_at", models.types.UTCDateTime(timezone=True)),
    )
    moment = datetime.now(UTC)
    rows = [
        {
            "id": uuid.uuid4(),
            "user_id": user_id if isinstance(user_id, uuid.UUID) else uuid.UUID(str(user_id)),
            "name": "default",
            "scope": "write",
            "token_hash": token_hash,
            "created_at": moment,
        }
        for user_id, token_hash in users
    ]
    if rows:
        op.bulk_insert(table, rows)


def upgrade() -> None:
    users = [
        tuple(r) for r in op.get_bind().execute(sa.text("SELECT id, token_hash FROM app_user"))
    ]
    # On SQLite the batch rebuilds app_user: do it before any table references it.
    with op.batch_alter_table("app_user") as batch_op:
        batch_op.add_column(sa.Column("password_hash", sa.String(length=256), nullable=True))
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch_op.drop_column("token_hash")
    _create_tables()
    _move_tokens(users)


def downgrade() -> None:
    bind = op.get_bind()
    live = (
        "SELECT user_id, MIN(token_hash) FROM api_token WHERE revoked_at IS NULL GROUP BY user_id"
    )
    hashes = {uuid.UUID(str(u)).hex: h for u, h in bind.execute(sa.text(live))}
    for table in ("login_failure", "web_session", "api_token"):
        op.drop_table(table)
    with op.batch_alter_table("app_user") as batch_op:
        batch_op.add_column(sa.Column("token_hash", sa.String(length=64), nullable=True))
        batch_op.drop_column("must_change_password")
        batch_op.drop_column("password_hash")
    users = sa.table("app_user", sa.column("id", sa.Uuid()), sa.column("token_hash", sa.String()))
    for (user_id,) in bind.execute(sa.select(users.c.id)):
        fallback = uuid.uuid4().hex  # a user without a live token keeps an unusable one
        value = hashes.get(uuid.UUID(str(user_id)).hex, fallback)
        bind.execute(users.update().where(users.c.id == user_id).values(token_hash=value))
