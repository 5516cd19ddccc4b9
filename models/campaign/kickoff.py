"""The kick-off notice a launch sends once to every unit the campaign involves."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from cchc.wording import messages
from cchc.wording.acknowledgement import ack_line
from cchc.wording.authority import authority, unit_link
from models.campaign.ack_links import ack_url
from models.campaign.tables import Campaign
from models.catalog.units import OrgUnit
from models.outbox.queue import Message, enqueue_many, make_key


def kickoff(session: Session, campaign: Campaign, plan_cfg: Any, units: dict[str, OrgUnit]) -> int:
    """Send the kick-off notice once to every unit the campaign involves."""
    involved = dict.fromkeys(c for s in plan_cfg.stages for c in (*s.lead_units, *s.scope_units))
    first_due = min(s.due_at for s in plan_cfg.stages)
    root = next((u.name for u in units.values() if u.kind == "province"), "")
    speaker = authority(root)  # UBND tỉnh … or UBND thành phố … (a centrally-run city)
    out = []
    for code in involved:
        unit = units[code]
        subject, body = messages.kickoff(campaign.title, unit.name, first_due, speaker)
        body += unit_link(campaign.code, code) + ack_line(ack_url(campaign.code, code))
        out.append(
            Message(
                key=make_key(campaign.code, None, code, "kickoff", "launch"),
                campaign_id=campaign.id,
                recipient=code,
                urls=unit.notify_urls or default_urls(),
                kind="kickoff",
                occasion="launch",
                subject=subject,
                body=body,
                unit_id=unit.id,
            )
        )
    return enqueue_many(session=session, messages=out)


def default_urls() -> list[str]:
    """The configured default apprise URLs."""
    from cchc.settings import get_settings

    return list(get_settings().notify.default_urls)
