"""Receipt of the guidance: who has acknowledged it, and a unit acknowledging it by API."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter

from models.campaign.receipts import GuidanceReceipt
from models.catalog.units import OrgUnit
from services import guidance_receipt as acts
from web.deps import SessionDep, UserDep
from web.schemas import ERRORS, CampaignCode, UnitCode
from web.schemas.acknowledgements import AckPublic, AcksPublic

router = APIRouter(prefix="/api/campaigns/{code}", tags=["văn bản đến"], responses=ERRORS)


def _row(unit: OrgUnit, receipt: GuidanceReceipt | None) -> AckPublic:
    """One unit's line of the answer."""
    return AckPublic(
        unit_code=unit.code,
        unit_name=unit.name,
        unit_kind=unit.kind,
        received_at=receipt.received_at.isoformat() if receipt else None,
        received_by=receipt.received_by if receipt else None,
        via=receipt.via if receipt else None,
    )


@router.get("/acknowledgements", summary="Đơn vị đã / chưa xác nhận nhận văn bản hướng dẫn")
def acknowledgements(
    code: CampaignCode,
    session: SessionDep,
    user: UserDep,
    state: Literal["all", "pending", "received"] = "all",
) -> AcksPublic:
    """List the involved units with their receipt; `state=pending` keeps those still to confirm."""
    status = acts.ack_status(session=session, campaign_code=code, actor=user)
    rows = [_row(u, r) for u, r in status.shown(state)]
    return AcksPublic(
        data=rows, count=len(rows), total=len(status.rows), pending=len(status.pending)
    )


@router.post("/units/{unit_code}/acknowledgement", summary="Đơn vị xác nhận đã nhận văn bản")
def acknowledge(
    code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> AckPublic:
    """Record the unit's receipt (the first one stands; later calls return it unchanged)."""
    view = acts.acknowledge(
        session=session, campaign_code=code, unit_code=unit_code, actor=user, via="api"
    )
    return _row(view.unit, view.receipt)
