"""The Prefect deployment that ticks a campaign, recorded on the campaign with an audit row."""

from __future__ import annotations

from sqlmodel import Session

from models.audit.log import record_audit
from models.campaign.tables import Campaign


def record_deployment(
    *, session: Session, campaign: Campaign, name: str, actor: str, deployment_id: str | None = None
) -> None:
    """Store the campaign's deployment name (audited) and Prefect id (for the UI link)."""
    if deployment_id is not None and campaign.deployment_id != deployment_id:
        campaign.deployment_id = deployment_id  # Prefect's own key, not a decision: not audited
        session.add(campaign)
    if campaign.deployment_name == name:
        return
    old, campaign.deployment_name = campaign.deployment_name, name
    session.add(campaign)
    record_audit(
        session=session,
        actor=actor,
        action="schedule",
        entity="campaign",
        entity_id=campaign.id,
        campaign_id=campaign.id,
        field="deployment_name",
        old=old,
        new=name,
    )
