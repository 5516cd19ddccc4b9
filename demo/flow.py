"""The `cchc-demo` flow: a whole campaign on a compressed clock, inside ONE flow run."""

from __future__ import annotations

from prefect import flow

from demo.tasks import demo_days, demo_summary, demo_week

DAYS_PER_TASK = 5  # a task run costs tens of ms against the API: a week per run, not a day


@flow(name="cchc-demo")
def demo_campaign(campaign: str = "bac-kan-2023", seed: int = 2023) -> dict:
    """Drive a launched campaign day by day until every stage is closed; return the summary."""
    days = demo_days(campaign)
    for start in range(0, len(days), DAYS_PER_TASK):
        if demo_week(campaign, days[start : start + DAYS_PER_TASK], seed).finished:
            break
    return demo_summary(campaign)
