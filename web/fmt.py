"""How the dashboard writes things: Vietnamese numbers (92,18), local dates, working days left."""

from __future__ import annotations

from datetime import date, datetime

from cchc.clock import now, to_local
from cchc.numbers import fmt_vn
from models.campaign.tables import Campaign
from models.tick.context import campaign_calendar


def number(value: float | None, places: int = 2) -> str:
    """Write a number as the reports do (half-up, decimal comma, dot thousands): 92,18."""
    return "–" if value is None else fmt_vn(value, places)


def day(moment: datetime | date | None) -> str:
    """Write a date (instants in Asia/Ho_Chi_Minh) as dd/mm/yyyy."""
    if moment is None:
        return "–"
    if isinstance(moment, datetime):
        moment = to_local(moment)
    return f"{moment:%d/%m/%Y}"


def moment(value: datetime | None) -> str:
    """Write an instant in Asia/Ho_Chi_Minh as dd/mm/yyyy HH:MM."""
    return "–" if value is None else f"{to_local(value):%d/%m/%Y %H:%M}"


def clock_time(value: datetime) -> str:
    """Write an instant's time of day in Asia/Ho_Chi_Minh as HH:MM:SS."""
    return f"{to_local(value):%H:%M:%S}"


def working_days(due_at: datetime, campaign: Campaign, at: datetime | None = None) -> int:
    """Return working days from today to the due day on the campaign's own calendar."""
    today = to_local(at or now()).date()
    return campaign_calendar(campaign).working_days_between(today, to_local(due_at).date())


def days_left(due_at: datetime, campaign: Campaign, at: datetime | None = None) -> str:
    """Say how many working days are left or overdue, in Vietnamese."""
    current = at or now()
    days = working_days(due_at, campaign, current)
    if current > due_at:
        return f"quá hạn {-days} ngày làm việc" if days < 0 else "quá hạn hôm nay"
    return "hạn hôm nay" if days == 0 else f"còn {days} ngày làm việc"


def days_short(due_at: datetime, campaign: Campaign, at: datetime | None = None) -> str:
    """Say working days left in a heat-map cell: còn 3 / quá 2 / hôm nay."""
    current = at or now()
    days = working_days(due_at, campaign, current)
    if current > due_at:
        return f"quá {-days}" if days < 0 else "quá hạn"
    return "hôm nay" if days == 0 else f"còn {days}"
