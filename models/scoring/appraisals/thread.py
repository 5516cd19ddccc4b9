"""A leaf's reply thread (giải trình): the appraiser asks, the unit replies, and so on."""

from __future__ import annotations

import uuid
from collections import defaultdict

from sqlmodel import Session, col, select

from cchc.errors import NotFound
from models.audit.log import record_audit
from models.catalog.criteria import CriteriaItem
from models.scoring.appraisals.reads import get_appraisal, self_leaf, submitted_context
from models.scoring.tables import AppraisalMessage

ROLES = ("unit", "appraiser")
MESSAGE_MAX = 2000  # characters of one message, after NFC
ACTION = {"unit": "unit_response", "appraiser": "appraiser_message"}


def leaf_messages(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, item_id: uuid.UUID
) -> list[AppraisalMessage]:
    """Return one leaf's thread, oldest first."""
    return list(
        session.exec(
            select(AppraisalMessage)
            .where(
                AppraisalMessage.campaign_id == campaign_id,
                AppraisalMessage.unit_id == unit_id,
                AppraisalMessage.item_id == item_id,
            )
            .order_by(col(AppraisalMessage.at), col(AppraisalMessage.id))
        ).all()
    )


def unit_threads(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> dict[uuid.UUID, list[AppraisalMessage]]:
    """Return every thread of a unit by leaf id, each oldest first (one query)."""
    rows = session.exec(
        select(AppraisalMessage)
        .where(AppraisalMessage.campaign_id == campaign_id, AppraisalMessage.unit_id == unit_id)
        .order_by(col(AppraisalMessage.at), col(AppraisalMessage.id))
    ).all()
    threads: dict[uuid.UUID, list[AppraisalMessage]] = defaultdict(list)
    for row in rows:
        threads[row.item_id].append(row)
    return dict(threads)


def post_message(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    item_code: str,
    role: str,
    text: str,
    actor: str,
) -> tuple[CriteriaItem, AppraisalMessage]:
    """Append one message (text already normalised and bounded by the caller) and audit it.

    A unit answers only what was appraised or asked: its leaf must have an appraisal or a message.
    """
    _current, items = submitted_context(session, campaign_id, unit_id)
    item = self_leaf(items, item_code)
    if role == "unit" and not _open_to_unit(session, campaign_id, unit_id, item.id):
        raise NotFound(f"{item_code}: chưa có kết quả thẩm định hay câu hỏi để giải trình")
    row = AppraisalMessage(
        campaign_id=campaign_id,
        unit_id=unit_id,
        item_id=item.id,
        author=actor,
        role=role,
        text=text,
    )
    session.add(row)
    session.flush()
    record_audit(
        session=session,
        actor=actor,
        action=ACTION[role],
        entity="appraisal_message",
        entity_id=row.id,
        campaign_id=campaign_id,
        field=item_code,
        new=text,
    )
    return item, row


def _open_to_unit(
    session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, item_id: uuid.UUID
) -> bool:
    """Tell whether the leaf has an appraisal or an appraiser's message the unit may answer."""
    if get_appraisal(session=session, campaign_id=campaign_id, unit_id=unit_id, item_id=item_id):
        return True
    return any(
        m.role == "appraiser"
        for m in leaf_messages(
            session=session, campaign_id=campaign_id, unit_id=unit_id, item_id=item_id
        )
    )
