"""The dashboard's Jinja filters: cchc.wording, with days left on each campaign's own calendar."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from jinja2 import Environment

from cchc.clock import LOCAL_TZ, now
from cchc.wording import dates, lineage, numbers
from cchc.wording import days_left as rule
from cchc.wording.dates import local_day
from models.campaign.tables import Campaign
from models.outbox.marks import marks
from models.tick.context import campaign_calendar
from web.pages.labels import ALL, share_class, share_colour

__all__ = ["days_left", "days_short", "register", "working_days"]


def working_days(due_at: datetime, campaign: Campaign, at: datetime | None = None) -> int:
    """Count working days left (< 0 overdue) on the campaign's calendar."""
    today, cal = local_day(at or now()), campaign_calendar(campaign)
    return rule.working_days_left(due_at, today=today, cal=cal)


def days_left(due_at: datetime, campaign: Campaign, at: datetime | None = None) -> str:
    """Say the working days left or overdue, as the reminders do."""
    today, cal = local_day(at or now()), campaign_calendar(campaign)
    return rule.days_left(due_at, today=today, cal=cal)


def days_short(due_at: datetime, campaign: Campaign, at: datetime | None = None) -> str:
    """Say the working days left in a heat-map cell."""
    today, cal = local_day(at or now()), campaign_calendar(campaign)
    return rule.days_short(due_at, today=today, cal=cal)


def register(env: Environment) -> None:
    """Give templates the wording filters, the labels and the state colours."""
    env.filters.update(
        number=numbers.number,
        day=dates.day,
        moment=dates.moment,
        days_left=days_left,
        days_short=days_short,
        notification_marks=marks,  # the log's marks on an outbox row (models/outbox/marks.py)
    )
    env.globals.update(
        labels=SimpleNamespace(**ALL), share_colour=share_colour, timezone=LOCAL_TZ.key
    )
    env.globals.update(yoy_change=lineage.change_text, yoy_basis=lineage.basis_text)
    env.globals.update(share_class=share_class)  # cells coloured by class: CSP forbids style=""
