"""published_snapshot: the approved ranking as published, so public reads never see live rows

Campaigns already published are backfilled from their (frozen) result rows under the approval
they were published with.

Revision ID: 0007
Revises: 0006
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

FIELDS = (
    "rank_group", "rank", "tied", "band", "index_value", "achieved_points", "max_points",
    "appraised_points", "survey_points",
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "published_snapshot",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("campaign_id", sa.Uuid(), sa.ForeignKey("campaign.id"), nullable=False),
        sa.Column("approval_id", sa.Uuid(), sa.ForeignKey("approval.id"), nullable=False),
        sa.Column("decision_no", sa.String(128), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        sa.Column("published_by", sa.String(128), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("approval_id"),
    )
    op.create_index("ix_published_snapshot_campaign_id", "published_snapshot", ["campaign_id"])
    _backfill(op.get_bind())


def _backfill(bind: sa.engine.Connection) -> None:
    """Snapshot every campaign published before this table existed."""
    meta = sa.MetaData()
    pub, appr, res, unit, snap = (
        sa.Table(name, meta, autoload_with=bind)
        for name in ("publication", "approval", "result", "org_unit", "published_snapshot")
    )
    published = bind.execute(
        sa.select(pub.c.campaign_id, pub.c.approval_id, pub.c.published_at, pub.c.recorded_by,
                  appr.c.decision_no).join(appr, appr.c.id == pub.c.approval_id)
    ).all()  # fmt: skip
    for campaign_id, approval_id, published_at, by, decision_no in published:
        rows = bind.execute(
            sa.select(unit.c.code, unit.c.name, *(res.c[f] for f in FIELDS))
            .join(unit, unit.c.id == res.c.unit_id)
            .where(res.c.campaign_id == campaign_id)
            .order_by(res.c.rank_group, res.c.rank.is_(None), res.c.rank, unit.c.code)
        ).all()
        body = [
            {"unit_code": r[0], "name": r[1], **dict(zip(FIELDS, r[2:], strict=True))} for r in rows
        ]
        bind.execute(
            snap.insert().values(
                id=uuid.uuid4(), campaign_id=campaign_id, approval_id=approval_id,
                decision_no=decision_no, rows=body, published_by=by, published_at=published_at,
            )
        )  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_published_snapshot_campaign_id", table_name="published_snapshot")
    op.drop_table("published_snapshot")
