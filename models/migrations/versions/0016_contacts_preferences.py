"""contacts and preferences: units' and users' own channels, users' event choices, quiet rows

A unit gets a phone (SMS) and a Zalo user id beside its e-mail; a user gets all three plus the
events they want and whether they read them in a daily digest. An outbox row sent through SMS
or Zalo is marked `quiet`: the sender holds it during the quiet hours.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both dialects: a batch would rebuild tables others reference (SQLite).
    op.add_column("org_unit", sa.Column("phone", sa.String(length=16), nullable=True))
    op.add_column("org_unit", sa.Column("zalo_id", sa.String(length=64), nullable=True))
    op.add_column("app_user", sa.Column("email", sa.String(length=255), nullable=True))
    op.add_column("app_user", sa.Column("phone", sa.String(length=16), nullable=True))
    op.add_column("app_user", sa.Column("zalo_id", sa.String(length=64), nullable=True))
    op.add_column(
        "app_user", sa.Column("notify_events", sa.JSON(), nullable=False, server_default="[]")
    )
    op.add_column(
        "app_user",
        sa.Column("notify_digest", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "notification",
        sa.Column("quiet", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("notification", "quiet")
    for name in ("notify_digest", "notify_events", "zalo_id", "phone", "email"):
        op.drop_column("app_user", name)
    op.drop_column("org_unit", "zalo_id")
    op.drop_column("org_unit", "phone")
