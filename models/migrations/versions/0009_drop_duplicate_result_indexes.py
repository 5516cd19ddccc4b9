"""result, field_result: drop the campaign_id indexes that duplicate the unique keys' prefix

`ix_result_campaign_id` repeats the first column of the unique (campaign_id, unit_id) index,
and `ix_field_result_campaign_id` the first column of (campaign_id, unit_id, field_code):
every lookup by campaign already uses the unique index, while each inserted row paid for one
more index entry (a first computation inserts 12,000 unit rows and 96,000 field rows).

Revision ID: 0009
Revises: 0008
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None
INDEXES = (("result", "ix_result_campaign_id"), ("field_result", "ix_field_result_campaign_id"))


def upgrade() -> None:
    for table, index in INDEXES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_index(index)


def downgrade() -> None:
    for table, index in INDEXES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.create_index(index, ["campaign_id"], unique=False)
