"""Thin tasks of one evaluation: each opens one transaction around one models/tick step."""

from __future__ import annotations

from datetime import datetime

from prefect import task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from cchc.db import session_scope
from models.campaign.facts import get_campaign
from models.campaign.stage_progress import progress_markdown, stage_progress
from models.tick import evaluate as tick
from tasks.db import engine


@task(name="advance-stages", cache_policy=NO_CACHE)
def advance_stages(campaign: str, at: datetime) -> dict:
    """Apply facts, close and open stages (with their notices), mark lateness."""
    with session_scope(engine()) as session:
        found = get_campaign(session=session, code=campaign)
        return tick.advance_stages(session=session, campaign_id=found.id, at=at).as_dict()


@task(name="enqueue-reminders", cache_policy=NO_CACHE)
def enqueue_reminders(campaign: str, at: datetime) -> int:
    """Write today's reminders and overdue notices to the outbox."""
    with session_scope(engine()) as session:
        found = get_campaign(session=session, code=campaign)
        return tick.send_reminders(session=session, campaign_id=found.id, at=at)


@task(name="enqueue-escalations", cache_policy=NO_CACHE)
def enqueue_escalations(campaign: str, at: datetime) -> int:
    """Write today's escalation digests to the outbox."""
    with session_scope(engine()) as session:
        found = get_campaign(session=session, code=campaign)
        return tick.escalate(session=session, campaign_id=found.id, at=at)


@task(name="find-campaign", cache_policy=NO_CACHE)
def find_campaign(campaign: str) -> str:
    """Return the campaign's id (raises NotFound for an unknown code)."""
    with session_scope(engine()) as session:
        return str(get_campaign(session=session, code=campaign).id)


@task(name="publish-progress", cache_policy=NO_CACHE)
def publish_progress(campaign: str, at: datetime) -> str:
    """Publish each stage's progress as a Markdown artifact in the Prefect UI."""
    with session_scope(engine()) as session:
        found = get_campaign(session=session, code=campaign)
        rows = stage_progress(session=session, campaign_id=found.id)
        markdown = progress_markdown(found.title, rows, at)
    create_markdown_artifact(
        key=f"campaign-{campaign}-progress",
        markdown=markdown,
        description=f"Tiến độ chiến dịch {campaign}",
    )
    return markdown
