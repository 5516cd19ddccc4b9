"""notification and campaign: the Prefect flow runs and deployment behind them (run links)

Each outbox row names the tick's flow run that wrote it and the one that delivered it; a
campaign names its last tick's flow run and its deployment's id, so the dashboard links to the
Prefect UI. All nullable: rows written outside Prefect (`cchc tick --local`) have none.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

COLUMNS = {
    "notification": ("flow_run_id", "delivered_flow_run_id"),
    "campaign": ("last_tick_flow_run_id", "deployment_id"),
}


def upgrade() -> None:
    for table, names in COLUMNS.items():
        with op.batch_alter_table(table) as batch_op:
            for name in names:
                batch_op.add_column(sa.Column(name, sa.String(length=36), nullable=True))


def downgrade() -> None:
    for table, names in COLUMNS.items():
        with op.batch_alter_table(table) as batch_op:
            for name in reversed(names):
                batch_op.drop_column(name)
