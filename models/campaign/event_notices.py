"""Campaign events rendered from the province's templates: one message per unit and occasion."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlmodel import Session, col, select

from cchc.wording.authority import authority, unit_link
from config.message_templates import render_event
from models.campaign.tables import Campaign
from models.catalog.units import OrgUnit
from models.outbox.queue import Message, enqueue_many, make_key
from models.outbox.targets import targets_of


def province_authority(*, session: Session, campaign: Campaign) -> str:
    """Who speaks for the campaign's province: UBND tỉnh … / UBND thành phố …"""
    root = session.exec(
        select(OrgUnit).where(
            col(OrgUnit.province_code) == campaign.province_code, col(OrgUnit.kind) == "province"
        )
    ).first()
    return authority(root.name if root else campaign.province_code)


def event_message(
    campaign: Campaign, unit: OrgUnit, event: str, occasion: str, tail: str = "", **values: Any
) -> Message:
    """Render one event's message for a unit; the unit's page link (and `tail`) close the body."""
    link = unit_link(campaign.code, unit.code)
    subject, body = render_event(
        event, campaign.province_code, campaign=campaign.title, unit=unit.name,
        link=link.partition(": ")[2], **values,
    )  # fmt: skip
    return Message(
        key=make_key(campaign.code, None, unit.code, event, occasion),
        campaign_id=campaign.id,
        unit_id=unit.id,
        recipient=unit.code,
        urls=targets_of(unit),  # its contacts, its own URLs, else the province's defaults
        kind=event,
        occasion=occasion,
        subject=subject,
        body=body + link + tail,
    )


def enqueue_event(
    *,
    session: Session,
    campaign: Campaign,
    units: Iterable[OrgUnit],
    event: str,
    occasion: str,
    **values: Any,
) -> int:
    """Enqueue the event's message to each unit once (the key names the event and occasion)."""
    speaker = province_authority(session=session, campaign=campaign)
    out = [event_message(campaign, u, event, occasion, authority=speaker, **values) for u in units]
    return enqueue_many(session=session, messages=out)
