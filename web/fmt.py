"""The dashboard's Jinja filters: cchc.wording, with days left on each campaign's own calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from types import SimpleNamespace

from jinja2 import Environment

from cchc.clock import LOCAL_TZ, now
from cchc.wording import dates, lineage, numbers
from cchc.wording import days_left as rule
from cchc.wording.dates import local_day
from deadlines.calendar import WorkCalendar
from models.campaign.tables import Campaign
from models.outbox.marks import marks
from models.tick.context import campaign_calendar
from web.pages.labels import ALL, share_class, share_colour

__all__ = ["Countdown", "days_left", "register", "working_days"]


@dataclass(frozen=True)
class Countdown:
    """Days left on a campaign's calendar from one day: pages reads the clock once, not per cell."""

    today: date
    cal: WorkCalendar

    @classmethod
    def of(cls, campaign: Campaign, at: datetime | None = None) -> Countdown:
        """Fix today's local date (now unless `at`) and the campaign's calendar."""
        return cls(local_day(at or now()), campaign_calendar(campaign))

    def working_days(self, due_at: datetime) -> int:
        """Count working days left (< 0 overdue)."""
        return rule.working_days_left(due_at, today=self.today, cal=self.cal)

    def left(self, due_at: datetime) -> str:
        """Say the working days left or overdue, as the reminders do."""
        return rule.days_left(due_at, today=self.today, cal=self.cal)

    def short(self, due_at: datetime) -> str:
        """Say the working days left in a heat-map cell."""
        return rule.days_short(due_at, today=self.today, cal=self.cal)


def working_days(due_at: datetime, campaign: Campaign, at: datetime | None = None) -> int:
    """Count working days left (< 0 overdue) on the campaign's calendar."""
    return Countdown.of(campaign, at).working_days(due_at)


def days_left(due_at: datetime, campaign: Campaign, at: datetime | None = None) -> str:
    """Say the working days left or overdue, as the reminders do."""
    return Countdown.of(campaign, at).left(due_at)


def register(env: Environment) -> None:
    """Give templates the wording filters, the labels and the state colours."""
    env.filters.update(
        number=numbers.number,
        day=dates.day,
        moment=dates.moment,
        days_left=days_left,
        notification_marks=marks,  # the log's marks on an outbox row (models/outbox/marks.py)
    )
    env.globals.update(
        labels=SimpleNamespace(**ALL), share_colour=share_colour, timezone=LOCAL_TZ.key
    )
    env.globals.update(yoy_change=lineage.change_text, yoy_basis=lineage.basis_text)
    env.globals.update(share_class=share_class)  # cells coloured by class: CSP forbids style=""
