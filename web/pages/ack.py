"""Acknowledging the guidance: the signed link's page, the unit page's button, who has not."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services import guidance_receipt as acts
from web.deps import OptionalUserDep, SessionDep, UserDep
from web.pages.render import render
from web.schemas import CampaignCode, UnitCode

router = APIRouter()
Token = Annotated[str, Path(min_length=20, max_length=1000, pattern=r"^[A-Za-z0-9_.-]+$")]


@router.get("/ack/{token}", response_class=HTMLResponse)
def ack_page(
    request: Request, token: Token, session: SessionDep, user: OptionalUserDep
) -> Response:
    """Show what the link confirms and the button (or the receipt already recorded)."""
    view = acts.open_link(session=session, token=token)
    return render(request, "ack.html", user=user, view=view, token=token, done=False)


@router.post("/ack/{token}", response_class=HTMLResponse)
def ack_confirm(
    request: Request, token: Token, session: SessionDep, user: OptionalUserDep
) -> Response:
    """Record the receipt the link confirms (the signed token is what authorises it)."""
    view = acts.acknowledge_by_link(session=session, token=token, user=user)
    return render(request, "ack.html", user=user, view=view, token=token, done=True)


@router.post("/campaigns/{code}/units/{unit_code}/acknowledgement")
def ack_from_unit_page(
    code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> RedirectResponse:
    """Record the receipt from the unit's own page."""
    acts.acknowledge(session=session, campaign_code=code, unit_code=unit_code, actor=user)
    return RedirectResponse(f"/campaigns/{code}/units/{unit_code}?ok=ack", status_code=303)


@router.get("/campaigns/{code}/acknowledgements", response_class=HTMLResponse)
def ack_list(
    request: Request,
    code: CampaignCode,
    session: SessionDep,
    user: UserDep,
    state: Literal["all", "pending", "received"] = "pending",
) -> Response:
    """Show who has (not) acknowledged the guidance, the units still to confirm first."""
    status = acts.ack_status(session=session, campaign_code=code, actor=user)
    rows = status.shown(state)
    return render(
        request, "acknowledgements.html", user=user, camp=status.campaign, rows=rows,
        state=state, total=len(status.rows), pending=len(status.pending),
    )  # fmt: skip
