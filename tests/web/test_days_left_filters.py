"""The dashboard's days-left filters say what the tick's reminders say, by local dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cchc.wording.dates import local_day
from cchc.wording.days_left import days_left, days_short
from models import Campaign
from models.tick.context import campaign_calendar
from web import fmt

START = datetime(2024, 10, 1, 1, tzinfo=UTC)


def test_dashboard_and_reminders_agree_through_the_due_day():
    campaign = Campaign(starts_at=START, ends_at=START + timedelta(days=90), policy={})
    due = datetime(2024, 11, 8, 10, 0, tzinfo=UTC)  # Fri 17:00 Vietnam time (an extension's hour)
    for hours in (1, 11, 12, 16):  # Fri 08:00, 18:00 (past the hour), 19:00, 23:00 local
        at = datetime(2024, 11, 8, tzinfo=UTC) + timedelta(hours=hours)
        tick = days_left(due, today=local_day(at), cal=campaign_calendar(campaign))
        assert fmt.days_left(due, campaign, at) == tick == "hạn chót là hôm nay"
        assert (fmt.Countdown.of(campaign, at).short(due), fmt.working_days(due, campaign, at)) == (
            "hôm nay",
            0,
        )
    monday = datetime(2024, 11, 11, 1, tzinfo=UTC)
    assert fmt.days_left(due, campaign, monday) == "đã quá hạn 1 ngày làm việc"


def test_a_countdown_read_once_says_what_the_filters_say():
    campaign = Campaign(starts_at=START, ends_at=START + timedelta(days=90), policy={})
    at = datetime(2024, 11, 6, 3, tzinfo=UTC)  # Wed 10:00 local
    countdown, calendar = fmt.Countdown.of(campaign, at), campaign_calendar(campaign)
    for day in (4, 6, 8, 11, 15):
        due = datetime(2024, 11, day, 10, 0, tzinfo=UTC)
        assert countdown.left(due) == fmt.days_left(due, campaign, at)
        assert countdown.short(due) == days_short(due, today=local_day(at), cal=calendar)
        assert countdown.working_days(due) == fmt.working_days(due, campaign, at)
