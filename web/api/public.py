"""Public reads: published results only, after publication; no token needed."""

from __future__ import annotations

from fastapi import APIRouter

from cchc.errors import NotFound
from models.results import views as result_views
from web import lookup
from web.api import views
from web.deps import SessionDep
from web.schemas import ERRORS, CampaignCode, CampaignPublic, PublishedResults

router = APIRouter(prefix="/api/public", tags=["công khai"], responses={404: ERRORS[404]})


@router.get("/campaigns", summary="Các chiến dịch đã công bố kết quả")
def published(session: SessionDep) -> list[CampaignPublic]:
    """List the campaigns whose results are published."""
    return [views.campaign_out(c) for c in result_views.published_campaigns(session=session)]


@router.get("/campaigns/{code}/results", summary="Kết quả Chỉ số CCHC đã công bố")
def results(code: CampaignCode, session: SessionDep) -> PublishedResults:
    """Return the published index and ranking per block (404 before publication)."""
    camp = lookup.campaign(session, code)
    if not lookup.is_published(session, camp):
        raise NotFound("Kết quả của chiến dịch này chưa được công bố")
    rows = result_views.results(session=session, campaign_id=camp.id)
    return PublishedResults(
        campaign=views.campaign_out(camp), results=[views.result_out(r, u) for r, u in rows]
    )
