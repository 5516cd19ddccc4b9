"""Computed results: per unit and per field, with rank and band; frozen after approval."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.types import created_now, uuid_pk, when


class Result(SQLModel, table=True):
    """One unit's index and rank in one campaign (full precision; shown with 2 decimals)."""

    __tablename__ = "result"
    __table_args__ = (
        UniqueConstraint("campaign_id", "unit_id"),
        Index("ix_result_block_rank", "campaign_id", "rank_group", "rank"),  # a block's page
    )

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id")  # led by the unique key (0017)
    unit_id: uuid.UUID = Field(foreign_key="org_unit.id", index=True)
    rank_group: str = Field(max_length=32)
    max_points: float
    self_points: float = 0.0
    appraised_points: float = 0.0
    survey_points: float = 0.0
    achieved_points: float = 0.0
    index_value: float = 0.0
    rank: int | None = None
    tied: bool = False
    band: str | None = Field(default=None, max_length=32)
    computed_at: datetime = created_now()
    frozen_at: datetime | None = when()


class FieldResult(SQLModel, table=True):
    """One unit's points in one field (lĩnh vực), for the field heat map."""

    __tablename__ = "field_result"
    __table_args__ = (UniqueConstraint("campaign_id", "unit_id", "field_code"),)

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id")  # led by the unique key (0017)
    unit_id: uuid.UUID = Field(foreign_key="org_unit.id", index=True)
    field_code: str = Field(max_length=32)
    max_points: float
    achieved_points: float
    self_points: float = 0.0  # the parts, so unit totals sum fields (migration 0003)
    appraised_points: float = 0.0
    survey_points: float = 0.0
