"""Move a generated data set in time by whole weeks, so a server on the real clock sees it 'today'.

The generator pins its instant (bench.gen_campaign.AT) for reproducible ticks; a `cchc serve`
process runs on the real clock, and a campaign frozen years ago would show years of overdue days.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from bench.plan_shape import AT
from cchc.clock import now
from models.types import UTCDateTime


def weeks_to_now(at: datetime = AT) -> timedelta:
    """The whole number of weeks from `at` to now (weekdays and local hours stay the same)."""
    return timedelta(weeks=(now() - at).days // 7)


def shift(engine: Engine, delta: timedelta) -> None:
    """Add `delta` to every timestamp column of every table (NULLs stay NULL)."""
    import models  # noqa: F401  (registers the tables)

    days = delta.days
    with engine.begin() as conn:
        for tbl in SQLModel.metadata.sorted_tables:
            cols = [c.name for c in tbl.columns if isinstance(c.type, UTCDateTime)]
            if not cols or tbl.name == "audit_entry":  # the audit log is append-only
                continue
            if engine.dialect.name == "postgresql":
                sets = ", ".join(f'"{c}" = "{c}" + make_interval(days => {days})' for c in cols)
            else:
                sets = ", ".join(
                    f"\"{c}\" = strftime('%Y-%m-%d %H:%M:%f', \"{c}\", '{days:+d} days')"
                    for c in cols
                )
            conn.execute(sa.text(f'UPDATE "{tbl.name}" SET {sets}'))
