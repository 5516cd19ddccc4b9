"""Launching a plan: sync its units and criteria sets, create the campaign, stages, assignments."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, select

from cchc.clock import as_utc, now
from cchc.errors import AlreadyLaunched
from models.audit.log import record_audit
from models.campaign.kickoff import kickoff
from models.campaign.rules import freeze_rules
from models.campaign.tables import Assignment, Campaign, Plan, Stage
from models.catalog.sync import sync_criteria_set, sync_units
from models.catalog.units import OrgUnit

# Kinds where every unit in scope acts on its own; other kinds wait for the lead's one fact.
UNIT_STAGE_KINDS = {"self_assessment", "appraisal", "generic"}


@dataclass
class LaunchSummary:
    """What a launch created (or, in a dry run, would create)."""

    campaign: str
    dry_run: bool
    units: int = 0
    new_units: int = 0
    criteria_sets: list[str] = field(default_factory=list)
    stages: int = 0
    assignments: int = 0
    kickoff_notices: int = 0
    per_stage: dict[str, int] = field(default_factory=dict)
    starts_at: str = ""
    ends_at: str = ""

    def as_dict(self) -> dict:
        """Return a JSON-ready dict."""
        return asdict(self)


def _refuse_relaunch(session: Session, code: str) -> None:
    """Raise AlreadyLaunched when a campaign or plan with this code exists."""
    if session.exec(select(Campaign).where(Campaign.code == code)).first() is not None:
        raise AlreadyLaunched(
            f"kế hoạch «{code}» đã được triển khai; không thể triển khai lần thứ hai "
            f"(xem `cchc status -c {code}`)"
        )


def _coordinator(plan_cfg: Any) -> str | None:
    """The unit that leads the most stages on its own (Sở Nội vụ in every seed)."""
    singles = Counter(s.lead_units[0] for s in plan_cfg.stages if len(s.lead_units) == 1)
    return singles.most_common(1)[0][0] if singles else None


def is_unit_stage(stage_cfg: Any) -> bool:
    """True when each unit in scope acts on its own in this stage."""
    return bool(stage_cfg.scope_units) and stage_cfg.kind in UNIT_STAGE_KINDS


def launch_campaign(
    *,
    session: Session,
    plan_cfg: Any,
    actor: str,
    dry_run: bool = False,
    calendar: dict | None = None,
) -> LaunchSummary:
    """Launch a resolved plan (config.ResolvedPlan) once; a dry run rolls everything back."""
    _refuse_relaunch(session, plan_cfg.code)
    summary = LaunchSummary(campaign=plan_cfg.code, dry_run=dry_run)
    province = plan_cfg.unit_set.province.code
    before = set(session.exec(select(OrgUnit.code).where(OrgUnit.province_code == province)))
    units = sync_units(session=session, units_cfg=plan_cfg.unit_set)
    summary.units, summary.new_units = len(units), len(set(units) - before)
    for cset in plan_cfg.criteria.values():
        summary.criteria_sets.append(sync_criteria_set(session=session, cset_cfg=cset).code)
    campaign = _create_campaign(session, plan_cfg, calendar)
    for position, stage_cfg in enumerate(plan_cfg.stages, 1):
        stage = create_stage(session, campaign, stage_cfg, position)
        count = create_assignments(session, campaign, stage, stage_cfg, units)
        summary.per_stage[stage.code] = count
        summary.assignments += count
    summary.stages = len(plan_cfg.stages)
    summary.kickoff_notices = kickoff(session, campaign, plan_cfg, units)
    summary.starts_at, summary.ends_at = (
        campaign.starts_at.isoformat(),
        campaign.ends_at.isoformat(),
    )
    record_audit(
        session=session,
        actor=actor,
        action="launch",
        entity="campaign",
        entity_id=campaign.id,
        campaign_id=campaign.id,
        new=campaign.code,
    )
    session.flush()
    if dry_run:
        session.rollback()
    return summary


def _create_campaign(session: Session, plan_cfg: Any, calendar: dict | None) -> Campaign:
    """Add the plan row and its campaign."""
    body = plan_cfg.model_dump(mode="json")
    plan = Plan(
        code=plan_cfg.code,
        province_code=plan_cfg.province,
        year=plan_cfg.year,
        title=plan_cfg.title,
        decision_no=plan_cfg.decision_no,
        source=plan_cfg.source,
        body=body,
    )
    session.add(plan)
    session.flush()
    campaign = Campaign(
        code=plan_cfg.code,
        plan_id=plan.id,
        province_code=plan_cfg.unit_set.province.code,
        year=plan_cfg.year,
        title=plan_cfg.title,
        starts_at=as_utc(plan_cfg.starts_at),
        ends_at=as_utc(plan_cfg.ends_at),
    )
    apply_plan_settings(campaign, plan_cfg, calendar)
    session.add(campaign)
    session.flush()
    return campaign


def apply_plan_settings(campaign: Campaign, plan_cfg: Any, calendar: dict | None) -> None:
    """Set the campaign's policy, frozen rules, title and span from the plan (launch, amend)."""
    has_survey = any(c.survey_total > 0 for c in plan_cfg.criteria.values())
    campaign.title = plan_cfg.title
    campaign.has_survey = has_survey or not plan_cfg.criteria
    campaign.policy = {
        "criteria_sets": list(plan_cfg.criteria),
        "coordinator": _coordinator(plan_cfg),
        "calendar": calendar or {},
        "schedule": plan_cfg.schedule.model_dump(),
        "units": plan_cfg.units,
        "tie_break": plan_cfg.policy.tie_break,
        "bands": plan_cfg.policy.bands,
        "rank": plan_cfg.policy.rank.model_dump(),
    }
    campaign.rules = freeze_rules(
        province_code=plan_cfg.unit_set.province.code,
        scheme=plan_cfg.policy.bands,
        tie_break=plan_cfg.policy.tie_break,
        rank=plan_cfg.policy.rank.model_dump(),
    )
    campaign.starts_at, campaign.ends_at = as_utc(plan_cfg.starts_at), as_utc(plan_cfg.ends_at)


def create_stage(session: Session, campaign: Campaign, cfg: Any, position: int) -> Stage:
    """Add one stage with its effective policies."""
    stage = Stage(campaign_id=campaign.id, **stage_fields(cfg, position))
    session.add(stage)
    session.flush()
    return stage


def stage_fields(cfg: Any, position: int) -> dict[str, Any]:
    """Return a stage row's fields from its resolved plan stage (launch, amend)."""
    scope = cfg.scope.model_dump() | {
        "unit_stage": is_unit_stage(cfg),
        "lead_units": cfg.lead_units,
        "scope_units": len(cfg.scope_units),
    }
    return {
        "code": cfg.code,
        "position": position,
        "title": cfg.title,
        "kind": cfg.kind,
        "lead_code": cfg.lead_units[0] if len(cfg.lead_units) == 1 else None,
        "cooperating": list(cfg.cooperating_units),
        "scope": scope,
        "depends_on": list(cfg.depends_on),
        "deadline_text": cfg.deadline,
        "opens_at": as_utc(cfg.opens_at),
        "due_at": as_utc(cfg.due_at),
        "late_policy": cfg.late,
        "close_policy": cfg.close,
        "late_grace_days": cfg.late_grace_days,
        "reminders": dict(cfg.reminders),
        "from_receipt_days": cfg.from_receipt_days,
    }


def assignee_codes(cfg: Any) -> list[str]:
    """The units that get an assignment in a stage: its scope, or its lead(s) alone."""
    return list(dict.fromkeys(cfg.scope_units if is_unit_stage(cfg) else cfg.lead_units))


def create_assignments(
    session: Session, campaign: Campaign, stage: Stage, cfg: Any, units: dict[str, OrgUnit]
) -> int:
    """Add one assignment per unit in scope (or per lead in a lead-only stage), in bulk."""
    at = now()
    rows = [
        {
            "stage_id": stage.id,
            "unit_id": units[c].id,
            "campaign_id": campaign.id,
            "state": "pending",
            "due_at": stage.due_at,
            "updated_at": at,
        }
        for c in assignee_codes(cfg)
    ]
    if rows:
        session.execute(insert(Assignment), rows)
    return len(rows)
