"""The kick-off notice a launch sends once to every unit the campaign involves."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from cchc.clock import now, to_local
from cchc.wording.acknowledgement import ack_line
from cchc.wording.authority import authority
from cchc.wording.dates import local_moment
from cchc.wording.days_left import days_left
from models.campaign.ack_links import ack_url
from models.campaign.event_notices import event_message
from models.campaign.tables import Campaign
from models.catalog.units import OrgUnit
from models.outbox.queue import enqueue_many
from models.tick.context import campaign_calendar


def kickoff(session: Session, campaign: Campaign, plan_cfg: Any, units: dict[str, OrgUnit]) -> int:
    """Send the kick-off notice once to every unit the campaign involves, with its ack link."""
    involved = dict.fromkeys(c for s in plan_cfg.stages for c in (*s.lead_units, *s.scope_units))
    due = min(s.due_at for s in plan_cfg.stages)
    left = days_left(due, today=to_local(now()).date(), cal=campaign_calendar(campaign))
    root = next((u.name for u in units.values() if u.kind == "province"), "")
    speaker = authority(root)  # UBND tỉnh … or UBND thành phố … (a centrally-run city)
    out = [
        event_message(
            campaign,
            units[code],
            "kickoff",
            "launch",
            tail=ack_line(ack_url(campaign.code, code)),
            authority=speaker,
            first_due=local_moment(due),
            days_left=left,
        )
        for code in involved
    ]
    return enqueue_many(session=session, messages=out)
