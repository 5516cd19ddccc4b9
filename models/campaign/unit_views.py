"""Read-only queries about one unit in one campaign, for the API and the dashboard drill-down."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from cchc.errors import NotFound
from models.campaign.tables import Assignment, Extension, Stage
from models.catalog.criteria import CriteriaItem
from models.catalog.units import OrgUnit
from models.enums import AssignmentState
from models.outbox.tables import Notification
from models.scoring.tables import Appraisal

OPEN_STATES = (AssignmentState.open, AssignmentState.overdue)


def unit_assignments(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> list[tuple[Stage, Assignment]]:
    """Return the unit's assignments with their stages, in plan order."""
    return list(
        session.exec(
            select(Stage, Assignment)
            .join(Assignment, col(Assignment.stage_id) == col(Stage.id))
            .where(Assignment.campaign_id == campaign_id, Assignment.unit_id == unit_id)
            .order_by(col(Stage.position))
        ).all()
    )


def unit_extensions(*, session: Session, assignment_ids: list[uuid.UUID]) -> list[Extension]:
    """Return the extensions granted on these assignments, oldest first."""
    if not assignment_ids:
        return []
    return list(
        session.exec(
            select(Extension)
            .where(col(Extension.assignment_id).in_(assignment_ids))
            .order_by(col(Extension.granted_at))
        ).all()
    )


def appraisals(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> list[tuple[CriteriaItem, Appraisal]]:
    """Return the unit's appraisals with their items, in criteria order."""
    return list(
        session.exec(
            select(CriteriaItem, Appraisal)
            .join(Appraisal, col(Appraisal.item_id) == col(CriteriaItem.id))
            .where(Appraisal.campaign_id == campaign_id, Appraisal.unit_id == unit_id)
            .order_by(col(CriteriaItem.position), col(CriteriaItem.code))
        ).all()
    )


def items_by_id(*, session: Session, item_ids: list[uuid.UUID]) -> dict[uuid.UUID, CriteriaItem]:
    """Return the criteria items with these ids, by id."""
    if not item_ids:
        return {}
    rows = session.exec(select(CriteriaItem).where(col(CriteriaItem.id).in_(item_ids))).all()
    return {row.id: row for row in rows}


def notifications(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, limit: int = 100
) -> list[Notification]:
    """Return the messages sent to the unit, newest first."""
    return list(
        session.exec(
            select(Notification)
            .where(Notification.campaign_id == campaign_id, Notification.unit_id == unit_id)
            .order_by(col(Notification.created_at).desc())
            .limit(limit)
        ).all()
    )


@dataclass(frozen=True)
class OpenTask:
    """One open or overdue assignment as the campaign page lists it."""

    due_at: datetime
    state: str
    extended: bool
    stage_title: str
    unit_code: str
    unit_name: str


def open_assignments(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_ids: list[uuid.UUID] | None = None,
    limit: int = 100,
) -> list[OpenTask]:
    """Return open or overdue assignments (of some units, or all), soonest due first."""
    # Plain columns, not entities: three ORM objects per row (with the stages' and units' JSON
    # columns decoded) cost more than the query for a list that shows six values.
    query = (
        sa_select(  # six columns: beyond sqlmodel.select's typed overloads
            col(Assignment.due_at),
            col(Assignment.state),
            col(Assignment.extended),
            col(Stage.title),
            col(OrgUnit.code),
            col(OrgUnit.name),
        )
        .join(Stage, col(Stage.id) == col(Assignment.stage_id))
        .join(OrgUnit, col(OrgUnit.id) == col(Assignment.unit_id))
        .where(col(Assignment.campaign_id) == campaign_id, col(Assignment.state).in_(OPEN_STATES))
    )
    if unit_ids is not None:
        query = query.where(col(Assignment.unit_id).in_(unit_ids))
    rows = session.execute(query.order_by(col(Assignment.due_at), col(OrgUnit.code)).limit(limit))
    return [OpenTask(*row) for row in rows]


def stage_assignment(*, session: Session, stage_id: uuid.UUID, unit_id: uuid.UUID) -> Assignment:
    """Return the unit's assignment in one stage or raise NotFound."""
    found = session.exec(
        select(Assignment).where(Assignment.stage_id == stage_id, Assignment.unit_id == unit_id)
    ).first()
    if found is None:
        raise NotFound("đơn vị không có nhiệm vụ trong giai đoạn này")
    return found


def names_by_code(*, session: Session, province_code: str, codes: list[str]) -> dict[str, str]:
    """Return the names of the province's units with these codes (agency codes shown by name)."""
    if not codes:
        return {}
    rows = session.exec(
        select(OrgUnit.code, OrgUnit.name).where(
            col(OrgUnit.province_code) == province_code, col(OrgUnit.code).in_(codes)
        )
    ).all()
    return dict(rows)
