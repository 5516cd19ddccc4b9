"""The world of the API concurrency tests: three campaigns on a private PostgreSQL database,
served by a real `cchc serve` process.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bench import pgdb
from bench.procs import cchc_serve
from cchc.clock import now
from cchc.db import make_engine
from models import Campaign, OrgUnit
from models.accounts.ops import create_user
from models.db_init import init_db
from models.scoring.self_assessments import save_draft
from tests.conftest import pg_or_skip
from tests.world.campaigns import make_campaign, make_stage, self_assessment_stage
from tests.world.catalog import make_criteria_set, make_unit
from tests.world.people import Bearer
from tests.world.scoring import FULL_DRAFT

DEADLINE_UNITS = 200
REPLAY_UNITS = 20
SA = "/api/campaigns/{code}/units/{unit}/self-assessment"


@dataclass
class Api(Bearer):
    """The server and the campaigns, units and tokens the tests use."""

    engine: Engine
    base: str = ""
    tokens: dict[str, str] = field(default_factory=dict)


def _campaign(s: Session, code: str, units: list[OrgUnit], *, guidance: bool = False) -> None:
    """A campaign whose self-assessment stage is open for `units` (due in a day)."""
    start = now()
    campaign = make_campaign(s, code, starts=start - timedelta(days=3))
    self_assessment_stage(
        s, campaign, units, opens=start - timedelta(days=2), due=start + timedelta(days=1)
    )
    if guidance:
        make_stage(
            s,
            campaign,
            "huong-dan",
            "guidance",
            opens=start - timedelta(days=3),
            due=start + timedelta(days=1),
            position=0,
            units=[],
        )


def _units(s: Session, prefix: str, n: int, root: OrgUnit) -> list[OrgUnit]:
    return [
        make_unit(s, f"{prefix}-{i:03d}", parent=root, name=f"Sở {prefix} {i:03d}")
        for i in range(n)
    ]


def _build(engine: Engine, api: Api) -> None:
    """Three campaigns: the deadline crowd, the two editors, the replays."""
    with Session(engine, expire_on_commit=False) as s:
        root = make_unit(s, "tinh", kind="province", name="UBND tỉnh Thử")
        make_criteria_set(s)
        crowd, pair = _units(s, "dl", DEADLINE_UNITS, root), _units(s, "ed", 2, root)
        replay = _units(s, "rp", REPLAY_UNITS, root)
        _campaign(s, "deadline-2024", crowd)
        _campaign(s, "edits-2024", pair)
        _campaign(s, "replay-2024", replay, guidance=True)
        s.commit()
        for code, units in (("deadline-2024", crowd), ("replay-2024", replay)):
            campaign_id = s.exec(select(Campaign.id).where(Campaign.code == code)).one()
            for unit in units:
                save_draft(
                    session=s,
                    campaign_id=campaign_id,
                    unit_id=unit.id,
                    scores=FULL_DRAFT,
                    actor="setup",
                )
        users = [(u.code, u.code) for u in crowd + replay]
        users += [
            ("ed-000-a", "ed-000"),
            ("ed-000-b", "ed-000"),
            ("ed-001-a", "ed-001"),
            ("ed-001-b", "ed-001"),
        ]
        for name, unit in users:
            api.tokens[name] = create_user(
                session=s, name=name, role="unit", actor="setup", unit_code=unit
            )[1]
        api.tokens["admin"] = create_user(session=s, name="admin", role="admin", actor="setup")[1]
        s.commit()


@contextmanager
def served_world(log_dir: Path) -> Iterator[Api]:
    """A private database with the three campaigns, served by a real `cchc serve`."""
    pg_or_skip()
    name = f"cchc_faults_api_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    url = pgdb.create(name)
    engine = make_engine(url)
    try:
        init_db(engine)
        out = Api(engine=engine)
        _build(engine, out)
        with cchc_serve(url, log=log_dir / "serve.log") as (_, base):
            out.base = base
            yield out
    finally:
        engine.dispose()
        pgdb.drop(name)
