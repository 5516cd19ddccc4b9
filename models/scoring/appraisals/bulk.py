"""Accept every leaf not yet appraised at once (one field, or every field of an agency)."""

from __future__ import annotations

import json
import uuid

from sqlmodel import Session

from cchc.errors import ScoreError
from models.audit.log import record_audit
from models.catalog.lookup import get_unit
from models.scoring.appraisal_access import check_appraiser, field_appraisers
from models.scoring.appraisals.progress import note_unit_appraised
from models.scoring.appraisals.reads import appraised_item_ids, submitted_context
from models.scoring.self_assessments import version_scores
from models.scoring.self_assessments.lock import require_still_submitted
from models.scoring.tables import Appraisal


def accept_all(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    actor: str,
    field_code: str | None = None,
    appraiser_code: str | None = None,
) -> int:
    """Accept the self score of every leaf not yet appraised (one field, or all); return the count.

    With an appraiser_code and no field, only the fields that agency appraises are accepted.
    """
    current, items = submitted_context(session, campaign_id, unit_id)
    require_still_submitted(session, current, "không thẩm định được")
    if field_code is not None and field_code not in items:
        raise ScoreError(f"{field_code}: lĩnh vực không có trong bộ chỉ số")
    if field_code is not None:
        check_appraiser(
            session=session,
            campaign_id=campaign_id,
            unit_id=unit_id,
            item_code=field_code,
            appraiser_code=appraiser_code,
        )
    agencies = field_appraisers(
        session=session, unit=get_unit(session=session, unit_id=unit_id), items=list(items.values())
    )
    done = appraised_item_ids(session=session, campaign_id=campaign_id, unit_id=unit_id)
    scores = version_scores(session=session, self_assessment_id=current.id)
    accepted: dict[str, float] = {}
    for code, item in items.items():
        if not item.is_leaf or item.method != "self" or item.id in done:
            continue
        if field_code is not None and item.field_code != field_code:
            continue
        if appraiser_code is not None and agencies.get(item.field_code) != appraiser_code:
            continue
        value = scores[item.id].score if item.id in scores else 0.0
        session.add(
            Appraisal(
                campaign_id=campaign_id,
                unit_id=unit_id,
                item_id=item.id,
                self_score=value,
                appraised_score=value,
                decision="accepted",
                appraised_by=actor,
                appraiser_code=appraiser_code or item.appraiser_code,
            )
        )
        accepted[code] = value
    if accepted:  # one entry for the batch: old and new are the same self scores
        text = json.dumps(accepted, ensure_ascii=False)
        record_audit(
            session=session,
            actor=actor,
            action="appraisal_accepted",
            entity="appraisal",
            entity_id=current.id,
            campaign_id=campaign_id,
            field=field_code or "*",
            old=text,
            new=text,
        )
    session.flush()
    note_unit_appraised(session=session, campaign_id=campaign_id, unit_id=unit_id, actor=actor)
    return len(accepted)
