"""result: an index on (campaign_id, rank_group, rank) for one page of a ranking block

The campaign page shows twenty units of each block at a time; with this index PostgreSQL reads
those twenty in rank order instead of sorting every result of the campaign.

Revision ID: 0019
Revises: 0018
"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_result_block_rank", "result", ["campaign_id", "rank_group", "rank"])


def downgrade() -> None:
    op.drop_index("ix_result_block_rank", table_name="result")
