"""Campaign rows built directly (no plan file): a plan and its campaign, stages, assignments."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from models import Assignment, Campaign, OrgUnit, Plan, Stage


def make_campaign(
    session: Session,
    code: str = "test-2024",
    *,
    starts: datetime | None = None,
    province: str = "test",
    year: int = 2024,
    title: str | None = None,
    body: dict | None = None,
) -> Campaign:
    """Add a plan and its campaign (120 days long)."""
    starts = starts or datetime(year, 10, 1, 1, 0, tzinfo=UTC)
    plan = Plan(
        code=code,
        province_code=province,
        year=year,
        title=title or f"Kế hoạch {code}",
        **({"body": body} if body is not None else {}),
    )
    session.add(plan)
    session.flush()
    campaign = Campaign(
        code=code,
        plan_id=plan.id,
        province_code=province,
        year=year,
        title=plan.title,
        starts_at=starts,
        ends_at=starts + timedelta(days=120),
    )
    session.add(campaign)
    session.flush()
    return campaign


def make_stage(
    session: Session,
    campaign: Campaign,
    code: str,
    kind: str,
    *,
    opens: datetime,
    due: datetime,
    units: Sequence[OrgUnit] = (),
    state: str = "open",
    late_policy: str = "accept_flag",
    position: int = 1,
) -> Stage:
    """Add a stage with one assignment per unit."""
    stage = Stage(
        campaign_id=campaign.id,
        code=code,
        position=position,
        title=f"Giai đoạn {code}",
        kind=kind,
        opens_at=opens,
        due_at=due,
        state=state,
        late_policy=late_policy,
    )
    session.add(stage)
    session.flush()
    for unit in units:
        session.add(
            Assignment(
                stage_id=stage.id,
                unit_id=unit.id,
                campaign_id=campaign.id,
                state="open" if state == "open" else "pending",
                due_at=due,
            )
        )
    session.flush()
    return stage


def self_assessment_stage(
    session: Session,
    campaign: Campaign,
    units: Sequence[OrgUnit],
    *,
    opens: datetime,
    due: datetime,
) -> Stage:
    """Add the open self-assessment stage `tu-danh-gia` for the units."""
    return make_stage(
        session, campaign, "tu-danh-gia", "self_assessment", opens=opens, due=due, units=units
    )
