"""The published snapshot: the approved result rows copied at publication; public reads use it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Field, Session, SQLModel, col, select

from models.catalog.units import OrgUnit
from models.results.tables import Result
from models.types import created_now, json_list, uuid_pk

FIELDS = (
    "rank_group", "rank", "tied", "band", "index_value", "achieved_points", "max_points",
    "appraised_points", "survey_points",
)  # fmt: skip


class PublishedSnapshot(SQLModel, table=True):
    """The ranking as published under one approval; never changed, a new publication adds one."""

    __tablename__ = "published_snapshot"

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    approval_id: uuid.UUID = Field(foreign_key="approval.id", unique=True)
    decision_no: str = Field(max_length=128)
    rows: list[dict[str, Any]] = json_list()
    published_by: str = Field(max_length=128)
    published_at: datetime = created_now()


@dataclass(frozen=True)
class SnapshotRow:
    """One unit's published result, shaped like a (Result, OrgUnit) pair for the templates."""

    unit_code: str
    name: str
    rank_group: str
    rank: int | None
    tied: bool
    band: str | None
    index_value: float
    achieved_points: float
    max_points: float
    appraised_points: float
    survey_points: float


def snapshot_rows(*, session: Session, campaign_id: uuid.UUID) -> list[dict[str, Any]]:
    """Copy the campaign's result rows (by block then rank) as plain JSON."""
    rows = session.exec(
        select(Result, OrgUnit)
        .join(OrgUnit, col(OrgUnit.id) == col(Result.unit_id))
        .where(Result.campaign_id == campaign_id)
        .order_by(
            col(Result.rank_group), col(Result.rank).is_(None), col(Result.rank), col(OrgUnit.code)
        )
    ).all()
    return [
        {"unit_code": u.code, "name": u.name, **{f: getattr(r, f) for f in FIELDS}} for r, u in rows
    ]


def take_snapshot(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    approval_id: uuid.UUID,
    decision_no: str,
    actor: str,
) -> PublishedSnapshot:
    """Store the approved results as published (once per approval: again returns the stored)."""
    found = session.exec(
        select(PublishedSnapshot).where(PublishedSnapshot.approval_id == approval_id)
    ).first()
    if found is not None:
        return found
    snap = PublishedSnapshot(
        campaign_id=campaign_id,
        approval_id=approval_id,
        decision_no=decision_no,
        rows=snapshot_rows(session=session, campaign_id=campaign_id),
        published_by=actor,
    )
    session.add(snap)
    session.flush()
    return snap


def latest_snapshot(*, session: Session, campaign_id: uuid.UUID) -> PublishedSnapshot | None:
    """Return the last published snapshot, or None before any publication."""
    return session.exec(
        select(PublishedSnapshot)
        .where(PublishedSnapshot.campaign_id == campaign_id)
        .order_by(col(PublishedSnapshot.published_at).desc())
    ).first()


def as_pairs(snap: PublishedSnapshot) -> list[tuple[SnapshotRow, SnapshotRow]]:
    """Return the snapshot's rows as (result, unit) pairs, the shape the public page renders."""
    rows = [SnapshotRow(**row) for row in snap.rows]
    return [(row, row) for row in rows]
