"""Council sessions with attendance and votes, the chairman's approval, and publication."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlmodel import Field, SQLModel

from models.types import created_now, json_list, uuid_pk


class CouncilSession(SQLModel, table=True):
    """A meeting of the appraisal council; its decision is valid with > 50% of members."""

    __tablename__ = "council_session"

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    held_on: date
    members_total: int
    present: list[str] = json_list()
    in_writing: list[str] = json_list()
    votes_for: int = 0
    votes_against: int = 0
    decision: str | None = Field(default=None, max_length=2000)
    valid: bool = False
    recorded_by: str = Field(max_length=128)
    recorded_at: datetime = created_now()


class Approval(SQLModel, table=True):
    """The chairman's decision approving the results (decision number and date)."""

    __tablename__ = "approval"

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", index=True)
    decision_no: str = Field(max_length=128)
    decided_on: date
    supersedes_id: uuid.UUID | None = Field(default=None, foreign_key="approval.id")
    recorded_by: str = Field(max_length=128)
    recorded_at: datetime = created_now()


class Publication(SQLModel, table=True):
    """The publication of the approved index and ranking."""

    __tablename__ = "publication"

    id: uuid.UUID = uuid_pk()
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id", unique=True)
    approval_id: uuid.UUID = Field(foreign_key="approval.id")
    published_at: datetime = created_now()
    recorded_by: str = Field(max_length=128)
