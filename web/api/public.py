"""Public reads: published results only, after publication; no token needed."""

from __future__ import annotations

from fastapi import APIRouter

from models.results import views as result_views
from services.public import published_view
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
    """Return the last published snapshot per block (404 before publication), never live rows."""
    view = published_view(session=session, campaign_code=code)
    return PublishedResults(
        campaign=views.campaign_out(view.campaign),
        status="under_review" if view.under_review else "published",
        status_text=view.status_text,
        decision_no=view.snapshot.decision_no,
        published_at=view.snapshot.published_at.isoformat(),
        results=[views.snapshot_out(row) for row, _unit in view.rows],
    )
