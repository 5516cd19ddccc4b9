"""Expiring, signed download links to a unit's evidence documents."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from services import evidence as evidence_acts
from web.deps import SessionDep, UserDep
from web.schemas import ERRORS, CampaignCode, UnitCode
from web.schemas.evidence import EvidenceLinkPublic

router = APIRouter(
    prefix="/api/campaigns/{code}/units/{unit_code}/evidence",
    tags=["đơn vị"],
    responses={**ERRORS, 503: ERRORS[404]},
)


@router.get("/{evidence_id}/link", summary="Đường dẫn tải tài liệu kiểm chứng (có hạn)")
def link(
    code: CampaignCode,
    unit_code: UnitCode,
    evidence_id: uuid.UUID,
    session: SessionDep,
    user: UserDep,
) -> EvidenceLinkPublic:
    """Return a signed link to the document, valid for the configured minutes."""
    found = evidence_acts.download_link(
        session=session, campaign_code=code, unit_code=unit_code, evidence_id=evidence_id,
        actor=user,
    )  # fmt: skip
    return EvidenceLinkPublic(url=found.url, expires_at=found.expires_at.isoformat())
