"""Compute a campaign's index and ranking: on demand, or fresh unless approval froze them."""

from __future__ import annotations

from sqlmodel import Session

from models.campaign.facts import get_campaign
from models.catalog.lookup import get_campaign_by_id
from models.results.compute import compute_campaigns, compute_results
from models.results.read import ResultRow, list_results
from models.scoring.freeze import is_frozen, unfrozen_running_ids


def compute(*, session: Session, campaign_code: str, actor: str) -> int:
    """Recompute every unit's index and rank; refused once approved; return the unit count."""
    campaign = get_campaign(session=session, code=campaign_code)
    return compute_results(session=session, campaign_id=campaign.id, actor=actor)


def compute_many(
    *, session: Session, actor: str, campaign_codes: list[str] | None = None
) -> dict[str, int]:
    """Recompute several campaigns in one pass (default: every running one not yet approved).

    Named campaigns are refused as a whole if any is approved; return units per campaign code.
    """
    if campaign_codes is None:
        ids = unfrozen_running_ids(session=session)
    else:
        ids = [get_campaign(session=session, code=code).id for code in campaign_codes]
    counts = compute_campaigns(session=session, campaign_ids=ids, actor=actor)
    return {get_campaign_by_id(session=session, campaign_id=c).code: n for c, n in counts.items()}


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
