"""What the public sees: the last published snapshot, marked under review while reopened."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from cchc.errors import NotFound
from cchc.wording.labels import CAMPAIGN_STATE, UNDER_REVIEW
from models.campaign.facts import get_campaign
from models.campaign.tables import Campaign
from models.enums import CampaignState
from models.results.snapshot import PublishedSnapshot, SnapshotRow, as_pairs, latest_snapshot

NOT_PUBLISHED = "Kết quả của chiến dịch này chưa được công bố"


@dataclass
class PublicView:
    """The published snapshot of one campaign, and whether it is being reviewed again."""

    campaign: Campaign
    snapshot: PublishedSnapshot
    under_review: bool

    @property
    def status_text(self) -> str:
        """Say what the public is looking at."""
        return UNDER_REVIEW if self.under_review else CAMPAIGN_STATE["published"]

    @property
    def rows(self) -> list[tuple[SnapshotRow, SnapshotRow]]:
        """Return the published rows as (result, unit) pairs."""
        return as_pairs(self.snapshot)


def published_view(*, session: Session, campaign_code: str) -> PublicView:
    """Return the last published snapshot (never live rows); NotFound before any publication."""
    campaign = get_campaign(session=session, code=campaign_code)
    snap = latest_snapshot(session=session, campaign_id=campaign.id)
    if snap is None:
        raise NotFound(NOT_PUBLISHED)
    # a newer approval (after a reopen) is not public until it is published in turn
    under_review = campaign.state != CampaignState.published
    return PublicView(campaign=campaign, snapshot=snap, under_review=under_review)
