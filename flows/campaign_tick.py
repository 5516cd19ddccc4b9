"""The `campaign-tick` flow: one evaluation of one campaign at one instant, as a list of steps."""

from __future__ import annotations

from datetime import datetime

from prefect import flow
from prefect.states import Failed

from cchc.clock import as_utc, now
from flows.tick_sequence import run_tick
from tasks.tick_tasks import TaskSteps


@flow(name="campaign-tick", log_prints=False)
def campaign_tick(campaign: str, at: datetime | None = None) -> dict:
    """Evaluate `campaign` at `at` (default: now): stages, reminders, escalations, delivery."""
    run = run_tick(TaskSteps(), campaign, as_utc(at) if at else now())
    if run.delivery.is_failed():
        # Failed rows stay in the outbox marked `failed`; the run says so too. A returned State
        # becomes the run's final state (callers get the dict or the error); Prefect's typing
        # of flow returns does not say so.
        message = f"giao thông báo thất bại: {run.delivery.message}"
        return Failed(message=message, data=run.report)  # type: ignore[return-value]
    return {**run.report, "delivery": run.delivery.result()}
