"""Archive a published campaign: its Prefect deployment removed, its rows kept read-only."""

from __future__ import annotations

from sqlmodel import Session

from models.audit.log import record_audit
from models.campaign.facts import get_campaign
from services import lifecycle
from services.schedule import ScheduleResult, remove_schedule


def archive_campaign(*, session: Session, campaign_code: str, actor: str) -> ScheduleResult:
    """Mark a published campaign archived and remove its schedule; refused before publication."""
    campaign = get_campaign(session=session, code=campaign_code)
    if campaign.state == "archived":
        return ScheduleResult(False, None, f"Chiến dịch {campaign_code} đã được lưu trữ.")
    old = campaign.state
    lifecycle.require(campaign, "archive")  # only a published campaign is archived
    removed = remove_schedule(session=session, campaign_code=campaign_code, actor=actor)
    lifecycle.move(session, campaign, "archive")
    record_audit(
        session=session,
        actor=actor,
        action="archive",
        entity="campaign",
        entity_id=campaign.id,
        campaign_id=campaign.id,
        field="state",
        old=old,
        new="archived",
    )
    return removed
