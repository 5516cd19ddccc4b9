"""notification: the provider's receipt (message id) of a delivered message

Zalo OA and SMS gateways answer a delivery with their own message id; it is kept on the
outbox row so a delivery can be traced at the provider.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("notification") as batch_op:
        batch_op.add_column(sa.Column("receipt", sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("notification") as batch_op:
        batch_op.drop_column("receipt")
