"""result, field_result: fillfactor 50 on PostgreSQL, so a recompute updates rows on their page

compute_results rewrites every unit's row and every (unit, field) row; no indexed column
changes, so with free room on the page PostgreSQL makes a heap-only update (no index entries,
no foreign-key checks) instead of a new tuple elsewhere plus four index insertions. SQLite has
no such setting.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None
TABLES = ("result", "field_result")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"ALTER TABLE {table} SET (fillfactor = 50)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"ALTER TABLE {table} RESET (fillfactor)")
