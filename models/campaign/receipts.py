"""Receipt of the guidance (văn bản đến): one row per unit and campaign; the first one stands."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import UniqueConstraint, and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, col

from models.campaign.tables import Assignment, Campaign, Stage
from models.catalog.units import OrgUnit
from models.enums import AssignmentState as A
from models.types import uuid_pk, when


class GuidanceReceipt(SQLModel, table=True):
    """A unit's acknowledgement that it received the campaign's guidance."""

    __tablename__ = "guidance_receipt"
    __table_args__ = (UniqueConstraint("campaign_id", "unit_id"),)

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    unit_id: uuid.UUID = Field(foreign_key="org_unit.id")
    received_at: datetime = when(nullable=False)
    received_by: str = Field(max_length=300)
    via: str = Field(max_length=16)  # link | dashboard | api


def get_receipt(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> GuidanceReceipt | None:
    """Return the unit's receipt of the campaign's guidance, or None."""
    query = select(GuidanceReceipt).where(
        col(GuidanceReceipt.campaign_id) == campaign_id, col(GuidanceReceipt.unit_id) == unit_id
    )
    return session.execute(query).scalars().first()


def add_receipt(*, session: Session, receipt: GuidanceReceipt) -> tuple[GuidanceReceipt, bool]:
    """Store the receipt unless one exists; return the standing one and whether it is new."""
    found = get_receipt(session=session, campaign_id=receipt.campaign_id, unit_id=receipt.unit_id)
    if found is not None:
        return found, False
    try:
        with session.begin_nested():  # two clicks at once: the loser reads the winner's row
            session.add(receipt)
    except IntegrityError:
        found = get_receipt(
            session=session, campaign_id=receipt.campaign_id, unit_id=receipt.unit_id
        )
        assert found is not None  # the unique constraint refused us because it exists
        return found, False
    return receipt, True


def receipts_by_unit(
    *, session: Session, campaign_id: uuid.UUID
) -> dict[uuid.UUID, GuidanceReceipt]:
    """Return the campaign's receipts keyed by unit id."""
    query = select(GuidanceReceipt).where(col(GuidanceReceipt.campaign_id) == campaign_id)
    return {r.unit_id: r for r in session.execute(query).scalars()}


def _involved_query(campaign: Campaign) -> Any:
    """The campaign's involved units: every assigned unit and every stage's lead."""
    assigned = select(col(Assignment.unit_id)).where(col(Assignment.campaign_id) == campaign.id)
    leads = select(col(Stage.lead_code)).where(
        col(Stage.campaign_id) == campaign.id, col(Stage.lead_code).is_not(None)
    )
    return (
        select(OrgUnit)
        .where(col(OrgUnit.province_code) == campaign.province_code)
        .where(col(OrgUnit.id).in_(assigned) | col(OrgUnit.code).in_(leads))
    )


def involved_units(*, session: Session, campaign: Campaign) -> list[OrgUnit]:
    """Return the units the guidance went to, by code."""
    query = _involved_query(campaign).order_by(col(OrgUnit.code))
    return list(session.execute(query).scalars())


def ack_counts(*, session: Session, campaign: Campaign) -> tuple[int, int]:
    """Return (units still to acknowledge, units the guidance went to) in one statement."""
    involved = _involved_query(campaign).subquery()
    query = select(func.count(involved.c.id), func.count(col(GuidanceReceipt.id))).select_from(
        involved.outerjoin(
            GuidanceReceipt,
            and_(
                col(GuidanceReceipt.unit_id) == involved.c.id,
                col(GuidanceReceipt.campaign_id) == campaign.id,
            ),
        )
    )
    total, received = session.execute(query).one()
    return int(total) - int(received), int(total)


def is_involved(*, session: Session, campaign: Campaign, unit: OrgUnit) -> bool:
    """Tell whether the guidance went to `unit` (assigned in a stage, or a stage's lead)."""
    query = _involved_query(campaign).where(col(OrgUnit.id) == unit.id)
    return session.execute(select(query.exists())).scalar_one()


def receipt_clock_rows(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> list[tuple[Stage, Assignment]]:
    """The unit's unfinished, unextended assignments in stages whose clock starts at receipt."""
    query = (
        select(Stage, Assignment)
        .join(Assignment, col(Assignment.stage_id) == col(Stage.id))
        .where(
            col(Stage.campaign_id) == campaign_id,
            col(Stage.from_receipt_days).is_not(None),
            col(Assignment.unit_id) == unit_id,
            col(Assignment.extended).is_(False),
            col(Assignment.state).in_((A.pending, A.open, A.overdue)),
        )
    )
    return [(s, a) for s, a in session.execute(query).tuples()]
