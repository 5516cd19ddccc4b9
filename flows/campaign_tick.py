"""The `campaign-tick` flow: one evaluation of one campaign at one instant, as a list of steps."""

from __future__ import annotations

from datetime import datetime

from prefect import flow
from prefect.states import Failed

from cchc.clock import as_utc, now
from cchc.settings import get_settings
from tasks.delivery import deliver_outbox
from tasks.tick_tasks import (
    advance_stages,
    enqueue_escalations,
    enqueue_reminders,
    find_campaign,
    publish_progress,
)


@flow(name="campaign-tick", log_prints=False)
def campaign_tick(campaign: str, at: datetime | None = None) -> dict:
    """Evaluate `campaign` at `at` (default: now): stages, reminders, escalations, delivery."""
    at = as_utc(at) if at else now()
    campaign_id = find_campaign(campaign)
    report = advance_stages(campaign, at)
    report["reminders"] = enqueue_reminders(campaign, at)
    report["escalations"] = enqueue_escalations(campaign, at)
    cfg = get_settings().notify
    delivery = deliver_outbox.with_options(
        retries=cfg.retries, retry_delay_seconds=cfg.retry_delays
    )(campaign_id, return_state=True)
    publish_progress(campaign, at)
    if delivery.is_failed():
        # Failed rows stay in the outbox marked `failed`; the run says so too.
        return Failed(message=f"giao thông báo thất bại: {delivery.message}", data=report)
    report["delivery"] = delivery.result()
    return report
