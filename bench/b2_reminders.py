"""Bench 2: reminder decision + outbox writes when every unit must be reminded today.

On a fresh copy, every self-assessment assignment is put back to not-acted, so at the bench
instant each unit (≈ 12,000 at national scale) is due a reminder or an overdue notice. The
measured path is models.tick.evaluate.send_reminders per campaign; the baseline writes the very same
rows into the same outbox table with one plain executemany (no decisions, no conflict check).
"""

from __future__ import annotations

import argparse
import time

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bench.b1_tick import campaigns, warm_calendar
from bench.bulk import table
from bench.common import Figure, emit, memory_figure, print_table
from bench.pgdb import copy_of
from bench.plan_shape import AT

NOT_ACTED = """
UPDATE assignment SET received_at = NULL, late = :false,
  state = CASE WHEN due_at < :at THEN 'overdue' ELSE 'open' END
WHERE stage_id IN (SELECT id FROM stage WHERE kind = 'self_assessment')
"""


def reset_not_acted(engine: Engine) -> None:
    """Nobody has acted in their self-assessment yet."""
    stmt = sa.text(NOT_ACTED).bindparams(
        sa.bindparam("at", type_=table("stage").c.due_at.type),
        sa.bindparam("false", type_=sa.Boolean()),
    )
    with engine.begin() as conn:
        conn.execute(stmt, {"at": AT, "false": False})


def _remind_all(engine: Engine, rows: list[tuple]) -> tuple[float, int]:
    """Decide and enqueue today's reminders for every campaign; return seconds and rows."""
    from models.tick.evaluate import send_reminders

    written = 0
    start = time.perf_counter()
    for cid, *_ in rows:
        with Session(engine) as session:
            written += send_reminders(session=session, campaign_id=cid, at=AT)
            session.commit()
    return time.perf_counter() - start, written


def _plain_insert(engine: Engine) -> tuple[float, int]:
    """Delete the rows just written and insert them again with one executemany; return seconds."""
    notification = table("notification")
    fresh = notification.c.kind.in_(["reminder", "overdue"])
    with engine.begin() as conn:
        rows = [dict(r._mapping) for r in conn.execute(sa.select(notification).where(fresh))]
        conn.execute(sa.delete(notification).where(fresh))
    start = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(notification.insert(), rows)
    return time.perf_counter() - start, len(rows)


def measure(url: str) -> list[Figure]:
    """Run the measured path and the baseline on one fresh copy."""
    from cchc.db import make_engine

    with copy_of(url, "_remind") as copy:
        engine = make_engine(copy)
        reset_not_acted(engine)
        rows = campaigns(engine)
        warm_calendar(engine, rows)
        seconds, written = _remind_all(engine, rows)
        rerun, again = _remind_all(engine, rows)
        base, same = _plain_insert(engine)
        engine.dispose()
    scored = sum(r[3] for r in rows)
    note = (
        f"{written:,} outbox rows (one per unit not acted) for {len(rows)} campaigns, "
        f"{scored:,} units in all; rerun wrote {again} in {rerun:.2f} s; "
        f"baseline inserted {same:,} rows"
    )
    return [
        Figure(
            "reminders",
            "send_reminders (decide + enqueue)",
            written / seconds,
            "rows/s",
            "plain executemany of the same rows",
            same / base,
            note=note,
        )
    ]


def main(argv: list[str] | None = None) -> None:
    """Command line: run the bench and print its table."""
    parser = argparse.ArgumentParser(prog="python -m bench.b2_reminders")
    parser.add_argument("--db", required=True, help="a database filled by bench.generate (copied)")
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    figures = measure(args.db)
    figures.append(memory_figure("reminders"))
    print_table("Bench 2: reminder decision and outbox writes", figures)
    emit(figures, args.json)


if __name__ == "__main__":
    main()
