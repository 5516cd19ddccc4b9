"""Synthetic national-scale data in the real schema, one province per transaction.

python -m bench.generate --scale small|province|national --db URL [--shape pre-2025|two-tier|both]
"""

from __future__ import annotations

import argparse
import random
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bench.bulk import count_rows, insert_rows
from bench.gen_campaign import campaign_rows
from bench.gen_criteria import criteria_set
from bench.gen_scores import ScoreRows, unit_scores
from bench.gen_units import province_units
from bench.plan_shape import AT, YEAR
from bench.shapes import SCALES, SHAPES, ProvinceSize, Scale, Shape, province_sizes

TABLES = [
    "criteria_set",
    "criteria_item",
    "org_unit",
    "plan",
    "campaign",
    "stage",
    "assignment",
    "fact",
    "notification",
    "self_assessment",
    "self_score",
    "appraisal",
    "survey_score",
]
PREFIX = {"pre-2025": "p", "two-tier": "t"}


@dataclass
class Generated:
    """What was built: where, how big, how long it took."""

    scale: str
    shapes: list[str]
    at: datetime
    campaigns: list[str] = field(default_factory=list)
    units: int = 0
    rows: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def leaf_scores(self) -> int:
        """Scores behind the index: one appraised or survey score per unit and leaf."""
        return self.rows["appraisal"] + self.rows["survey_score"]


def _province(
    conn: sa.Connection,
    shape: Shape,
    scale: Scale,
    number: int,
    size: ProvinceSize,
    rng: random.Random,
    new_id: Callable[[], uuid.UUID],
    notify_urls: list[str],
    with_scores: bool,
    out: Generated,
) -> None:
    """Build and insert one province: units, criteria sets, campaign, scores."""
    code = f"{PREFIX[shape.name]}{number:02d}"
    units = province_units(
        province=code,
        name=f"tỉnh số {number:02d}",
        size=size,
        tiers=shape.tiers,
        rng=rng,
        new_id=new_id,
        created_at=AT,
        notify_urls=notify_urls,
    )
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    rows["org_unit"] = units.rows
    sets = {}
    for tier in ("department", "district", "commune"):
        if units.by_tier[tier]:
            cset, items, leaves = criteria_set(
                province=code,
                year=YEAR,
                tier=tier,
                leaves=scale.leaves,
                survey_leaves=scale.survey_leaves,
                new_id=new_id,
                created_at=AT,
            )
            rows["criteria_set"].append(cset)
            rows["criteria_item"] += items
            sets[tier] = (cset["id"], leaves)
    camp = campaign_rows(province=code, units=units, tiers=shape.tiers, rng=rng, new_id=new_id)
    rows.update(
        plan=[camp.plan],
        campaign=[camp.campaign],
        stage=camp.stages,
        assignment=camp.assignments,
        fact=camp.facts,
        notification=camp.notifications,
    )
    scores = ScoreRows()
    for tier, tier_units in units.by_tier.items():
        for unit in tier_units if with_scores else []:
            unit_scores(
                scores,
                unit=unit,
                campaign_id=camp.campaign["id"],
                criteria_set_id=sets[tier][0],
                leaves=sets[tier][1],
                received=camp.received.get(unit["id"]),
                at=AT,
                rng=rng,
                new_id=new_id,
            )
    rows.update(scores.by_table())
    for name in TABLES:
        out.rows[name] += insert_rows(conn, name, rows[name])
    out.campaigns.append(camp.campaign["code"])
    out.units += len(units.scored)


def generate(
    engine: Engine,
    *,
    scale: str | Scale = "small",
    shapes: tuple[str, ...] = ("pre-2025",),
    seed: int = 2024,
    notify_urls: list[str] | None = None,
    init: bool = True,
    with_scores: bool = True,
    extra: tuple[Scale, ...] = (),
    progress: Callable[[str], None] | None = None,
) -> Generated:
    """Build the data set into `engine`'s database (migrated first unless init=False).

    `extra` scales add more provinces of the first shape after the main ones (numbered on).
    """
    from models.db_init import init_db

    scale = SCALES[scale] if isinstance(scale, str) else scale
    if init:
        init_db(engine)
    with engine.connect() as conn:
        if conn.execute(sa.text("SELECT count(*) FROM campaign")).scalar_one():
            raise SystemExit("the database already holds campaigns: give an empty database")
    rng = random.Random(seed)

    def new_id() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    out = Generated(scale=scale.name, shapes=list(shapes), at=AT)
    started = time.perf_counter()
    plan = [(SHAPES[name], scale) for name in shapes] + [(SHAPES[shapes[0]], s) for s in extra]
    numbers: Counter = Counter()
    for shape, each in plan:
        for size in province_sizes(shape, each, rng):
            numbers[shape.name] += 1
            with engine.begin() as conn:
                _province(
                    conn,
                    shape,
                    each,
                    numbers[shape.name],
                    size,
                    rng,
                    new_id,
                    notify_urls or [],
                    with_scores,
                    out,
                )
            if progress and numbers[shape.name] % 10 == 0:
                progress(f"{shape.name} province {numbers[shape.name]}: {out.units} units so far")
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("ANALYZE"))  # fresh statistics, as autovacuum would give later
    out.seconds = time.perf_counter() - started
    return out


def main(argv: list[str] | None = None) -> None:
    """Command line: build the data set and print what was built."""
    from rich.console import Console

    from cchc.db import make_engine

    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument("--shape", choices=[*SHAPES, "both"], default="pre-2025")
    parser.add_argument(
        "--db", required=True, help="SQLAlchemy URL of an empty (or new SQLite) database"
    )
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--no-scores", action="store_true", help="units and campaigns only")
    args = parser.parse_args(argv)
    console = Console()
    engine = make_engine(args.db)
    shapes = tuple(SHAPES) if args.shape == "both" else (args.shape,)
    done = generate(
        engine,
        scale=args.scale,
        shapes=shapes,
        seed=args.seed,
        with_scores=not args.no_scores,
        progress=console.log,
    )
    with engine.connect() as conn:
        counts = count_rows(conn, TABLES)
    console.print(
        f"{done.units} units, {len(done.campaigns)} campaigns, "
        f"{done.leaf_scores} leaf scores in {done.seconds:.1f} s ({engine.dialect.name})"
    )
    for name, n in counts.items():
        console.print(f"  {name:16} {n:>10,}")


if __name__ == "__main__":
    main()
