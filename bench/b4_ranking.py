"""Bench 4: index + ranking of every campaign with `compute_results`, against hand-written SQL.

The baseline is the query one would write by hand over the same score tables: per-unit SUM of
appraised and survey points, index = achieved / max x 100, RANK() within each rank group at the
published precision, written into a table (compute_results writes its rows too). Both run once
per campaign, alternating, best of ROUNDS (the medians are in the note); then the baseline's
indices must equal the product's.
Targets (issue #17): compute_results' ranking pass (with_fields=False) within 1.2x of that
baseline for one national-scale campaign, 1.5x for every campaign in one call; the product's
default call, which also writes the heat map's per-field rows, within 1.5x of hand-written SQL
writing the same two outputs; a first computation (every row inserted) within 1.5x of the
hand-written SQL inserting into a table keyed as `result` is.
"""

from __future__ import annotations

import argparse
import time
from statistics import median

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bench.bulk import table
from bench.common import Figure, emit, memory_figure, print_table
from bench.ranking_sql import (
    FIELD_POINTS,
    FIELDS,
    KEYED_INDEX,
    KEYED_TABLE,
    NEW_ID,
    RANK,
    TABLES,
    UNIT_POINTS,
)

ROUNDS = 7  # best of 7: a shared 2-core machine moves single runs by ±30 %
FIRST_ROUNDS = 5  # a first computation deletes and re-inserts every row: fewer rounds
TARGET = 1.5  # every figure the product runs, one campaign or 63 in one call (issue #17)
RANK_TARGET = 1.2  # the ranking pass of one national-scale campaign (issue #17)


def _prepare(engine: Engine) -> list:
    """Submit every self-assessment (the end of the campaign) and create the baseline's table."""
    uuid_type = "UUID" if engine.dialect.name == "postgresql" else "CHAR(32)"
    with engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE self_assessment SET status = 'submitted' WHERE status = 'draft'")
        )
        for name in ("bench_rank", "bench_rank_full"):
            conn.execute(sa.text(TABLES[0].format(name=name, uuid=uuid_type)))
        conn.execute(sa.text(TABLES[1].format(uuid=uuid_type)))
        new_id = NEW_ID[engine.dialect.name]
        conn.execute(sa.text(KEYED_TABLE.format(uuid=uuid_type, new_id=new_id)))
        conn.execute(sa.text(KEYED_INDEX))
        campaign = table("campaign")
        ids = list(conn.execute(sa.select(campaign.c.id).order_by(campaign.c.code)).scalars())
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE self_assessment"))
    return ids


def _baseline(engine: Engine, campaign_ids: list, full: bool = False, keyed: bool = False) -> float:
    """Run the hand-written SQL for every campaign in one transaction; return seconds.

    full=False: the minimal per-unit GROUP BY + RANK(); full=True: per-field rows first, then
    the ranked units from them (the same output compute_results writes). keyed: the minimal
    SQL inserting into a table keyed as `result` (the first computation's baseline).
    """
    typed = [sa.bindparam("c", type_=sa.Uuid())]
    target = "bench_rank_full" if full else "bench_rank_keyed" if keyed else "bench_rank"
    rank = sa.text(RANK.format(table=target, points=FIELD_POINTS if full else UNIT_POINTS))
    fields = sa.text(FIELDS).bindparams(*typed)
    start = time.perf_counter()
    with engine.begin() as conn:
        for name in (target, "bench_field") if full else (target,):
            conn.execute(sa.text(f"DELETE FROM {name}"))
        for cid in campaign_ids:
            if full:
                conn.execute(fields, {"c": cid})
            conn.execute(rank.bindparams(*typed), {"c": cid})
    return time.perf_counter() - start


def _product(engine: Engine, campaign_ids: list, with_fields: bool) -> tuple[float, int]:
    """Compute every campaign in one call and one transaction; return seconds and units.

    The product's entry for many campaigns (`cchc results --all`): compute_campaigns, one set of
    statements for all of them. with_fields=False runs its ranking pass only (index + rank per
    unit); True adds the per-field rows of the heat map, as the product does by default.
    """
    from models.results.compute import compute_campaigns

    start = time.perf_counter()
    with Session(engine) as session:
        counts = compute_campaigns(
            session=session, campaign_ids=campaign_ids, actor="bench", with_fields=with_fields
        )
        session.commit()
    return time.perf_counter() - start, sum(counts.values())


def _first_compute(engine: Engine, campaign_ids: list) -> tuple[list[float], list[float]]:
    """Time FIRST_ROUNDS first computations and the keyed baseline, alternating.

    Each round empties `result` (and the baseline's keyed table) and vacuums it, untimed, then
    times one ranking pass that inserts every row; returns (product, keyed baseline) seconds.
    """
    # One untimed pass first: this process's first ORM call configures every mapper and
    # compiles its queries (≈ 0.3 s), which is not the database's insert path being measured.
    _product(engine, campaign_ids, with_fields=False)
    times: list[float] = []
    keyed: list[float] = []
    for _ in range(FIRST_ROUNDS):
        _empty(engine, "field_result", "result", "bench_rank_keyed")
        times.append(_product(engine, campaign_ids, with_fields=False)[0])
        keyed.append(_baseline(engine, campaign_ids, keyed=True))
    return times, keyed


def _empty(engine: Engine, *tables: str) -> None:
    """Delete every row of `tables` and (PostgreSQL) vacuum them: the state before a first run."""
    with engine.begin() as conn:
        for name in tables:
            conn.execute(sa.text(f"DELETE FROM {name}"))
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for name in tables:
                conn.execute(sa.text(f"VACUUM ANALYZE {name}"))


def _max_difference(engine: Engine) -> tuple[float, int]:
    """Largest |index| difference and count of rank differences, baseline vs product."""
    with engine.connect() as conn:
        row = conn.execute(
            sa.text(
                "SELECT MAX(ABS(b.index_value - r.index_value)), "
                "SUM(CASE WHEN b.rank <> r.rank THEN 1 ELSE 0 END), COUNT(*) "
                "FROM bench_rank b JOIN result r "
                "ON r.campaign_id = b.campaign_id AND r.unit_id = b.unit_id"
            )
        ).one()
    return float(row[0] or 0.0), int(row[1] or 0)


def measure(engine: Engine, label: str = "all campaigns", one: bool = False) -> list[Figure]:
    """Time both, alternating, and return the figures with their targets.

    one: the data set is one national-scale campaign, whose ranking pass has the tighter target.
    """
    campaign_ids = _prepare(engine)
    with engine.connect() as conn:
        scores = conn.execute(
            sa.text("SELECT (SELECT count(*) FROM appraisal) + (SELECT count(*) FROM survey_score)")
        ).scalar_one()
    first, keyed = _first_compute(engine, campaign_ids)
    base, full, prod, both, units = [], [], [], [], 0
    for _ in range(ROUNDS):
        base.append(_baseline(engine, campaign_ids))
        seconds, units = _product(engine, campaign_ids, with_fields=False)
        prod.append(seconds)
        full.append(_baseline(engine, campaign_ids, full=True))
        both.append(_product(engine, campaign_ids, with_fields=True)[0])
    diff, rank_diffs = _max_difference(engine)
    exact = diff < 1e-6 and rank_diffs == 0
    ratio = min(prod) / min(base)
    rank_target = RANK_TARGET if one else TARGET
    note = (
        f"{units:,} units, {scores:,} leaf scores, {len(campaign_ids)} campaigns; "
        f"best of {ROUNDS}, medians {median(prod):.3g} s vs {median(base):.3g} s "
        f"({median(prod) / median(base):.2f}x); max |Δindex| {diff:.1e}, "
        f"rank differences {rank_diffs}"
    )
    return [
        Figure(
            "ranking",
            f"index + ranking: compute_results ranking pass, {label} ({engine.dialect.name})",
            min(prod),
            "s",
            "hand-written GROUP BY + RANK()",
            min(base),
            f"<= {rank_target}x",
            ratio <= rank_target and exact,
            note,
        ),
        Figure(
            "ranking",
            f"compute_results with the heat map's per-field rows, {label} ({engine.dialect.name})",
            min(both),
            "s",
            "hand-written per-field GROUP BY, then RANK()",
            min(full),
            f"<= {TARGET}x",
            min(both) / min(full) <= TARGET and exact,
            note="both write per-field rows and ranked units (the product's default call); "
            f"medians {median(both):.3g} s vs {median(full):.3g} s",
        ),
        Figure(
            "ranking",
            f"first computation (no result rows yet), ranking pass, {label}",
            min(first),
            "s",
            "hand-written GROUP BY + RANK() into a table keyed as `result` (best)",
            min(keyed),
            f"<= {TARGET}x",
            min(first) / min(keyed) <= TARGET,
            note=f"best of {FIRST_ROUNDS}, medians {median(first):.3g} s vs "
            f"{median(keyed):.3g} s; both insert every row (primary key, unique (campaign, "
            f"unit), unit index, 2 foreign keys); vs the keyless baseline above "
            f"{min(first) / min(base):.2f}x",
        ),
    ]


def _one_campaign() -> list[Figure]:
    """Generate one 12,000-unit campaign in a private database and measure it (the target).

    The issue's figure is "a national-scale campaign (12,000 units x 100 leaves)"; the data set
    of 63 provincial campaigns adds each call's fixed cost 63 times (reported beside it).
    """
    import subprocess
    import sys

    from bench.pgdb import private_database
    from cchc.db import make_engine

    with private_database("_one") as (_, url):
        # In a child process, so this process's peak memory stays the ranking's own.
        generate = ["-m", "bench.generate", "--scale", "one-campaign", "--shape", "pre-2025"]
        subprocess.run([sys.executable, *generate, "--db", url], check=True)
        engine = make_engine(url)
        figures = measure(engine, label="one national-scale campaign", one=True)
        engine.dispose()
    return figures


def main(argv: list[str] | None = None) -> None:
    """Command line: run the bench against a generated database and print its table."""
    from cchc.db import make_engine

    parser = argparse.ArgumentParser(prog="python -m bench.b4_ranking")
    parser.add_argument(
        "--db", required=True, help="a database filled by bench.generate (it is changed)"
    )
    parser.add_argument(
        "--one-campaign",
        action="store_true",
        help="also measure one national-scale campaign (12,000 units, 1.2 M scores): the target",
    )
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    # Every campaign of the data set in one call (`cchc results --all`), then (--one-campaign)
    # one national-scale campaign, whose ranking pass has the tighter target.
    figures = measure(make_engine(args.db))
    if args.one_campaign:
        figures += _one_campaign()
    figures.append(memory_figure("ranking"))
    print_table("Bench 4: index and ranking", figures)
    emit(figures, args.json)


if __name__ == "__main__":
    main()
