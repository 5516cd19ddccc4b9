"""Tasks of the demo flow: one simulated working day per task run, then the summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from prefect import task
from prefect.cache_policies import NO_CACHE

from cchc.clock import to_local
from cchc.db import session_scope
from cchc.settings import get_settings
from models.campaign.facts import get_campaign
from models.tick.context import campaign_calendar
from models.tick.stages import stages_of
from tasks.db import engine
from tasks.demo_actors import Script
from tasks.demo_summary import build_summary

_SCRIPTS: dict[tuple[str, int], Script] = {}
# Set by `cchc demo` to drive its progress bar: called with (day, open stage codes).
PROGRESS: list[Callable[[date, list[str]], None]] = []


def script_for(campaign: str, seed: int) -> Script:
    """The (process-wide) script of simulated people for a campaign."""
    import random

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
def demo_week(campaign: str, days: list[date], seed: int) -> bool:
    """Simulate a few working days (one task run, not one per day); True once all stages closed."""
    from tasks.demo_day import simulate_day

    for day in days:
        simulate_day(
            engine=engine(),
            code=campaign,
            day=day,
            script=script_for(campaign, seed),
            var_dir=get_settings().var_dir,
        )
        with session_scope(engine()) as session:
            found = get_campaign(session=session, code=campaign)
            stages = stages_of(session, found.id)
        for hook in PROGRESS:
            hook(day, [s.code for s in stages if s.state == "open"])
        if all(s.state == "closed" for s in stages):
            return True
    return False


@task(name="demo-summary", cache_policy=NO_CACHE)
def demo_summary(campaign: str) -> dict:
    """Stage timeline, messages sent, late units and ranking, as a JSON-ready dict."""
    with session_scope(engine()) as session:
        return build_summary(session=session, code=campaign)
