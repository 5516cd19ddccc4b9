"""Amend a running campaign: a changed plan with the same code becomes version N+1."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from cchc.errors import AlreadyLaunched, PlanChanged
from cchc.wording import launch as say
from models.audit.log import record_audit
from models.campaign.amend import Notices, amend_rows
from models.campaign.event_notices import event_message, province_authority
from models.campaign.plan_diff import PlanDiff, diff_plans
from models.campaign.rules import freeze_rules
from models.campaign.tables import Campaign
from models.campaign.versions import add_version, current_version
from models.catalog.units import OrgUnit
from models.outbox.queue import enqueue_many
from services import lifecycle


@dataclass(frozen=True)
class AmendResult:
    """The version made (or, unconfirmed or dry, that would be made) and who was told."""

    campaign: str
    version: int
    changes: list[str]
    applied: bool
    notified: int = 0


def plan_diff(*, session: Session, campaign: Campaign, plan_cfg: Any) -> tuple[int, PlanDiff]:
    """Return the running version's number and what the plan changes from it."""
    running = current_version(session=session, campaign=campaign)
    rules = freeze_rules(
        province_code=plan_cfg.unit_set.province.code,
        scheme=plan_cfg.policy.bands,
        tie_break=plan_cfg.policy.tie_break,
    )
    merged = {
        p.code: u.code
        for u in plan_cfg.unit_set.units
        for p in u.predecessors
        if p.change == "merge"
    }
    new = plan_cfg.model_dump(mode="json")
    diff = diff_plans(
        old=running.body, new=new, old_rules=campaign.rules, new_rules=rules, merged_into=merged
    )
    return running.number, diff


def amend_campaign(
    *,
    session: Session,
    campaign: Campaign,
    plan_cfg: Any,
    actor: str,
    confirm: bool,
    dry_run: bool = False,
    calendar: dict | None = None,
) -> AmendResult:
    """Store the amended plan as version N+1 once confirmed; a dry run only shows the diff."""
    # frozen results follow the plan they were computed under: a version only while running
    lifecycle.require(campaign, "amend")
    number, diff = plan_diff(session=session, campaign=campaign, plan_cfg=plan_cfg)
    if diff.empty:
        raise AlreadyLaunched(say.unchanged(campaign.code, number))
    changes = diff.lines or [say.other_changes()]
    if dry_run:
        return AmendResult(campaign.code, number + 1, changes, applied=False)
    if not confirm:
        raise PlanChanged(say.unconfirmed(campaign.code, number), problems=changes)
    notices = amend_rows(
        session=session, campaign=campaign, plan_cfg=plan_cfg, diff=diff, calendar=calendar
    )
    body = plan_cfg.model_dump(mode="json")
    add_version(
        session=session,
        campaign=campaign,
        number=number + 1,
        body=body,
        changes=changes,
        actor=actor,
    )
    record_audit(
        session=session,
        actor=actor,
        action="amend",
        entity="campaign",
        entity_id=campaign.id,
        campaign_id=campaign.id,
        field="version",
        old=number,
        new=number + 1,
        reason="\n".join(changes)[:4000],
    )
    sent = _notify(session, campaign, number + 1, notices)
    return AmendResult(campaign.code, number + 1, changes, applied=True, notified=sent)


def _notify(session: Session, campaign: Campaign, version: int, notices: Notices) -> int:
    """Tell each unit whose obligations changed what changed for it (once per version)."""
    units = {
        u.code: u
        for u in session.exec(
            select(OrgUnit).where(OrgUnit.province_code == campaign.province_code)
        )
    }
    speaker = province_authority(session=session, campaign=campaign)
    out = [
        event_message(
            campaign,
            units[code],
            "plan_amended",
            f"v{version}",
            authority=speaker,
            version=version,
            changes=lines,
        )
        for code, lines in notices.items()
    ]
    return enqueue_many(session=session, messages=out)
