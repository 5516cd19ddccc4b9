"""Migration 0006: a database from before campaign.rules upgrades with its rules frozen."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from cchc.db import make_engine
from models.campaign.rules import freeze_rules, parse_rules
from models.db_init import alembic_config
from models.types import UTCDateTime
from tests.conftest import _create_pg_database, _drop_pg_database, pg_or_skip

AT = datetime(2024, 11, 1, tzinfo=UTC)
PLAN = sa.table(
    "plan",
    *(sa.column(c) for c in ("code", "province_code", "year", "title")),
    sa.column("id", sa.Uuid()),
    sa.column("body", sa.JSON()),
    sa.column("created_at", UTCDateTime()),
)
CAMPAIGN = sa.table(
    "campaign",
    *(sa.column(c) for c in ("code", "province_code", "year", "title", "state", "has_survey")),
    *(sa.column(c, sa.Uuid()) for c in ("id", "plan_id")),
    sa.column("policy", sa.JSON()),
    *(sa.column(c, UTCDateTime()) for c in ("launched_at", "starts_at", "ends_at")),
)


@pytest.fixture(params=["sqlite", "postgres"])
def old_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    """An empty private database of either backend, not yet migrated."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
        yield engine
        engine.dispose()
        return
    pg_or_skip()
    name = f"cchc_mig_{uuid.uuid4().hex[:8]}"
    engine = make_engine(_create_pg_database(name))
    yield engine
    engine.dispose()
    _drop_pg_database(name)


def _upgrade(engine: sa.Engine, revision: str) -> None:
    """Upgrade the database to `revision`."""
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def test_upgrade_backfills_the_rules_from_the_config(old_engine: sa.Engine) -> None:
    _upgrade(old_engine, "0005")
    plan_id, campaign_id = uuid.uuid4(), uuid.uuid4()
    policy = {"bands": "tot-kha-tb-yeu", "tie_break": "survey_points"}
    common = {"province_code": "lai-chau", "year": 2024, "title": "Kế hoạch 2024"}
    with old_engine.begin() as conn:
        conn.execute(
            PLAN.insert().values(id=plan_id, code="lc-2024", body={}, created_at=AT, **common)
        )
        conn.execute(
            CAMPAIGN.insert().values(
                id=campaign_id,
                plan_id=plan_id,
                code="lc-2024",
                state="published",
                has_survey=True,
                policy=policy,
                launched_at=AT,
                starts_at=AT,
                ends_at=AT,
                **common,
            )
        )
    _upgrade(old_engine, "head")
    rules = sa.select(sa.column("rules", sa.JSON())).select_from(sa.table("campaign"))
    with old_engine.connect() as conn:  # typed JSON: both backends hand back a dict
        stored = conn.execute(rules).scalar_one()
    assert stored == freeze_rules(
        province_code="lai-chau", scheme="tot-kha-tb-yeu", tie_break="survey_points"
    )
    frozen = parse_rules(stored)
    assert frozen.band_labels()["Khá"].startswith("Khá (từ 80")
    assert frozen.survey.min_ballots == 5 and "lanh-dao-so" in frozen.survey.group_weights
