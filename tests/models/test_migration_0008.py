"""Migration 0008: every campaign launched before versions gets version 1, its plan body."""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from tests.models.test_migration_0006 import AT, CAMPAIGN, PLAN, _upgrade, old_engine

__all__ = ["old_engine"]  # the fixture, shared with the 0006 test


def test_upgrade_gives_each_campaign_its_first_version(old_engine: sa.Engine) -> None:
    _upgrade(old_engine, "0006")
    plan_id, campaign_id = uuid.uuid4(), uuid.uuid4()
    common = {"province_code": "lai-chau", "year": 2024, "title": "Kế hoạch 2024"}
    body = {"code": "lc-2024", "stages": [{"code": "a"}]}
    with old_engine.begin() as conn:
        conn.execute(
            PLAN.insert().values(id=plan_id, code="lc-2024", body=body, created_at=AT, **common)
        )
        conn.execute(
            CAMPAIGN.insert().values(
                id=campaign_id,
                plan_id=plan_id,
                code="lc-2024",
                state="running",
                has_survey=True,
                policy={},
                launched_at=AT,
                starts_at=AT,
                ends_at=AT,
                **common,
            )
        )
    _upgrade(old_engine, "head")
    version = sa.table(
        "campaign_version",
        sa.column("campaign_id", sa.Uuid()),
        sa.column("number", sa.Integer()),
        sa.column("body", sa.JSON()),
        sa.column("created_by", sa.String()),
    )
    query = sa.select(version.c.campaign_id, version.c.number, version.c.body, version.c.created_by)
    with old_engine.connect() as conn:
        rows = conn.execute(query).all()
    assert [tuple(r) for r in rows] == [(campaign_id, 1, body, "migration")]
