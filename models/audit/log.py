"""The append-only audit log: who changed what, when, from what to what, and why."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Field, Session, SQLModel

from models.types import created_now, uuid_pk


class AuditEntry(SQLModel, table=True):
    """One change; rows are never updated or deleted (database triggers refuse it)."""

    __tablename__ = "audit_entry"

    id: uuid.UUID = uuid_pk()
    at: datetime = created_now()
    actor: str = Field(max_length=128, index=True)
    action: str = Field(max_length=64)
    entity: str = Field(max_length=64)
    entity_id: str | None = Field(default=None, max_length=64, index=True)
    campaign_id: uuid.UUID | None = Field(default=None, index=True)
    field: str | None = Field(default=None, max_length=128)
    old_value: str | None = None
    new_value: str | None = None
    reason: str | None = Field(default=None, max_length=4000)


def _text(value: object) -> str | None:
    """Render an audited value as text (None stays None)."""
    return None if value is None else str(value)


def record_audit(
    *,
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: object = None,
    campaign_id: uuid.UUID | None = None,
    field: str | None = None,
    old: object = None,
    new: object = None,
    reason: str | None = None,
) -> AuditEntry:
    """Append one audit entry to the session (committed with the change it describes)."""
    entry = AuditEntry(
        actor=actor,
        action=action,
        entity=entity,
        entity_id=_text(entity_id),
        campaign_id=campaign_id,
        field=field,
        old_value=_text(old),
        new_value=_text(new),
        reason=reason,
    )
    session.add(entry)
    return entry
