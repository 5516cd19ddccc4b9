"""Compute a campaign's index and ranking: on demand, or fresh unless approval froze them."""

from __future__ import annotations

from sqlmodel import Session

from models.campaign.facts import get_campaign
from models.results.compute import compute_results
from models.results.read import ResultRow, list_results
from models.scoring.freeze import is_frozen


def compute(*, session: Session, campaign_code: str, actor: str) -> int:
    """Recompute every unit's index and rank; refused once approved; return the unit count."""
    campaign = get_campaign(session=session, code=campaign_code)
    return compute_results(session=session, campaign_id=campaign.id, actor=actor)


def refresh(*, session: Session, campaign_code: str, actor: str) -> bool:
    """Recompute unless an approval froze the results; tell whether they were recomputed."""
    campaign = get_campaign(session=session, code=campaign_code)
    if is_frozen(session=session, campaign_id=campaign.id):
        return False  # approved results stay as the decision fixed them
    compute_results(session=session, campaign_id=campaign.id, actor=actor)
    return True


def current_results(*, session: Session, campaign_code: str, actor: str) -> list[ResultRow]:
    """Return the results, computed first unless frozen."""
    refresh(session=session, campaign_code=campaign_code, actor=actor)
    campaign = get_campaign(session=session, code=campaign_code)
    return list_results(session=session, campaign_id=campaign.id)
