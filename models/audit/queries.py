"""Read the audit log with filters (newest first)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Session, col, select

from models.audit.log import AuditEntry


def list_audit(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    actor: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 500,
) -> list[AuditEntry]:
    """Return the campaign's audit rows matching every given filter, newest first."""
    query = select(AuditEntry).where(AuditEntry.campaign_id == campaign_id)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if action:
        query = query.where(AuditEntry.action == action)
    if since is not None:
        query = query.where(col(AuditEntry.at) >= since)
    if until is not None:
        query = query.where(col(AuditEntry.at) < until)
    return list(session.exec(query.order_by(col(AuditEntry.at).desc()).limit(limit)).all())
