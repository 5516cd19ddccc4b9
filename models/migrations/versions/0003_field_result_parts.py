"""field_result keeps the self, appraised and survey parts of each field

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PARTS = ("self_points", "appraised_points", "survey_points")


def upgrade() -> None:
    with op.batch_alter_table("field_result") as batch:
        for name in PARTS:
            batch.add_column(sa.Column(name, sa.Float(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("field_result") as batch:
        for name in PARTS:
            batch.drop_column(name)
