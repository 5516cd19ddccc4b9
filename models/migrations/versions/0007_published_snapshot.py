"""published_snapshot: the approved ranking as published, so public reads never see live rows

Campaigns already published are backfilled from their (frozen) result rows under the approval
they were published with.

Revision ID: 0007
Revises: 0006
"""

import uuid

import sqlalchemy as sa
from alembic import op

from models.types import UTCDateTime

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
    pub, appr, res, unit, snap = _tables()
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


def _tables() -> tuple[sa.TableClause, ...]:
    """The columns the backfill reads and writes, typed: reflected SQLite CHAR(32) ids would
    hand back hex strings and refuse uuid.UUID values ("type 'UUID' is not supported")."""
    ids = ("id", "campaign_id", "approval_id", "unit_id")
    pub = sa.table(
        "publication", *(sa.column(n, sa.Uuid()) for n in ids[1:3]),
        sa.column("published_at", UTCDateTime()), sa.column("recorded_by", sa.String()),
    )  # fmt: skip
    appr = sa.table("approval", sa.column("id", sa.Uuid()), sa.column("decision_no", sa.String()))
    res = sa.table(
        "result", *(sa.column(n, sa.Uuid()) for n in ("campaign_id", "unit_id")),
        *(sa.column(n, sa.String()) for n in ("rank_group", "band")),
        sa.column("rank", sa.Integer()), sa.column("tied", sa.Boolean()),
        *(sa.column(n, sa.Float()) for n in FIELDS[4:]),
    )  # fmt: skip
    unit = sa.table(
        "org_unit", sa.column("id", sa.Uuid()), sa.column("code", sa.String()),
        sa.column("name", sa.String()),
    )  # fmt: skip
    snap = sa.table(
        "published_snapshot", *(sa.column(n, sa.Uuid()) for n in ids[:3]),
        sa.column("decision_no", sa.String()), sa.column("rows", sa.JSON()),
        sa.column("published_by", sa.String()), sa.column("published_at", UTCDateTime()),
    )  # fmt: skip
    return pub, appr, res, unit, snap


def downgrade() -> None:
    op.drop_index("ix_published_snapshot_campaign_id", table_name="published_snapshot")
    op.drop_table("published_snapshot")
