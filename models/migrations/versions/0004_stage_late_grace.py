"""stage.late_grace_days: accepted-late stages close this many working days after the due time

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stage") as batch:
        batch.add_column(
            sa.Column("late_grace_days", sa.Integer(), nullable=False, server_default="10")
        )


def downgrade() -> None:
    with op.batch_alter_table("stage") as batch:
        batch.drop_column("late_grace_days")
