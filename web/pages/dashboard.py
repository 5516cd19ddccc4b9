"""Dashboard pages: campaigns, a campaign's progress, a group of units, one unit, public results."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from cchc.errors import NotFound
from models import progress, result_views
from models.campaigns import Campaign
from models.units import OrgUnit
from models.users import User
from web import lookup
from web.deps import SessionDep, UserDep
from web.pages.campaign_view import campaign_body
from web.pages.render import render
from web.pages.unit_view import unit_view
from web.schemas import CampaignCode, UnitCode
from web.scope import appraiser_worklist, require_read_unit, require_role

OVERSEERS_AND_VIEWERS = ("admin", "council", "viewer")

router = APIRouter()


@router.get("/campaigns", response_class=HTMLResponse)
def campaigns(request: Request, session: SessionDep, user: UserDep) -> Response:
    """List the campaigns with their overall progress."""
    return render(
        request, "campaigns.html", user=user, campaigns=progress.campaign_rows(session=session)
    )


@router.get("/campaigns/{code}", response_class=HTMLResponse)
def campaign(request: Request, code: CampaignCode, session: SessionDep, user: UserDep) -> Response:
    """Show the timeline, stage progress, the heat map's top level and the notification log."""
    camp = lookup.campaign(session, code)
    worklist = appraiser_worklist(session, user, camp) if user.role == "appraiser" else []
    return _campaign_page(request, session, user, camp, None, worklist)


def _campaign_page(
    request: Request,
    session: Session,
    user: User,
    camp: Campaign,
    group: OrgUnit | None,
    worklist: list,
) -> Response:
    """Render the campaign page around its shared, cached body."""
    published = lookup.is_published(session, camp)
    body = campaign_body(session, camp, user, group, published)
    return render(
        request,
        "campaign.html",
        user=user,
        camp=camp,
        group=group,
        body=body,
        published=published,
        worklist=worklist,
    )


@router.get("/campaigns/{code}/groups/{unit_code}", response_class=HTMLResponse)
def group(
    request: Request, code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> Response:
    """Show the heat map of the units under one unit (a district's communes)."""
    camp = lookup.campaign(session, code)
    unit = lookup.unit(session, camp, unit_code)
    require_role(user, *OVERSEERS_AND_VIEWERS)
    return _campaign_page(request, session, user, camp, unit, [])


@router.get("/campaigns/{code}/units/{unit_code}", response_class=HTMLResponse)
def unit_page(
    request: Request, code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> Response:
    """Show one unit: assignments and days left, versions, reminders, scores where allowed."""
    camp = lookup.campaign(session, code)
    unit = lookup.unit(session, camp, unit_code)
    require_read_unit(session, user, camp, unit)
    return render(
        request,
        "unit.html",
        user=user,
        camp=camp,
        unit=unit,
        view=unit_view(session, camp, unit, user),
        ok=request.query_params.get("ok"),
    )


@router.get("/public/{code}", response_class=HTMLResponse)
def public(request: Request, code: CampaignCode, session: SessionDep) -> Response:
    """Show the published ranking to anyone, only after publication."""
    camp = lookup.campaign(session, code)
    if not lookup.is_published(session, camp):
        raise NotFound("Kết quả của chiến dịch này chưa được công bố")
    rows = result_views.results(session=session, campaign_id=camp.id)
    return render(request, "public.html", user=None, camp=camp, rows=rows)
