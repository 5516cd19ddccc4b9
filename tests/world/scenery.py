"""The web world made livelier for the dashboard: communes, late and overdue units, messages."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from cchc.clock import now
from models import Assignment, Notification, OrgUnit
from tests.world.campaigns import make_stage
from tests.world.catalog import make_unit
from tests.world.web import World


def enrich(engine: Engine, world: World) -> None:
    """Add communes with a report stage in mixed states, a pending stage and messages."""
    with Session(engine, expire_on_commit=False) as s:
        district = s.exec(select(OrgUnit).where(OrgUnit.code == "huyen-x")).one()
        communes = [district] + [
            make_unit(s, f"xa-{i}", kind="commune", parent=district, name=f"Xã Số {i}")
            for i in range(2, 8)
        ]
        start = now()
        report = make_stage(
            s,
            world.campaign,
            "bao-cao-xa",
            "generic",
            position=2,
            opens=start - timedelta(days=20),
            due=start - timedelta(days=3),
            units=communes + [world.units["so-a"], world.units["so-b"]],
        )
        rows = s.exec(select(Assignment).where(Assignment.stage_id == report.id)).all()
        for i, row in enumerate(sorted(rows, key=lambda r: str(r.unit_id))):
            row.state = (
                "done",
                "late",
                "overdue",
                "overdue",
                "done",
                "open",
                "done",
                "late",
                "done",
            )[i % 9]
            row.extended = row.state == "open"
            row.due_at = start + timedelta(days=4) if row.extended else row.due_at
            s.add(row)
        make_stage(
            s,
            world.campaign,
            "tham-dinh",
            "appraisal",
            position=3,
            state="pending",
            opens=start + timedelta(days=25),
            due=start + timedelta(days=45),
        )
        for i, (unit, state) in enumerate(
            [("so-a", "delivered"), ("so-b", "failed"), ("so-a", "pending")]
        ):
            s.add(
                Notification(
                    idempotency_key=f"test:{i}",
                    campaign_id=world.campaign.id,
                    unit_id=world.units[unit].id,
                    recipient=unit,
                    kind="reminder",
                    occasion=f"d-{i}",
                    subject=f"Nhắc hạn tự đánh giá ({i + 1})",
                    body="…",
                    state=state,
                    attempts=i + 1,
                    last_error="HTTP 500 từ máy nhận" if state == "failed" else None,
                )
            )
        s.commit()
