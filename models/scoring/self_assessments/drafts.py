"""Save scores into the unit's draft, guarded by its lock version; one audit entry per save."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col

from cchc.clock import now
from cchc.errors import Conflict
from models.audit.log import record_audit
from models.catalog.lookup import criteria_set_for, get_campaign_by_id, get_unit, items_by_code
from models.scoring.figures import figure_scores
from models.scoring.freeze import ensure_not_frozen
from models.scoring.not_applicable import marked_ids
from models.scoring.self_assessments.versions import (
    ensure_not_appraised,
    latest_version,
    new_draft,
    open_stage,
    version_scores,
)
from models.scoring.self_checks import check_marked, check_scores, normalise_scores
from models.scoring.tables import SelfAssessment, SelfScore


def save_draft(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    scores: Mapping[str, Any],
    actor: str,
    expected_lock_version: int | None = None,
) -> SelfAssessment:
    """Merge scores ({code: score | {"score", "explanation"} | None}) into the unit's draft."""
    campaign = get_campaign_by_id(session=session, campaign_id=campaign_id)
    unit = get_unit(session=session, unit_id=unit_id)
    ensure_not_frozen(session=session, campaign_id=campaign_id)
    open_stage(session=session, campaign_id=campaign_id, unit_id=unit_id)
    # A new version after appraisal would leave appraisals of scores that no longer exist.
    ensure_not_appraised(session, campaign_id, unit_id, "không sửa được")
    cset = criteria_set_for(session=session, campaign=campaign, unit=unit)
    items = items_by_code(session=session, criteria_set_id=cset.id)
    scores, figures = figure_scores(items, scores)  # formula leaves: points from their figure
    wanted = normalise_scores(scores)
    check_scores(items, wanted)  # refuse before writing anything: nothing stored is lost
    check_marked(
        items, wanted, marked_ids(session=session, campaign_id=campaign_id, unit_id=unit_id)
    )
    draft = latest_version(session, campaign_id, unit_id, "draft")
    seen = 0 if draft is None else draft.lock_version
    if expected_lock_version is not None and expected_lock_version != seen:
        raise Conflict(
            f"bản nháp đã được người khác sửa (phiên bản {seen}, bạn có "
            f"{expected_lock_version}); tải lại"
        )
    draft = draft or new_draft(session, campaign_id, unit_id, cset.id)
    _bump_lock(session, draft, seen)
    _apply(session, draft, items, wanted, actor, figures)
    return draft


def _bump_lock(session: Session, draft: SelfAssessment, seen: int) -> None:
    """Advance the draft's lock version only if nobody else did since it was read."""
    result = session.execute(
        update(SelfAssessment)
        .where(col(SelfAssessment.id) == draft.id, col(SelfAssessment.lock_version) == seen)
        .values(lock_version=seen + 1, updated_at=now())
    )
    # The stubs type execute() as Result; an UPDATE returns a CursorResult, which has rowcount.
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict("bản nháp đã được người khác sửa; tải lại rồi lưu lại")
    session.refresh(draft)


def _apply(
    session: Session, draft: SelfAssessment, items: dict, wanted: dict, actor: str, figures: dict
) -> None:
    """Write the scores into the draft; one audit entry lists each changed code, old → new."""
    stored = version_scores(session=session, self_assessment_id=draft.id)
    before, after = {}, {}
    for code, (has_score, score, explanation) in wanted.items():
        item = items[code]
        row = stored.get(item.id)
        old = None if row is None else row.score
        if has_score and score is None:
            if row is not None:
                session.delete(row)
        else:
            row = row or SelfScore(self_assessment_id=draft.id, item_id=item.id, score=score or 0.0)
            row.score = score if has_score else row.score
            row.explanation = explanation if explanation is not None else row.explanation
            row.figure = figures.get(code, row.figure if not has_score else None)
            session.add(row)
        new = score if has_score else old
        if old != new:
            before[code], after[code] = old, new
    if after:  # one entry per save: a 100-leaf draft is one change, not 100
        record_audit(
            session=session,
            actor=actor,
            action="self_score",
            entity="self_assessment",
            entity_id=draft.id,
            campaign_id=draft.campaign_id,
            field=f"v{draft.version}",
            old=json.dumps(before, ensure_ascii=False),
            new=json.dumps(after, ensure_ascii=False),
        )
    session.flush()
