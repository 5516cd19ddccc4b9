"""Dashboard pages: campaigns, a campaign's progress, a group of units, one unit, public results."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from models.campaign import progress
from report.charts import ranking_bars
from services.public_report import public_file, public_report
from services.unit_overview import unit_overview
from web.csrf import session_token
from web.deps import SessionDep, UserDep, get_engine
from web.pages.campaign_page import campaign_page
from web.pages.etag import page_answer
from web.pages.filters import parse_filters
from web.pages.render import render
from web.schemas import CampaignCode, UnitCode

router = APIRouter()
MEDIA = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


@router.get("/campaigns", response_class=HTMLResponse)
def campaigns(request: Request, session: SessionDep, user: UserDep) -> Response:
    """List the campaigns with their overall progress."""
    return render(
        request, "campaigns.html", user=user, campaigns=progress.campaign_rows(session=session)
    )


@router.get("/campaigns/{code}", response_class=HTMLResponse)
def campaign(request: Request, code: CampaignCode, user: UserDep) -> Response:
    """Show the timeline, progress summaries, one page of the heat map and the notifications."""
    engine, wanted, token = get_engine(request), parse_filters(request), session_token(request)
    html, moments = campaign_page(engine, user, code, None, wanted, token)
    return page_answer(request, html, moments)


@router.get("/campaigns/{code}/groups/{unit_code}", response_class=HTMLResponse)
def group(request: Request, code: CampaignCode, unit_code: UnitCode, user: UserDep) -> Response:
    """Show the heat map of the units under one unit (a district's communes), a page at a time."""
    engine, wanted, token = get_engine(request), parse_filters(request), session_token(request)
    html, moments = campaign_page(engine, user, code, unit_code, wanted, token)
    return page_answer(request, html, moments)


@router.get("/campaigns/{code}/units/{unit_code}", response_class=HTMLResponse)
def unit_page(
    request: Request, code: CampaignCode, unit_code: UnitCode, session: SessionDep, user: UserDep
) -> Response:
    """Show one unit: assignments and days left, versions, reminders, scores where allowed."""
    camp, unit, view = unit_overview(
        session=session, campaign_code=code, unit_code=unit_code, actor=user
    )
    return render(
        request,
        "unit.html",
        user=user,
        camp=camp,
        unit=unit,
        view=view,
        ok=request.query_params.get("ok"),
    )


@router.get("/public/{code}", response_class=HTMLResponse)
def public(request: Request, code: CampaignCode, session: SessionDep) -> Response:
    """Show the last published ranking to anyone: charts and figures while it stands, the
    published table marked under review while the results are reviewed again; never live rows."""
    page = public_report(session=session, campaign_code=code)
    data = page.data
    charts = (
        {b.code: ranking_bars(b.rows, list(data.bands), f"Xếp hạng {b.title}") for b in data.blocks}
        if data
        else {}
    )
    view = page.view
    return render(
        request,
        "public.html",
        user=None,
        data=data,
        camp=view.campaign,
        charts=charts,
        rows=view.rows,
        status_text=view.status_text,
        under_review=view.under_review,
        decision_no=view.snapshot.decision_no,
    )


@router.get("/public/{code}/chi-so-cchc.{kind}")
def public_download(
    code: CampaignCode, kind: Literal["xlsx", "pdf"], session: SessionDep
) -> Response:
    """Download the published report as XLSX or PDF."""
    path = public_file(session=session, campaign_code=code, kind=kind)
    return FileResponse(path, media_type=MEDIA[kind], filename=f"chi-so-cchc-{code}.{kind}")
