"""The Prefect automation that marks Crashed a campaign run whose heartbeats stopped.

A worker machine that dies (SIGKILL, power) leaves its flow run `Running` for ever. The run's
process emits `prefect.flow-run.heartbeat` every `prefect.heartbeat_seconds` (set in the work
pool's job template, services/deployments.py); when neither a heartbeat nor a final state
follows one within `prefect.zombie_after_seconds`, the Prefect server sets the run Crashed.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Literal

from cchc.settings import get_settings
from cchc.wording import ops
from services.deployments import tick_template

if TYPE_CHECKING:
    from prefect.client.orchestration import PrefectClient
    from prefect.events.schemas.automations import Automation, AutomationCore

NAME = ops.ZOMBIE_AUTOMATION_NAME
# A heartbeat, or the run's own end, shows it is not a zombie.
ALIVE_OR_ENDED = {
    "prefect.flow-run.heartbeat",
    "prefect.flow-run.Completed",
    "prefect.flow-run.Failed",
    "prefect.flow-run.Cancelled",
    "prefect.flow-run.Crashed",
}


def watched_tag() -> str:
    """The tag every campaign deployment's runs carry (prefect.yaml), so only they are watched."""
    return str((tick_template().get("tags") or ["cchc"])[0])


def automation(within_seconds: int) -> AutomationCore:
    """The automation: a run tagged ours, silent `within_seconds` after a heartbeat, crashes."""
    from prefect.client.schemas.objects import StateType
    from prefect.events.actions import ChangeFlowRunState
    from prefect.events.schemas.automations import AutomationCore, EventTrigger, Posture

    trigger = EventTrigger(
        after={"prefect.flow-run.heartbeat"},
        expect=ALIVE_OR_ENDED,
        match={"prefect.resource.id": "prefect.flow-run.*"},
        # Runs started outside the pool (`cchc tick` by hand) keep Prefect's 180 s heartbeat:
        # watching them with a shorter window would crash live runs.
        match_related={"prefect.resource.id": f"prefect.tag.{watched_tag()}"},
        for_each={"prefect.resource.id"},
        posture=Posture.Proactive,
        threshold=1,
        within=timedelta(seconds=within_seconds),
    )
    action = ChangeFlowRunState(
        state=StateType.CRASHED, message=ops.ZOMBIE_STATE_MESSAGE.format(seconds=within_seconds)
    )
    description = ops.ZOMBIE_AUTOMATION_DESCRIPTION.format(seconds=within_seconds)
    return AutomationCore(name=NAME, description=description, trigger=trigger, actions=[action])


async def ensure_automation(
    within_seconds: int | None = None,
) -> Literal["created", "updated", "exists"]:
    """Create the automation, or bring the one of that name up to date; drop duplicates."""
    from prefect import get_client

    wanted = automation(within_seconds or get_settings().prefect.zombie_after_seconds)
    async with get_client() as client:
        found = await client.read_automations_by_name(NAME)
        if not found:
            await client.create_automation(wanted)
            return "created"
        for extra in found[1:]:  # two set-ups at once may each have created one
            await client.delete_automation(extra.id)
        return await _update(client, found[0], wanted)


async def _update(
    client: PrefectClient, current: Automation, wanted: AutomationCore
) -> Literal["updated", "exists"]:
    """Rewrite `current` as `wanted` unless it already is."""
    fields = {"name", "description", "enabled", "trigger", "actions"}
    if current.model_dump(include=fields) == wanted.model_dump(include=fields):
        return "exists"
    await client.update_automation(current.id, wanted)
    return "updated"
