"""unit_lineage: the former province of a predecessor (provincial mergers of 2025)

A 2025 unit of a merged province may continue a unit of another former province; the
predecessor's code is only unique within that province, so the link names it. NULL: the
unit's own province (every row before this revision).

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("unit_lineage") as batch_op:
        batch_op.add_column(sa.Column("predecessor_province", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("unit_lineage") as batch_op:
        batch_op.drop_column("predecessor_province")
