"""campaign_version: every version of a running campaign's plan (launch = 1, each amendment N+1)

Existing campaigns get version 1 from the plan body they were launched with.

Revision ID: 0008
Revises: 0007
"""

import uuid

import sqlalchemy as sa
from alembic import op

from models.types import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaign_version",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("campaign_id", sa.Uuid(), sa.ForeignKey("campaign.id"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("campaign_id", "number"),
    )
    op.create_index("ix_campaign_version_campaign_id", "campaign_version", ["campaign_id"])
    _backfill(op.get_bind())


def _backfill(bind: sa.engine.Connection) -> None:
    """Give every existing campaign its version 1: the plan body it was launched with."""
    campaign = sa.table(
        "campaign",
        sa.column("id", sa.Uuid()),
        sa.column("plan_id", sa.Uuid()),
        sa.column("launched_at", UTCDateTime()),
    )
    plan = sa.table("plan", sa.column("id", sa.Uuid()), sa.column("body", sa.JSON()))
    version = sa.table(
        "campaign_version",
        *(sa.column(n, sa.Uuid()) for n in ("id", "campaign_id")),
        *(sa.column(n, sa.JSON()) for n in ("body", "changes")),
        sa.column("number", sa.Integer()),
        sa.column("created_by", sa.String()),
        sa.column("created_at", UTCDateTime()),
    )
    query = sa.select(campaign.c.id, plan.c.body, campaign.c.launched_at).join(
        plan, plan.c.id == campaign.c.plan_id
    )
    rows = [
        {
            "id": uuid.uuid4(),
            "campaign_id": cid,
            "number": 1,
            "body": body,
            "changes": [],
            "created_by": "migration",
            "created_at": at,
        }
        for cid, body, at in bind.execute(query).all()
    ]
    if rows:
        bind.execute(version.insert(), rows)


def downgrade() -> None:
    op.drop_index("ix_campaign_version_campaign_id", "campaign_version")
    op.drop_table("campaign_version")
