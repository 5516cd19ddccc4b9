"""Extend one unit's deadline in one stage, with the document that allows it."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from models.campaign.extensions import extend_unit, extendable_stages, extendable_units
from models.campaign.facts import get_campaign
from models.campaign.tables import Extension, Stage
from services import lifecycle


def extend_deadline(
    *,
    session: Session,
    campaign_code: str,
    stage_code: str,
    unit_code: str,
    new_due_at: datetime,
    reason: str,
    document_no: str,
    actor: str,
) -> Extension:
    """Move the unit's due time; reminders and lateness follow the new one (not once approved)."""
    lifecycle.require(get_campaign(session=session, code=campaign_code), "extend")
    return extend_unit(
        session=session,
        campaign_code=campaign_code,
        stage_code=stage_code,
        unit_code=unit_code,
        new_due_at=new_due_at,
        reason=reason,
        document_no=document_no,
        actor=actor,
    )


def extension_stages(*, session: Session, campaign_code: str) -> list[Stage]:
    """The stages an extension can name (units act in them), for the admin's form."""
    return extendable_stages(session=session, campaign_code=campaign_code)


def extension_units(*, session: Session, campaign_code: str, text: str) -> list[tuple[str, str]]:
    """Units an extension can name whose name or code holds `text` (at most 20, by code)."""
    if len(text.strip()) < 2:  # one letter matches half the province
        return []
    return extendable_units(session=session, campaign_code=campaign_code, text=text, limit=20)
