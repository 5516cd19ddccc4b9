"""The delivery task: send the outbox with Prefect retries; failures end as `failed` rows."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from functools import lru_cache

from prefect import Task, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import task_run
from prefect.states import State
from sqlalchemy.exc import OperationalError

from cchc.errors import NotificationFailed, Retryable
from cchc.settings import get_settings
from tasks.db import engine as default_engine
from tasks.outbox_sender import DeliveryReport, deliver_pending

__all__ = ["DeliveryReport", "deliver_outbox", "deliver_pending", "delivery_task"]


def retry_when_retryable(_task: object, _run: object, state: State) -> bool:
    """Retry what trying again may fix: an undelivered message or a lost database connection."""
    try:
        state.result()
    except (Retryable, OperationalError):
        return True
    except Exception:  # noqa: BLE001 - any other failure is a bug; retrying repeats it
        return False
    return False


@task(name="deliver-outbox", cache_policy=NO_CACHE, retry_condition_fn=retry_when_retryable)
def deliver_outbox(campaign_id: str | None = None) -> dict:
    """Send pending messages once; raise NotificationFailed (retried) while some wait a retry."""
    report = deliver_pending(
        engine=default_engine(), campaign_id=uuid.UUID(campaign_id) if campaign_id else None
    )
    # Each task run is one attempt per row; a row fails for good once its own attempts are
    # spent. After the task's last run, rows still waiting are left to later ticks.
    if report.retrying and (task_run.run_count or 1) <= get_settings().notify.retries:
        raise NotificationFailed(report.summary())
    return asdict(report)


def delivery_task() -> Task[[str | None], dict]:
    """`deliver-outbox` with the configured `retries=` and `retry_delay_seconds=`."""
    # Decorator arguments are fixed at import, but settings come from the environment when a
    # tick runs (deployments, `cchc` and tests set CCHC_NOTIFY__* after import): so the retries
    # are declared on a copy of the task derived from the settings of the moment, one per value.
    cfg = get_settings().notify
    return _with_retries(cfg.retries, tuple(cfg.retry_delays))


@lru_cache(maxsize=8)
def _with_retries(retries: int, delays: tuple[float, ...]) -> Task[[str | None], dict]:
    """The delivery task declared with these retries (built once per distinct setting)."""
    return deliver_outbox.with_options(retries=retries, retry_delay_seconds=list(delays))
