"""Whether a campaign's results are frozen by an approval (every score write asks first)."""

from __future__ import annotations

import uuid

from sqlmodel import Session, col, select

from cchc.errors import ResultsFrozen
from models.campaign.tables import Campaign
from models.results.tables import Result


def is_frozen(*, session: Session, campaign_id: uuid.UUID) -> bool:
    """Tell whether the campaign's results are frozen by an approval."""
    return (
        session.exec(
            select(Result.id)
            .where(col(Result.campaign_id) == campaign_id, col(Result.frozen_at).is_not(None))
            .limit(1)
        ).first()
        is not None
    )


def ensure_not_frozen(*, session: Session, campaign_id: uuid.UUID) -> None:
    """Raise ResultsFrozen when approved results would change without a new decision."""
    if is_frozen(session=session, campaign_id=campaign_id):
        raise ResultsFrozen(
            "kết quả đã được phê duyệt; mọi thay đổi cần quyết định mới (cchc reopen)"
        )


def ensure_none_frozen(*, session: Session, campaign_ids: list[uuid.UUID]) -> None:
    """Raise ResultsFrozen when any of the campaigns' approved results would change (one query)."""
    frozen = session.exec(
        select(Result.id)
        .where(col(Result.campaign_id).in_(campaign_ids), col(Result.frozen_at).is_not(None))
        .limit(1)
    ).first()
    if frozen is not None:
        raise ResultsFrozen(
            "kết quả đã được phê duyệt; mọi thay đổi cần quyết định mới (cchc reopen)"
        )


def unfrozen_running_ids(*, session: Session) -> list[uuid.UUID]:
    """Return the running campaigns whose results no approval froze, in code order."""
    frozen = select(Result.campaign_id).where(col(Result.frozen_at).is_not(None))
    return list(
        session.exec(
            select(Campaign.id)
            .where(Campaign.state == "running", col(Campaign.id).not_in(frozen))
            .order_by(col(Campaign.code))
        ).all()
    )
