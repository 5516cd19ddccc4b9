"""Tasks of the demo flow: the calendar, a week of simulated days per task run, the summary."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import NamedTuple

from prefect import task
from prefect.cache_policies import NO_CACHE

from cchc.clock import to_local
from cchc.db import session_scope
from cchc.settings import get_settings
from demo.actors import Script
from demo.day import simulate_day
from demo.progress import announce_days
from demo.summary import build_summary
from models.campaign.facts import get_campaign
from models.tick.context import campaign_calendar
from models.tick.stages import stages_of
from tasks.db import engine


class Week(NamedTuple):
    """What one `demo-days` run did: the days it simulated, and whether every stage is closed."""

    days: list[date]
    finished: bool


# The simulated people keep their behaviour (and the RNG its state) from week to week.
_SCRIPTS: dict[tuple[str, int], Script] = {}


def script_for(campaign: str, seed: int) -> Script:
    """The (process-wide) script of simulated people for a campaign."""
    key = (campaign, seed)
    if key not in _SCRIPTS:
        _SCRIPTS[key] = Script(seed=seed, rng=random.Random(seed))
    return _SCRIPTS[key]


@task(name="demo-calendar", cache_policy=NO_CACHE)
def demo_days(campaign: str, margin_days: int = 45) -> list[date]:
    """Every working day from the campaign's start to its end plus a margin for stragglers."""
    with session_scope(engine()) as session:
        found = get_campaign(session=session, code=campaign)
        cal = campaign_calendar(found)
        day, last = to_local(found.starts_at).date(), to_local(found.ends_at).date()
    days = []
    while day <= last + timedelta(days=margin_days):
        if cal.is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


@task(name="demo-days", cache_policy=NO_CACHE)
def demo_week(campaign: str, days: list[date], seed: int) -> Week:
    """Simulate a few working days (one task run, not one per day), announced in one event."""
    done: list[tuple[date, list[str]]] = []
    closed = False
    for day in days:
        simulate_day(
            engine=engine(),
            code=campaign,
            day=day,
            script=script_for(campaign, seed),
            var_dir=get_settings().var_dir,
        )
        open_codes, closed = _stage_states(campaign)
        done.append((day, open_codes))
        if closed:
            break
    announce_days(campaign, done)
    return Week([day for day, _ in done], finished=closed)


def _stage_states(campaign: str) -> tuple[list[str], bool]:
    """The codes of the open stages, and whether every stage is closed."""
    with session_scope(engine()) as session:
        stages = stages_of(session, get_campaign(session=session, code=campaign).id)
    return [s.code for s in stages if s.state == "open"], all(s.state == "closed" for s in stages)


@task(name="demo-summary", cache_policy=NO_CACHE)
def demo_summary(campaign: str) -> dict:
    """Stage timeline, messages sent, late units and ranking, as a JSON-ready dict."""
    with session_scope(engine()) as session:
        return build_summary(session=session, code=campaign)
