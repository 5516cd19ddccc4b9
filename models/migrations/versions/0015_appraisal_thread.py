"""appraisal_message: the reply thread (giải trình) of an appraised leaf

The unit's single answer (`appraisal.unit_response`) becomes the first message of its leaf's
thread, written by whoever last saved it (from the audit log; "đơn vị" when unknown) at that
time (else the appraisal's time); the column is then dropped.

Revision ID: 0015
Revises: 0014
"""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import models.types

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

MESSAGE = sa.table(
    "appraisal_message",
    sa.column("id", sa.Uuid()),
    sa.column("campaign_id", sa.Uuid()),
    sa.column("unit_id", sa.Uuid()),
    sa.column("item_id", sa.Uuid()),
    sa.column("author", sa.String()),
    sa.column("role", sa.String()),
    sa.column("text", sa.String()),
    sa.column("at", models.types.UTCDateTime(timezone=True)),
)
# the latest audited save of each answer: its author and moment
LAST_SAVE = """
SELECT a.id, a.campaign_id, a.unit_id, a.item_id, a.unit_response, a.appraised_at,
       (SELECT e.actor FROM audit_entry e WHERE e.action = 'unit_response'
          AND {same} ORDER BY e.at DESC LIMIT 1),
       (SELECT e.at FROM audit_entry e WHERE e.action = 'unit_response'
          AND {same} ORDER BY e.at DESC LIMIT 1)
FROM appraisal a WHERE a.unit_response IS NOT NULL
"""


def _uuid(value: object) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _moment(value: object) -> datetime:
    """A stored instant as tz-aware UTC (SQLite hands back naive UTC or text)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return datetime.now(UTC)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _answers() -> list[dict[str, object]]:
    """Read every single answer as the first message of its thread."""
    bind = op.get_bind()
    # audit rows name the appraisal by its dashed id; SQLite stores ids as 32 hex digits
    same = (
        "e.entity_id = CAST(a.id AS VARCHAR)"
        if bind.dialect.name == "postgresql"
        else "REPLACE(e.entity_id, '-', '') = a.id"
    )
    rows = bind.execute(sa.text(LAST_SAVE.format(same=same))).all()
    return [
        {
            "id": uuid.uuid4(),
            "campaign_id": _uuid(r[1]),
            "unit_id": _uuid(r[2]),
            "item_id": _uuid(r[3]),
            "author": (r[6] or "đơn vị")[:128],
            "role": "unit",
            "text": str(r[4])[:2000],
            "at": _moment(r[7] or r[5]),
        }
        for r in rows
    ]


def upgrade() -> None:
    answers = _answers()
    op.create_table(
        "appraisal_message",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("author", sa.String(length=128), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sa.Column("at", models.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"]),
        sa.ForeignKeyConstraint(["unit_id"], ["org_unit.id"]),
        sa.ForeignKeyConstraint(["item_id"], ["criteria_item.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_appraisal_message_campaign_id", "appraisal_message", ["campaign_id"])
    op.create_index("ix_appraisal_message_unit_id", "appraisal_message", ["unit_id"])
    if answers:
        op.bulk_insert(MESSAGE, answers)
    with op.batch_alter_table("appraisal") as batch_op:
        batch_op.drop_column("unit_response")


def downgrade() -> None:
    with op.batch_alter_table("appraisal") as batch_op:
        batch_op.add_column(sa.Column("unit_response", sa.String(length=4000), nullable=True))
    bind = op.get_bind()
    latest = bind.execute(
        sa.text(
            "SELECT m.campaign_id, m.unit_id, m.item_id, m.text FROM appraisal_message m "
            "WHERE m.role = 'unit' ORDER BY m.at"
        )
    ).all()
    for campaign_id, unit_id, item_id, text in latest:  # the newest answer wins
        bind.execute(
            sa.text(
                "UPDATE appraisal SET unit_response = :t WHERE campaign_id = :c "
                "AND unit_id = :u AND item_id = :i"
            ),
            {"t": text[:4000], "c": campaign_id, "u": unit_id, "i": item_id},
        )
    op.drop_index("ix_appraisal_message_unit_id", table_name="appraisal_message")
    op.drop_index("ix_appraisal_message_campaign_id", table_name="appraisal_message")
    op.drop_table("appraisal_message")
