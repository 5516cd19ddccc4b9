"""Plan versions of a campaign: version 1 at launch, one more per amendment, never rewritten."""

from __future__ import annotations

from sqlmodel import Session, col, select

from models.campaign.tables import Campaign, CampaignVersion, Plan


def list_versions(*, session: Session, campaign_id: object) -> list[CampaignVersion]:
    """Return the stored versions of a campaign, oldest first (a read: nothing is added)."""
    query = select(CampaignVersion).where(CampaignVersion.campaign_id == campaign_id)
    return list(session.exec(query.order_by(col(CampaignVersion.number))))


def versions_of(*, session: Session, campaign: Campaign) -> list[CampaignVersion]:
    """Return the campaign's versions, oldest first (version 1 made from the plan if missing)."""
    rows = list_versions(session=session, campaign_id=campaign.id)
    if rows:
        return rows
    # A campaign launched before versions existed (or built by a test) starts at its plan body.
    plan = session.get(Plan, campaign.plan_id)
    first = add_version(
        session=session,
        campaign=campaign,
        number=1,
        body=plan.body if plan else {},
        changes=[],
        actor="system",
    )
    return [first]


def current_version(*, session: Session, campaign: Campaign) -> CampaignVersion:
    """Return the campaign's latest version."""
    return versions_of(session=session, campaign=campaign)[-1]


def add_version(
    *,
    session: Session,
    campaign: Campaign,
    number: int,
    body: dict,
    changes: list[str],
    actor: str,
) -> CampaignVersion:
    """Store one version of the plan body with the changes that made it."""
    row = CampaignVersion(
        campaign_id=campaign.id, number=number, body=body, changes=changes, created_by=actor
    )
    session.add(row)
    session.flush()
    return row
