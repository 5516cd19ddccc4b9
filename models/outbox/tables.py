"""The notification outbox: one row per message, unique by idempotency key."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from models.types import created_now, json_list, uuid_pk, when


class Notification(SQLModel, table=True):
    """A message to deliver through apprise; the key makes every send happen at most once."""

    __tablename__ = "notification"
    # the log reads a campaign's newest rows; the pair also serves lookups by campaign alone
    __table_args__ = (Index("ix_notification_campaign_created", "campaign_id", "created_at"),)

    id: uuid.UUID = uuid_pk()
    idempotency_key: str = Field(unique=True, max_length=400)
    campaign_id: uuid.UUID = Field(foreign_key="campaign.id")
    stage_id: uuid.UUID | None = Field(default=None, foreign_key="stage.id", index=True)
    unit_id: uuid.UUID | None = Field(default=None, foreign_key="org_unit.id", index=True)
    recipient: str = Field(max_length=255)
    urls: list[str] = json_list()
    kind: str = Field(max_length=32)
    occasion: str = Field(max_length=64)
    subject: str = Field(max_length=500)
    body: str
    state: str = Field(default="pending", max_length=16, index=True)
    attempts: int = 0
    last_error: str | None = Field(default=None, max_length=2000)
    created_at: datetime = created_now()
    delivered_at: datetime | None = when()
    claimed_until: datetime | None = when()  # a worker's lease, so two workers never send one row
    quiet: bool = False  # goes by SMS or Zalo: held during the quiet hours
    receipt: str | None = Field(default=None, max_length=500)  # the provider's message id
    # Prefect flow runs (#16): the tick that wrote the row and the one that delivered it.
    flow_run_id: str | None = Field(default=None, max_length=36)
    delivered_flow_run_id: str | None = Field(default=None, max_length=36)
