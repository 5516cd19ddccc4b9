"""guidance_receipt: a unit's acknowledgement that it received the campaign's guidance

One row per campaign and unit (the first receipt stands), with when, who and how
(the kick-off's signed link, the unit's page, the API); `stage.from_receipt_days`: a stage
whose working-day clock starts at each unit's receipt rather than the issue date.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

import models.types

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "guidance_receipt",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("received_at", models.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("received_by", sa.String(length=300), nullable=False),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"]),
        sa.ForeignKeyConstraint(["unit_id"], ["org_unit.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("campaign_id", "unit_id"),
    )
    op.create_index("ix_guidance_receipt_campaign_id", "guidance_receipt", ["campaign_id"])
    with op.batch_alter_table("stage") as batch_op:
        batch_op.add_column(sa.Column("from_receipt_days", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stage") as batch_op:
        batch_op.drop_column("from_receipt_days")
    op.drop_index("ix_guidance_receipt_campaign_id", table_name="guidance_receipt")
    op.drop_table("guidance_receipt")
