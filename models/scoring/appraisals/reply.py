"""The unit's answer (giải trình) to the appraisal of one leaf, while appraisal is open."""

from __future__ import annotations

import uuid

from sqlmodel import Session, select

from cchc.errors import DeadlinePassed, NotFound, ValidationError
from models.audit.log import record_audit
from models.campaign.tables import Stage
from models.scoring.appraisals.reads import get_appraisal, self_leaf, submitted_context
from models.scoring.tables import Appraisal


def respond_to_appraisal(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    item_code: str,
    text: str,
    actor: str,
) -> Appraisal:
    """Record the unit's answer (giải trình) to an appraisal while the appraisal stage allows."""
    if not (text or "").strip():
        raise ValidationError(f"{item_code}: nội dung giải trình trống")
    _current, items = submitted_context(session, campaign_id, unit_id)
    stages = session.exec(
        select(Stage).where(Stage.campaign_id == campaign_id, Stage.kind == "appraisal")
    ).all()
    if stages and not any(s.state == "open" for s in stages):
        raise DeadlinePassed("giai đoạn thẩm định không mở; không nhận giải trình")
    item = self_leaf(items, item_code)
    row = get_appraisal(session=session, campaign_id=campaign_id, unit_id=unit_id, item_id=item.id)
    if row is None:
        raise NotFound(f"{item_code}: chưa có kết quả thẩm định để giải trình")
    old, row.unit_response = row.unit_response, text.strip()
    session.add(row)
    record_audit(
        session=session,
        actor=actor,
        action="unit_response",
        entity="appraisal",
        entity_id=row.id,
        campaign_id=campaign_id,
        field=item_code,
        old=old,
        new=row.unit_response,
    )
    session.flush()
    return row
