"""Submit the draft (or resubmit a withdrawn version): exactly one of two racing submits wins."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import update as sa_update
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from cchc.clock import as_utc, now
from cchc.errors import Conflict, NotFound
from models.audit.log import record_audit
from models.campaign.assignments import mark_acted
from models.campaign.facts import record_fact
from models.catalog.lookup import items_by_code
from models.scoring.freeze import ensure_not_frozen
from models.scoring.self_assessments.versions import (
    STAGE,
    evidence_codes,
    latest_version,
    list_versions,
    new_draft,
    open_stage,
    version_scores,
)
from models.scoring.self_checks import check_complete
from models.scoring.tables import SelfAssessment


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
        .where(col(SelfAssessment.id) == draft.id, col(SelfAssessment.status) == "draft")
        .values(status="submitted")
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]  # stubs say Result; an UPDATE gives CursorResult
    if won != 1:
        raise Conflict(f"phiên bản {draft.version} vừa được nộp; tải lại trang")


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
    stage = open_stage(session=session, campaign_id=campaign_id, unit_id=unit_id)
    draft = latest_version(session, campaign_id, unit_id, "draft")
    newest = latest_version(session, campaign_id, unit_id)
    if draft is None:
        if newest is None:
            raise NotFound("chưa có bản tự đánh giá nào để nộp")
        if newest.status == "submitted":
            raise Conflict(
                f"phiên bản {newest.version} đã được nộp; hãy sửa bản nháp trước khi nộp lại"
            )
        draft = new_draft(session, campaign_id, unit_id, newest.criteria_set_id)
    items = items_by_code(session=session, criteria_set_id=draft.criteria_set_id)
    evidence = evidence_codes(session, campaign_id, unit_id)
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
