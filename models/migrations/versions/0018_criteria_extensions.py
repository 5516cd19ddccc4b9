"""criteria extensions: bonus/penalty items, not-applicable marks, formula items, index cap

criteria_item gains `kind` (base | bonus | penalty), `allow_not_applicable` and `formula`
(the figure → points rule); criteria_set gains `index_cap`; self_score and appraisal keep the
figure a formula leaf was scored from; `not_applicable` holds the leaves marked not applicable
to a unit in a campaign (their points leave that unit's maximum).

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

import models.types

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN on both dialects: a batch copy of criteria_item would drop a table that
    # self_score, appraisal and survey_score still reference (SQLite checks foreign keys)
    op.add_column(
        "criteria_item",
        sa.Column("kind", sa.String(length=16), nullable=False, server_default="base"),
    )
    op.add_column(
        "criteria_item",
        sa.Column("allow_not_applicable", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("criteria_item", sa.Column("formula", sa.JSON(), nullable=True))
    op.add_column("criteria_set", sa.Column("index_cap", sa.Float(), nullable=True))
    for table in ("self_score", "appraisal"):
        op.add_column(table, sa.Column("figure", sa.Float(), nullable=True))
    op.create_table(
        "not_applicable",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(length=4000), nullable=False),
        sa.Column("marked_by", sa.String(length=128), nullable=False),
        sa.Column("marked_at", models.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"]),
        sa.ForeignKeyConstraint(["unit_id"], ["org_unit.id"]),
        sa.ForeignKeyConstraint(["item_id"], ["criteria_item.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("campaign_id", "unit_id", "item_id"),
    )
    op.create_index("ix_not_applicable_unit_id", "not_applicable", ["unit_id"])
    op.create_index("ix_not_applicable_item_id", "not_applicable", ["item_id"])


def downgrade() -> None:
    op.drop_table("not_applicable")
    for table in ("appraisal", "self_score"):
        op.drop_column(table, "figure")
    op.drop_column("criteria_set", "index_cap")
    for column in ("formula", "allow_not_applicable", "kind"):
        op.drop_column("criteria_item", column)
