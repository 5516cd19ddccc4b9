"""Self-assessment data functions: draft, submit, withdraw, resubmit; every version is kept.

A unit has at most one draft (the working copy) and at most one current submitted version; older
submissions become `superseded`, withdrawn ones `withdrawn`. Callers commit (session_scope).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy import update as sa_update
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, func, select

from cchc.clock import as_utc, now
from cchc.errors import Conflict, DeadlinePassed, NotFound, ValidationError
from models.audit.log import record_audit
from models.campaign.assignments import find_assignment, mark_acted, reopen
from models.campaign.facts import record_fact
from models.catalog.lookup import criteria_set_for, get_campaign_by_id, get_unit, items_by_code
from models.scoring.council_ops import ensure_not_frozen
from models.scoring.self_checks import check_complete, check_scores, normalise_scores
from models.scoring.tables import Appraisal, Evidence, SelfAssessment, SelfScore

STAGE = "self_assessment"


def _open_stage(*, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID) -> Any:
    """Return the unit's self-assessment stage, refusing when it is not open."""
    stage, _assignment = find_assignment(
        session=session, campaign_id=campaign_id, unit_id=unit_id, stage_kind=STAGE
    )
    if stage.state != "open":
        why = "chưa mở" if stage.state == "pending" else "đã kết thúc"
        raise DeadlinePassed(f"giai đoạn «{stage.title}» {why}; không nhận tự đánh giá")
    return stage


def list_versions(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> list[SelfAssessment]:
    """Return every version of the unit's self-assessment, oldest first."""
    return list(
        session.exec(
            select(SelfAssessment)
            .where(SelfAssessment.campaign_id == campaign_id, SelfAssessment.unit_id == unit_id)
            .order_by(SelfAssessment.version)
        ).all()
    )


def _latest(
    session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, status: str | None = None
) -> SelfAssessment | None:
    """Return the newest version (optionally of one status)."""
    versions = list_versions(session=session, campaign_id=campaign_id, unit_id=unit_id)
    versions = [v for v in versions if status is None or v.status == status]
    return versions[-1] if versions else None


def current_submission(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID
) -> SelfAssessment | None:
    """Return the unit's current submitted version, if any."""
    return _latest(session, campaign_id, unit_id, "submitted")


def version_scores(
    *, session: Session, self_assessment_id: uuid.UUID
) -> dict[uuid.UUID, SelfScore]:
    """Return a version's scores keyed by criteria item id."""
    rows = session.exec(
        select(SelfScore).where(SelfScore.self_assessment_id == self_assessment_id)
    ).all()
    return {r.item_id: r for r in rows}


def _new_draft(
    session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, set_id: uuid.UUID
) -> SelfAssessment:
    """Start a new draft version, copying the scores of the newest version (for resubmission)."""
    last = _latest(session, campaign_id, unit_id)
    top = session.exec(
        select(func.max(SelfAssessment.version)).where(
            SelfAssessment.campaign_id == campaign_id, SelfAssessment.unit_id == unit_id
        )
    ).one()
    draft = SelfAssessment(
        campaign_id=campaign_id,
        unit_id=unit_id,
        criteria_set_id=set_id,
        version=(top or 0) + 1,
        status="draft",
    )
    session.add(draft)
    session.flush()
    if last is not None:
        for old in version_scores(session=session, self_assessment_id=last.id).values():
            session.add(
                SelfScore(
                    self_assessment_id=draft.id,
                    item_id=old.item_id,
                    score=old.score,
                    explanation=old.explanation,
                )
            )
        session.flush()
    return draft


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
    _open_stage(session=session, campaign_id=campaign_id, unit_id=unit_id)
    # A new version after appraisal would leave appraisals of scores that no longer exist.
    _ensure_not_appraised(session, campaign_id, unit_id, "không sửa được")
    cset = criteria_set_for(session=session, campaign=campaign, unit=unit)
    items = items_by_code(session=session, criteria_set_id=cset.id)
    wanted = normalise_scores(scores)
    check_scores(items, wanted)  # refuse before writing anything: nothing stored is lost
    draft = _latest(session, campaign_id, unit_id, "draft")
    seen = 0 if draft is None else draft.lock_version
    if expected_lock_version is not None and expected_lock_version != seen:
        raise Conflict(
            f"bản nháp đã được người khác sửa (phiên bản {seen}, bạn có "
            f"{expected_lock_version}); tải lại"
        )
    draft = draft or _new_draft(session, campaign_id, unit_id, cset.id)
    _bump_lock(session, draft, seen)
    _apply(session, draft, items, wanted, actor)
    return draft


def _claim_draft(session: Session, draft: SelfAssessment) -> None:
    """Move the draft to submitted only if it is still a draft: of two racing submits one wins."""
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        # Never queue behind a racing submit of the same draft: a waiting request holds a worker
        # thread and a pooled connection, and enough of them starve the one that must commit.
        try:
            session.execute(
                select(SelfAssessment.id)
                .where(SelfAssessment.id == draft.id)
                .with_for_update(nowait=True)
            )
        except OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) != "55P03":  # lock_not_available
                raise
            raise Conflict(f"phiên bản {draft.version} đang được nộp; tải lại trang") from exc
    won = session.execute(
        sa_update(SelfAssessment)
        .where(SelfAssessment.id == draft.id, SelfAssessment.status == "draft")
        .values(status="submitted")
        .execution_options(synchronize_session=False)
    ).rowcount
    if won != 1:
        raise Conflict(f"phiên bản {draft.version} vừa được nộp; tải lại trang")


def _ensure_not_appraised(
    session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, what: str
) -> None:
    """Refuse changing a self-assessment once its appraisal has begun."""
    started = session.exec(
        select(Appraisal.id).where(
            Appraisal.campaign_id == campaign_id, Appraisal.unit_id == unit_id
        )
    ).first()
    if started:
        raise Conflict(f"bản tự đánh giá đã được thẩm định; {what}")


def _bump_lock(session: Session, draft: SelfAssessment, seen: int) -> None:
    """Advance the draft's lock version only if nobody else did since it was read."""
    result = session.execute(
        update(SelfAssessment)
        .where(SelfAssessment.id == draft.id, SelfAssessment.lock_version == seen)
        .values(lock_version=seen + 1, updated_at=now())
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict("bản nháp đã được người khác sửa; tải lại rồi lưu lại")
    session.refresh(draft)


def _apply(session: Session, draft: SelfAssessment, items: dict, wanted: dict, actor: str) -> None:
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


def submit_self_assessment(
    *,
    session: Session,
    campaign_id: uuid.UUID,
    unit_id: uuid.UUID,
    actor: str,
    received_at: datetime | None = None,
) -> SelfAssessment:
    """Submit the draft (or resubmit a withdrawn version); server receipt time decides lateness."""
    ensure_not_frozen(session=session, campaign_id=campaign_id)
    stage = _open_stage(session=session, campaign_id=campaign_id, unit_id=unit_id)
    draft = _latest(session, campaign_id, unit_id, "draft")
    newest = _latest(session, campaign_id, unit_id)
    if draft is None:
        if newest is None:
            raise NotFound("chưa có bản tự đánh giá nào để nộp")
        if newest.status == "submitted":
            raise Conflict(
                f"phiên bản {newest.version} đã được nộp; hãy sửa bản nháp trước khi nộp lại"
            )
        draft = _new_draft(session, campaign_id, unit_id, newest.criteria_set_id)
    items = items_by_code(session=session, criteria_set_id=draft.criteria_set_id)
    evidence = _evidence_codes(session, campaign_id, unit_id)
    check_complete(items, version_scores(session=session, self_assessment_id=draft.id), evidence)
    received = as_utc(received_at or now())
    _claim_draft(session, draft)
    assignment = mark_acted(
        session=session,
        campaign_id=campaign_id,
        unit_id=unit_id,
        stage_kind=STAGE,
        actor=actor,
        received_at=received,
    )
    for old in list_versions(session=session, campaign_id=campaign_id, unit_id=unit_id):
        if old.status == "submitted":
            old.status = "superseded"
            session.add(old)
    draft.status, draft.received_at, draft.late = "submitted", received, assignment.late
    draft.submitted_by, draft.updated_at = actor, now()
    session.add(draft)
    record_audit(
        session=session,
        actor=actor,
        action="submit",
        entity="self_assessment",
        entity_id=draft.id,
        campaign_id=campaign_id,
        field="status",
        old="draft",
        new=f"submitted v{draft.version}{' (late)' if draft.late else ''}",
    )
    record_fact(
        session=session,
        campaign_id=campaign_id,
        kind="self_assessment_submitted",
        actor=actor,
        stage_id=stage.id,
        unit_id=unit_id,
        payload={"version": draft.version, "late": draft.late},
        key=f"self_assessment_submitted:{stage.id}:{unit_id}:v{draft.version}",
    )
    session.flush()
    return draft


def _evidence_codes(session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID) -> set[str]:
    """Return the item codes the unit has evidence documents for."""
    rows = session.exec(
        select(Evidence.item_code).where(
            Evidence.campaign_id == campaign_id, Evidence.unit_id == unit_id
        )
    ).all()
    return {c for c in rows if c}


def withdraw_self_assessment(
    *, session: Session, campaign_id: uuid.UUID, unit_id: uuid.UUID, actor: str, reason: str
) -> SelfAssessment:
    """Withdraw the current submission while the stage is open (kept as a `withdrawn` version)."""
    if not (reason or "").strip():
        raise ValidationError("rút bản tự đánh giá cần nêu lý do")
    ensure_not_frozen(session=session, campaign_id=campaign_id)
    _open_stage(session=session, campaign_id=campaign_id, unit_id=unit_id)
    current = current_submission(session=session, campaign_id=campaign_id, unit_id=unit_id)
    if current is None:
        raise NotFound("không có bản tự đánh giá đã nộp để rút")
    _ensure_not_appraised(session, campaign_id, unit_id, "không rút được")
    current.status, current.updated_at = "withdrawn", now()
    session.add(current)
    _stage, assignment = find_assignment(
        session=session, campaign_id=campaign_id, unit_id=unit_id, stage_kind=STAGE
    )
    reopen(session=session, assignment=assignment, actor=actor, reason=reason)
    record_audit(
        session=session,
        actor=actor,
        action="withdraw",
        entity="self_assessment",
        entity_id=current.id,
        campaign_id=campaign_id,
        field="status",
        old=f"submitted v{current.version}",
        new="withdrawn",
        reason=reason,
    )
    session.flush()
    return current
