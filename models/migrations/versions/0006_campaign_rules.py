"""campaign.rules: the bands, survey and ranking rules a campaign froze at launch

Existing campaigns are backfilled from today's config (bands.yaml, survey/*.yaml), as a launch
would have frozen them, so results no longer follow later config edits.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

CAMPAIGN = sa.table(
    "campaign",
    sa.column("id", sa.Uuid()),
    sa.column("province_code", sa.String()),
    sa.column("policy", sa.JSON()),
    sa.column("rules", sa.JSON()),
)


def upgrade() -> None:
    with op.batch_alter_table("campaign") as batch:
        batch.add_column(sa.Column("rules", sa.JSON(), nullable=False, server_default="{}"))
    _backfill(op.get_bind())


def _backfill(bind: sa.engine.Connection) -> None:
    """Freeze today's config into every existing campaign."""
    from models.campaign.rules import freeze_rules

    rows = bind.execute(sa.select(CAMPAIGN.c.id, CAMPAIGN.c.province_code, CAMPAIGN.c.policy))
    for campaign_id, province_code, policy in rows.all():
        rules = freeze_rules(
            province_code=province_code,
            scheme=(policy or {}).get("bands"),
            tie_break=(policy or {}).get("tie_break"),
        )
        bind.execute(CAMPAIGN.update().where(CAMPAIGN.c.id == campaign_id).values(rules=rules))


def downgrade() -> None:
    with op.batch_alter_table("campaign") as batch:
        batch.drop_column("rules")
