"""The `campaign-tick` flow: one evaluation of one campaign at one instant, as a list of steps."""

from __future__ import annotations

from datetime import datetime

from prefect import flow, get_run_logger
from prefect.runtime import flow_run
from prefect.states import Failed

from cchc import logs, run_context
from cchc.clock import as_utc, now
from cchc.errors import NotificationFailed
from flows.tick_sequence import TickRun, run_tick
from tasks.outbox_sender import DeliveryReport
from tasks.tick_tasks import TaskSteps


@flow(name="campaign-tick", log_prints=False)
def campaign_tick(campaign: str, at: datetime | None = None) -> dict:
    """Evaluate `campaign` at `at` (default: now): stages, reminders, escalations, delivery."""
    logs.configure_in_worker()
    # Rows the tick writes name this run (notification.flow_run_id, campaign.last_tick_...).
    with run_context.bound(campaign=campaign, flow_run_id=flow_run.id):
        return _outcome(run_tick(TaskSteps(), campaign, as_utc(at) if at else now()))


def _outcome(run: TickRun) -> dict:
    """The tick's report, or a Failed state carrying the delivery summary as its error."""
    if run.delivery.is_failed():  # the database or a bug: the task's own error says which
        return Failed(  # type: ignore[return-value]  # a returned State is the run's state
            message=f"giao thông báo thất bại: {run.delivery.message}",
            data=NotificationFailed(f"giao thông báo thất bại: {run.delivery.message}"),
        )
    report = DeliveryReport(**run.delivery.result())
    get_run_logger().info(report.summary())
    if report.failed:
        # Failed rows stay in the outbox marked `failed`; the run says so too, with the summary
        # as its error (a Failed state's data must be an exception, or callers get a TypeError).
        return Failed(  # type: ignore[return-value]
            message=report.summary(), data=NotificationFailed(report.summary())
        )
    return {**run.report, "delivery": run.delivery.result()}
