"""Apply an amended plan to a running campaign's rows; say which units' obligations changed."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from cchc.clock import as_utc, now
from cchc.wording import launch as say
from models.campaign.launch import (
    apply_plan_settings,
    assignee_codes,
    create_assignments,
    create_stage,
    stage_fields,
)
from models.campaign.plan_diff import PlanDiff
from models.campaign.tables import Assignment, Campaign, Extension, Plan, Stage
from models.catalog.sync import sync_criteria_set, sync_units
from models.catalog.units import OrgUnit
from models.enums import AssignmentState as A
from models.enums import StageState

Notices = dict[str, list[str]]  # unit code: what changed for it
UNACTED = (A.pending, A.open, A.overdue)


def amend_rows(
    *, session: Session, campaign: Campaign, plan_cfg: Any, diff: PlanDiff, calendar: dict | None
) -> Notices:
    """Bring stages, assignments and the campaign to the amended plan; keep every recorded row."""
    units = sync_units(session=session, units_cfg=plan_cfg.unit_set)
    for cset in plan_cfg.criteria.values():
        sync_criteria_set(session=session, cset_cfg=cset)
    stages = {
        s.code: s for s in session.exec(select(Stage).where(Stage.campaign_id == campaign.id))
    }
    notices: Notices = defaultdict(list)
    for position, cfg in enumerate(plan_cfg.stages, 1):
        stage = stages.get(cfg.code)
        if stage is None:
            stage = create_stage(session, campaign, cfg, position)
            create_assignments(session, campaign, stage, cfg, units)
            for code in assignee_codes(cfg):
                notices[code].append(say.scope_added(stage.title, stage.due_at))
            continue
        _update_stage(session, stage, cfg, position, notices)
        _update_scope(session, campaign, stage, assignee_codes(cfg), units, notices)
    for code in diff.removed:
        _remove_stage(session, stages[code], notices)
    apply_plan_settings(campaign, plan_cfg, calendar)
    session.add(campaign)
    plan = session.get(Plan, campaign.plan_id)
    if plan is not None:  # the plan row holds the current body; versions keep every body
        plan.body, plan.title = plan_cfg.model_dump(mode="json"), plan_cfg.title
        session.add(plan)
    session.flush()
    return dict(notices)


def _held(session: Session, stage: Stage) -> list[tuple[Assignment, str]]:
    """The stage's assignments with their unit codes."""
    query = (
        select(Assignment, OrgUnit.code)
        .join(OrgUnit, col(OrgUnit.id) == Assignment.unit_id)
        .where(Assignment.stage_id == stage.id)
    )
    return [(a, code) for a, code in session.exec(query).all()]


def _update_stage(session: Session, stage: Stage, cfg: Any, position: int, out: Notices) -> None:
    """Set the stage's fields; move the due time of assignments nobody extended."""
    old_due = as_utc(stage.due_at)
    for name, value in stage_fields(cfg, position).items():
        setattr(stage, name, value)
    session.add(stage)
    if as_utc(stage.due_at) == old_due:
        return
    at = now()
    for assignment, code in _held(session, stage):
        if assignment.extended:  # an extension granted to the unit outlives the plan's change
            continue
        assignment.due_at = stage.due_at
        if assignment.state in (A.open, A.overdue):
            assignment.state = A.overdue if at > as_utc(stage.due_at) else A.open
        assignment.updated_at = at
        session.add(assignment)
        out[code].append(say.due_moved(stage.title, old_due, stage.due_at))


def _update_scope(
    session: Session,
    campaign: Campaign,
    stage: Stage,
    wanted: list[str],
    units: dict[str, OrgUnit],
    out: Notices,
) -> None:
    """Add assignments for units newly in scope; drop unacted ones of units no longer in it."""
    held = {code: a for a, code in _held(session, stage)}
    state = A.open if stage.state == StageState.open else A.pending
    rows = [
        {
            "stage_id": stage.id,
            "unit_id": units[c].id,
            "campaign_id": campaign.id,
            "state": state,
            "due_at": stage.due_at,
            "updated_at": now(),
        }
        for c in wanted
        if c not in held
    ]
    if rows:
        session.execute(insert(Assignment), rows)
    for c in wanted:
        if c not in held:
            out[c].append(say.scope_added(stage.title, stage.due_at))
    _drop(session, stage, [held[c] for c in held if c not in wanted], held, out)


def _drop(
    session: Session,
    stage: Stage,
    gone: list[Assignment],
    held: dict[str, Assignment],
    out: Notices,
) -> None:
    """Delete unacted assignments without extensions; acted ones stay as the record."""
    ids = [a.id for a in gone]
    extended = set(
        session.exec(select(Extension.assignment_id).where(col(Extension.assignment_id).in_(ids)))
    )
    codes = {a.id: c for c, a in held.items()}
    drop = [a.id for a in gone if a.state in UNACTED and a.id not in extended]
    if drop:
        session.execute(delete(Assignment).where(col(Assignment.id).in_(drop)))
    for a in gone:
        out[codes[a.id]].append(say.scope_removed(stage.title))


def _remove_stage(session: Session, stage: Stage, out: Notices) -> None:
    """Mark a stage dropped from the plan; its rows stay, its unacted units are told."""
    for assignment, code in _held(session, stage):
        if assignment.state in UNACTED:
            out[code].append(say.scope_removed(stage.title))
    stage.state = StageState.removed
    session.add(stage)
