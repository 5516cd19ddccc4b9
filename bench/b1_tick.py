"""Bench 1: a campaign tick over every campaign, as pure evaluation and as `campaign-tick` flows.

A. Evaluation (the tick sequence: stages, lateness, reminders, escalations; no delivery), one
   transaction per campaign, against the baseline of merely reading what a tick must look at
   (each campaign's units and its open assignments). Target: <= 2 s in all on PostgreSQL.
B. The `campaign-tick` flow per campaign against a real Prefect server (`prefect server start`,
   private PREFECT_HOME), delivering to a loopback receiver: wall time, and Prefect task runs per
   tick, which must not grow with units. Each part runs on its own fresh copy of the database.
"""

from __future__ import annotations

import argparse
import time

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bench.b1_flows import flows
from bench.bulk import table
from bench.common import Figure, emit, memory_figure, print_table
from bench.pgdb import copy_of
from bench.plan_shape import AT

TARGET = 2.0
READ = """
SELECT s.id, a.unit_id, a.due_at, a.state FROM stage s JOIN assignment a ON a.stage_id = s.id
WHERE s.campaign_id = :c AND s.state = 'open' AND a.state IN ('pending', 'open', 'overdue')
"""


def campaigns(engine: Engine) -> list[tuple]:
    """(id, code, province, units) of every campaign, smallest first."""
    campaign, unit = table("campaign"), table("org_unit")
    units = (
        sa.select(sa.func.count())
        .where(unit.c.province_code == campaign.c.province_code)
        .scalar_subquery()
    )
    query = sa.select(campaign.c.id, campaign.c.code, campaign.c.province_code, units)
    with engine.connect() as conn:
        return sorted(conn.execute(query).all(), key=lambda r: (r[3], r[1]))


def _read_baseline(engine: Engine, rows: list[tuple]) -> float:
    """Read each campaign's units and open assignments, one transaction each; return seconds."""
    read = sa.text(READ).bindparams(sa.bindparam("c", type_=sa.Uuid()))
    units = sa.text("SELECT * FROM org_unit WHERE province_code = :p")
    start = time.perf_counter()
    for cid, _, province, _ in rows:
        with engine.begin() as conn:
            conn.execute(units, {"p": province}).all()
            conn.execute(read, {"c": cid}).all()
    return time.perf_counter() - start


def _evaluate_all(engine: Engine, rows: list[tuple]) -> tuple[float, dict]:
    """Evaluate every campaign at AT, one transaction each; return seconds and summed counts."""
    from flows.tick_sequence import InProcessSteps, decide
    from models.tick.context import load_context

    totals: dict[str, int] = {"reminders": 0, "escalations": 0, "overdue": 0}
    start = time.perf_counter()
    for cid, *_ in rows:
        with Session(engine) as session:
            ctx = load_context(session=session, campaign_id=cid, at=AT)
            report = decide(InProcessSteps(session), ctx)
            session.commit()
        for key in totals:
            totals[key] += report[key]
    return time.perf_counter() - start, totals


def warm_calendar(engine: Engine, rows: list[tuple]) -> None:
    """Load the working-day calendar once (holidays.VN), as a long-lived worker has it."""
    from models.campaign.tables import Campaign
    from models.tick.context import campaign_calendar

    with Session(engine) as session:
        campaign_calendar(session.get(Campaign, rows[0][0]))


def evaluation(url: str) -> tuple[list[Figure], float]:
    """Part A on a fresh copy: evaluation vs the read baseline, then the rerun (nothing new)."""
    from cchc.db import make_engine

    with copy_of(url, "_tick_a") as copy:
        engine = make_engine(copy)
        rows = campaigns(engine)
        warm_calendar(engine, rows)
        base = _read_baseline(engine, rows)
        seconds, totals = _evaluate_all(engine, rows)
        rerun, again = _evaluate_all(engine, rows)
        engine.dispose()
    units = sum(r[3] for r in rows)
    pg = url.startswith("postgresql")
    note = (
        f"{len(rows)} campaigns, {units:,} units; wrote {totals['reminders']:,} reminders/overdue "
        f"notices and {totals['escalations']:,} escalation digests; rerun at the same instant "
        f"wrote {again['reminders'] + again['escalations']} in {rerun:.2f} s"
    )
    figure = Figure(
        "tick",
        f"evaluate all campaigns ({'postgresql' if pg else 'sqlite'})",
        seconds,
        "s",
        "read units + open assignments",
        base,
        f"<= {TARGET:.0f} s on PostgreSQL",
        (seconds <= TARGET) if pg else None,
        note,
    )
    return [figure], seconds / len(rows)


def main(argv: list[str] | None = None) -> None:
    """Command line: run both parts and print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.b1_tick")
    parser.add_argument("--db", required=True, help="a database filled by bench.generate (copied)")
    parser.add_argument("--flows", type=int, default=12, help="campaigns to tick as flows (spread)")
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    figures, per_campaign = evaluation(args.db)
    if args.flows:
        figures += flows(args.db, args.flows, per_campaign)
    figures.append(memory_figure("tick"))
    print_table("Bench 1: campaign tick", figures)
    emit(figures, args.json)


if __name__ == "__main__":
    main()
