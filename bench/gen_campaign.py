"""A launched campaign for one province (rows shaped as models/launch.py writes them), mid-way.

The plan and the instant come from bench/plan_shape.py.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bench.plan_shape import (
    ACTED_SHARE,
    AT,
    COORDINATOR,
    LATE_SHARE,
    REMINDERS,
    STAGES,
    UNIT_STAGE_KINDS,
    YEAR,
    local,
    local_day,
    plan_body,
)
from models.campaign.rules import freeze_rules


@dataclass
class CampaignRows:
    """Rows of one launched campaign, and which units acted in their self-assessment."""

    plan: dict = field(default_factory=dict)
    campaign: dict = field(default_factory=dict)
    stages: list[dict] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    notifications: list[dict] = field(default_factory=list)
    received: dict[Any, tuple[datetime, bool]] = field(default_factory=dict)  # unit id → (at, late)


def campaign_rows(
    *, province: str, units: Any, tiers: int, rng: random.Random, new_id: Any
) -> CampaignRows:
    """Build the plan, campaign, stages, assignments and facts of one province."""
    out = CampaignRows()
    plan_id, campaign_id = new_id(), new_id()
    body = plan_body(province, tiers)
    out.plan = {
        "id": plan_id,
        "code": body["code"],
        "province_code": province,
        "year": YEAR,
        "title": body["title"],
        "decision_no": "01/KH-UBND",
        "source": "bench",
        "body": body,
        "created_at": local("2024-09-30"),
    }
    out.campaign = {
        "id": campaign_id,
        "code": body["code"],
        "plan_id": plan_id,
        "province_code": province,
        "year": YEAR,
        "title": body["title"],
        "state": "running",
        "has_survey": True,
        "policy": {
            "criteria_sets": body["criteria_sets"],
            "coordinator": COORDINATOR,
            "calendar": {},
            "schedule": {"hour": 8, "minute": 0},
            "units": province,
        },
        "rules": freeze_rules(province_code=province, scheme=None, tie_break=None),
        "deployment_name": None,
        "launched_at": local("2024-09-30"),
        "starts_at": local("2024-10-01"),
        "ends_at": local("2025-01-31", end=True),
        "last_tick_at": None,
    }
    by_code = {u["code"]: u for u in units.rows}
    for position, spec in enumerate(STAGES, start=1):
        _stage(out, spec, position, units, by_code, tiers, rng, new_id)
    out.notifications = [_kickoff(out, u, new_id) for u in units.rows if u["kind"] != "body"]
    return out


def _leads(spec: tuple, units: Any, by_code: dict, tiers: int) -> list[dict]:
    """The stage's lead units: districts appraise their communes in 3 tiers."""
    if spec[0] == "tham-dinh-xa" and tiers == 3:
        return list(units.by_tier["district"])
    return [by_code[spec[3]]]


def _stage(
    out: CampaignRows,
    spec: tuple,
    position: int,
    units: Any,
    by_code: dict,
    tiers: int,
    rng: random.Random,
    new_id: Any,
) -> None:
    """Add one stage, its assignments and the facts already recorded for it."""
    code, kind, title, _, scope_tiers, deps, opens, due, state = spec
    campaign_id, stage_id = out.campaign["id"], new_id()
    leads = _leads(spec, units, by_code, tiers)
    in_scope = [u for tier in scope_tiers for u in units.by_tier[tier]]
    unit_stage = bool(in_scope) and kind in UNIT_STAGE_KINDS
    opens_at, due_at = local(opens), local(due, end=True)
    out.stages.append(
        {
            "id": stage_id,
            "campaign_id": campaign_id,
            "code": code,
            "position": position,
            "title": title,
            "kind": kind,
            "lead_code": leads[0]["code"] if len(leads) == 1 else None,
            "cooperating": [],
            "scope": {
                "kinds": list(scope_tiers),
                "rank_groups": [],
                "units": [],
                "unit_stage": unit_stage,
                "lead_units": [u["code"] for u in leads],
                "scope_units": len(in_scope),
            },
            "depends_on": list(deps),
            "deadline_text": f"chậm nhất ngày {local_day(due_at)}",
            "opens_at": opens_at,
            "due_at": due_at,
            "late_policy": "accept_flag",
            "close_policy": "window",
            "reminders": dict(REMINDERS),
            "state": state,
            "opened_at": opens_at if state != "pending" else None,
            "closed_at": due_at if state == "closed" else None,
        }
    )
    if kind == "guidance":
        out.facts.append(_fact(new_id, campaign_id, stage_id, None, "guidance_issued", due_at))
    for unit in in_scope if unit_stage else leads:
        out.assignments.append(_assignment(out, kind, stage_id, unit, state, due_at, rng, new_id))


def _assignment(
    out: CampaignRows,
    kind: str,
    stage_id: Any,
    unit: dict,
    stage_state: str,
    due_at: datetime,
    rng: random.Random,
    new_id: Any,
) -> dict:
    """One assignment: acted (on time or late), open, or overdue at the bench instant."""
    state = {"pending": "pending", "closed": "done"}.get(stage_state) or (
        "overdue" if due_at < AT else "open"
    )
    row = {
        "id": new_id(),
        "stage_id": stage_id,
        "unit_id": unit["id"],
        "campaign_id": out.campaign["id"],
        "state": state,
        "due_at": due_at,
        "extended": False,
        "received_at": due_at if state == "done" else None,
        "late": False,
        "updated_at": AT,
    }
    if kind == "self_assessment" and rng.random() < ACTED_SHARE[unit["kind"]]:
        late = due_at < AT and rng.random() < LATE_SHARE
        start, end = (due_at, AT) if late else (local("2024-10-20"), min(due_at, AT))
        received = start + (end - start) * rng.random()
        row.update(state="late" if late else "done", received_at=received, late=late)
        out.received[unit["id"]] = (received, late)
        out.facts.append(
            _fact(
                new_id,
                out.campaign["id"],
                stage_id,
                unit["id"],
                "self_assessment_submitted",
                received,
            )
        )
    return row


def _fact(
    new_id: Any, campaign_id: Any, stage_id: Any, unit_id: Any, kind: str, at: datetime
) -> dict:
    """A recorded fact row with the default idempotency key of models.campaign.facts.record_fact."""
    return {
        "id": new_id(),
        "campaign_id": campaign_id,
        "stage_id": stage_id,
        "unit_id": unit_id,
        "kind": kind,
        "idempotency_key": f"{kind}:{stage_id or '-'}:{unit_id or '-'}",
        "document_no": "01/HD-SNV" if kind == "guidance_issued" else None,
        "payload": {},
        "recorded_by": "bench",
        "recorded_at": at,
    }


def _kickoff(out: CampaignRows, unit: dict, new_id: Any) -> dict:
    """The launch's kick-off notice to one unit, long delivered (keeps the outbox realistic)."""
    code = out.campaign["code"]
    launched = out.campaign["launched_at"]
    return {
        "id": new_id(),
        "idempotency_key": f"{code}:-:{unit['code']}:kickoff:launch",
        "campaign_id": out.campaign["id"],
        "stage_id": None,
        "unit_id": unit["id"],
        "recipient": unit["code"],
        "urls": list(unit["notify_urls"]),
        "kind": "kickoff",
        "occasion": "launch",
        "subject": f"Triển khai: {out.campaign['title']}",
        "body": f"Kính gửi {unit['name']}: kế hoạch đã được triển khai.",
        "state": "delivered",
        "attempts": 1,
        "last_error": None,
        "created_at": launched,
        "delivered_at": launched,
        "claimed_until": None,
    }
