"""The council screen: its sessions (attendance, votes, validity) and a form to record one."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from models.enums import Role
from models.results.views import council_sessions
from services.council import record_session
from web import lookup
from web.deps import SessionDep, UserDep
from web.pages.render import render
from web.schemas import CampaignCode
from web.scope import require_role

router = APIRouter()
COUNCIL = "/campaigns/{code}/council"
Count = Annotated[int, Form(ge=0, le=1000)]


def _names(text: str) -> list[str]:
    """Split a list of members typed one per line or separated by commas."""
    return [n.strip() for n in text.replace("\n", ",").split(",") if n.strip()]


@router.get(COUNCIL, response_class=HTMLResponse)
def council_page(
    request: Request, code: CampaignCode, session: SessionDep, user: UserDep
) -> Response:
    """List the council's sessions and offer the form to record one."""
    require_role(user, Role.admin, Role.council)
    camp = lookup.campaign(session, code)
    rows = council_sessions(session=session, campaign_id=camp.id)
    return render(request, "council.html", user=user, camp=camp, rows=rows)


@router.post(COUNCIL + "/sessions")
def add_session(
    code: CampaignCode, session: SessionDep, user: UserDep,
    held_on: Annotated[date, Form()], members_total: Annotated[int, Form(ge=1, le=1000)],
    present: Annotated[str, Form(max_length=4000)] = "",
    in_writing: Annotated[str, Form(max_length=4000)] = "",
    votes_for: Count = 0, votes_against: Count = 0,
    decision: Annotated[str, Form(max_length=2000)] = "",
) -> RedirectResponse:  # fmt: skip
    """Record a session; valid when more than half the members take part."""
    require_role(user, Role.admin, Role.council)
    record_session(
        session=session, campaign_code=code, held_on=held_on, members_total=members_total,
        present=_names(present), in_writing=_names(in_writing), votes_for=votes_for,
        votes_against=votes_against, decision=decision.strip() or None, actor=user.name,
    )  # fmt: skip
    return RedirectResponse(COUNCIL.format(code=code), status_code=303)
