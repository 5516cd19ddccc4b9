"""A unit's own work: assignments and deadlines, the self-assessment, evidence documents."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, File, Form, Header, Response, UploadFile

from cchc.errors import ValidationError
from cchc.settings import get_settings
from models.campaign import unit_views
from services import evidence as evidence_acts
from services import not_applicable as na_acts
from services import self_assessment as acts
from services import self_assessment_read as reads
from services.access import require_read_unit
from web import lookup
from web.api import views
from web.deps import SessionDep, UserDep
from web.schemas import (
    ERRORS,
    AssignmentPublic,
    CampaignCode,
    DraftIn,
    EvidencePublic,
    ItemCode,
    NotApplicableCleared,
    NotApplicableIn,
    NotApplicablePublic,
    ReasonIn,
    SelfAssessmentPublic,
    UnitCode,
    VersionPublic,
)

router = APIRouter(
    prefix="/api/campaigns/{code}/units/{unit_code}", tags=["đơn vị"], responses=ERRORS
)


@router.get("/assignments", summary="Nhiệm vụ và hạn của đơn vị")
def assignments(
    code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> list[AssignmentPublic]:
    """Return the unit's assignments: state, due time, working days left, extensions."""
    camp = lookup.campaign(session, code)
    unit = lookup.unit(session, camp, unit_code)
    require_read_unit(session=session, user=user, campaign=camp, unit=unit)
    rows = unit_views.unit_assignments(session=session, campaign_id=camp.id, unit_id=unit.id)
    exts = unit_views.unit_extensions(session=session, assignment_ids=[a.id for _, a in rows])
    return [views.assignment_out(camp, s, a, exts) for s, a in rows]


@router.get("/self-assessment", summary="Bản tự đánh giá (mới nhất) và các phiên bản")
def self_assessment(
    code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep, response: Response
) -> SelfAssessmentPublic:
    """Return every version (newest first) with scores; ETag is the draft's lock_version."""
    found = reads.versions(session=session, campaign_code=code, unit_code=unit_code, actor=user)
    response.headers["ETag"] = f'"{found.lock_version}"'
    return SelfAssessmentPublic(
        unit_code=found.unit.code,
        lock_version=found.lock_version,
        versions=[views.version_scores_out(v, scores) for v, scores in found.versions],
    )


def _if_match(value: str | None) -> int | None:
    """Read a lock version from an If-Match header ("3" or W/"3")."""
    if value is None:
        return None
    found = re.fullmatch(r'\s*(?:W/)?"?(\d{1,9})"?\s*', value)
    if not found:
        raise ValidationError('If-Match: cần số phiên bản bản nháp, ví dụ "3"')
    return int(found.group(1))


@router.put("/self-assessment", summary="Lưu bản nháp tự đánh giá (If-Match: phiên bản)")
def put_draft(
    code: CampaignCode,
    unit_code: UnitCode,
    body: DraftIn,
    session: SessionDep,
    user: UserDep,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> VersionPublic:
    """Merge scores into the draft; a stale If-Match or lock_version is refused with 409."""
    expected = _if_match(if_match)
    expected = body.lock_version if expected is None else expected
    scores = [s.entry() for s in body.scores]  # a list: the service refuses a repeated code
    draft = acts.save_draft(
        session=session,
        campaign_code=code,
        unit_code=unit_code,
        actor=user,
        scores=scores,
        expected_lock_version=expected,
    )
    response.headers["ETag"] = f'"{draft.lock_version}"'
    return views.version_out(draft)


@router.put("/not-applicable/{item_code}", summary="Đánh dấu tiêu chí không áp dụng (có lý do)")
def mark_not_applicable(
    code: CampaignCode,
    unit_code: UnitCode,
    item_code: ItemCode,
    body: NotApplicableIn,
    session: SessionDep,
    user: UserDep,
) -> NotApplicablePublic:
    """Mark a leaf the set lets be not applicable; the unit's maximum drops by its points."""
    row = na_acts.mark_not_applicable(
        session=session, campaign_code=code, unit_code=unit_code, item_code=item_code,
        reason=body.reason, actor=user,
    )  # fmt: skip
    return NotApplicablePublic(
        item_code=item_code,
        reason=row.reason,
        marked_by=row.marked_by,
        marked_at=row.marked_at.isoformat(),
    )


@router.delete("/not-applicable/{item_code}", summary="Bỏ đánh dấu không áp dụng")
def clear_not_applicable(
    code: CampaignCode, unit_code: UnitCode, item_code: ItemCode, session: SessionDep,
    user: UserDep,
) -> NotApplicableCleared:  # fmt: skip
    """Remove the leaf's not-applicable mark; `cleared` is false when it had none."""
    cleared = na_acts.clear_not_applicable(
        session=session, campaign_code=code, unit_code=unit_code, item_code=item_code, actor=user
    )
    return NotApplicableCleared(item_code=item_code, cleared=cleared)


@router.post("/self-assessment/submit", summary="Nộp (hoặc nộp lại) bản tự đánh giá")
def submit(
    code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> VersionPublic:
    """Submit the draft; the server's receipt time decides whether it is late."""
    version = acts.submit(session=session, campaign_code=code, unit_code=unit_code, actor=user)
    return views.version_out(version)


@router.post("/self-assessment/withdraw", summary="Rút bản tự đánh giá đã nộp")
def withdraw(
    code: CampaignCode, unit_code: UnitCode, body: ReasonIn, session: SessionDep, user: UserDep
) -> VersionPublic:
    """Withdraw the submitted version (kept), reopening the unit's assignment."""
    version = acts.withdraw(
        session=session, campaign_code=code, unit_code=unit_code, actor=user, reason=body.reason
    )
    return views.version_out(version)


@router.get("/evidence", summary="Tài liệu kiểm chứng của đơn vị")
def evidence(
    code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> list[EvidencePublic]:
    """List the unit's evidence documents."""
    found = evidence_acts.documents(
        session=session, campaign_code=code, unit_code=unit_code, actor=user
    )
    return [views.evidence_out(e) for e in found]


@router.post("/evidence", summary="Tải lên tài liệu kiểm chứng (multipart)", status_code=201)
def upload(
    code: CampaignCode,
    unit_code: UnitCode,
    session: SessionDep,
    user: UserDep,
    file: Annotated[UploadFile, File(description="tệp tài liệu kiểm chứng")],
    item_code: Annotated[str | None, Form(max_length=32)] = None,
) -> EvidencePublic:
    """Store an evidence document for the unit (and one leaf, when given)."""
    data = file.file.read(get_settings().evidence.max_bytes + 1)  # never more than the limit + 1
    row = evidence_acts.upload(
        session=session,
        campaign_code=code,
        unit_code=unit_code,
        actor=user,
        filename=file.filename or "",
        data=data,
        item_code=item_code or None,
    )
    return views.evidence_out(row)
