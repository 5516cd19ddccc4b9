"""Prefect's side of a schedule: the campaign-tick template and one deployment per campaign."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml

from cchc import safe_yaml
from cchc.errors import ConfigError
from cchc.settings import ROOT, get_settings

if TYPE_CHECKING:
    from prefect.client.orchestration import PrefectClient


def tick_template(path: Path = ROOT / "prefect.yaml") -> dict[str, Any]:
    """Return the campaign-tick deployment of prefect.yaml, with the project's pull steps."""
    doc = safe_yaml.load(path)  # size, alias and depth limits before parsing
    if not isinstance(doc, dict):
        raise ConfigError(f"{path}: không đọc được (cần một bảng khóa–giá trị)")
    # A template, not a deployment: `prefect deploy --all` must not create a tick without its
    # campaign parameter; `cchc launch` creates one per campaign from it.
    templates = (doc.get("definitions") or {}).get("templates") or {}
    found = templates.get("campaign_tick")
    if found is None:
        raise ConfigError(f"{path}: thiếu definitions.templates.campaign_tick")
    pull = yaml.safe_dump(doc.get("pull", [])).replace("{{ $PWD }}", str(ROOT))
    return {**found, "pull": safe_yaml.loads(pull, str(path))}


async def register_schedule(
    *, campaign: str, rrule: str, timezone: str | None = None
) -> tuple[str, str]:
    """Create or update the deployment `campaign-tick/<campaign>`; return its full name and id."""
    from prefect import get_client
    from prefect.client.schemas.actions import DeploymentScheduleCreate
    from prefect.client.schemas.schedules import RRuleSchedule

    template = tick_template()
    pool = template.get("work_pool") or {}
    await ensure_pool()  # the first launch on a new Prefect server creates the pool
    zone = timezone or get_settings().timezone
    schedule = DeploymentScheduleCreate(
        schedule=RRuleSchedule(rrule=rrule, timezone=zone), active=True
    )
    async with get_client() as client:
        flow_id = await client.create_flow_from_name("campaign-tick")
        deployment_id = await client.create_deployment(
            flow_id=flow_id,
            name=campaign,
            entrypoint=template["entrypoint"],
            work_pool_name=pool.get("name"),
            work_queue_name=pool.get("work_queue_name"),
            parameters={"campaign": campaign},
            # So the UI and `prefect deployment run --param at=…` accept the flow's parameters.
            parameter_openapi_schema=_parameter_schema(template["entrypoint"]),
            schedules=[schedule],
            pull_steps=template["pull"],
            tags=[*template.get("tags", []), campaign],
            description=f"Đánh giá chiến dịch {campaign} mỗi ngày làm việc",
        )
    return f"campaign-tick/{campaign}", str(deployment_id)


def _parameter_schema(entrypoint: str) -> dict[str, Any]:
    """The flow's parameter schema, loaded from its entrypoint (flows/ sits above services/)."""
    from prefect.flows import load_flow_from_entrypoint
    from prefect.utilities.callables import parameter_schema

    flow: Any = load_flow_from_entrypoint(str(ROOT / entrypoint))
    return parameter_schema(flow).model_dump_for_openapi()


def pool_name() -> str:
    """The work pool every campaign deployment runs on (prefect.yaml)."""
    return str((tick_template().get("work_pool") or {}).get("name") or "cchc-pool")


# Prefect 3.8.8's name (PREFECT_RUNNER_HEARTBEAT_FREQUENCY is its legacy alias).
HEARTBEAT_ENV = "PREFECT_FLOWS_HEARTBEAT_FREQUENCY"
PoolOutcome = Literal["created", "updated", "exists"]


def pool_template(current: dict[str, Any] | None = None) -> dict[str, Any]:
    """The pool's job template with the flow-run heartbeat in its env default (all inherit it)."""
    from prefect.workers.process import ProcessWorker

    template = copy.deepcopy(current) if current else ProcessWorker.get_default_base_job_template()
    env = template.setdefault("variables", {}).setdefault("properties", {}).setdefault("env", {})
    seconds = str(get_settings().prefect.heartbeat_seconds)
    env["default"] = {**(env.get("default") or {}), HEARTBEAT_ENV: seconds}
    return template


async def ensure_pool() -> PoolOutcome:
    """Create the process work pool, or set the heartbeat in the existing one's template."""
    from prefect import get_client
    from prefect.client.schemas.actions import WorkPoolUpdate

    name = pool_name()
    async with get_client() as client:
        current = await _pool_template_or_create(client, name)
        if current is None:
            return "created"
        wanted = pool_template(current)  # keeps what an operator changed, adds the heartbeat
        if wanted == current:
            return "exists"
        await client.update_work_pool(name, WorkPoolUpdate(base_job_template=wanted))
    return "updated"


async def _pool_template_or_create(client: PrefectClient, name: str) -> dict[str, Any] | None:
    """The job template of pool `name`, or None when this call created the pool."""
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

    try:
        return (await client.read_work_pool(name)).base_job_template
    except ObjectNotFound:
        pass
    try:
        create = WorkPoolCreate(name=name, type="process", base_job_template=pool_template())
        await client.create_work_pool(create)
    except ObjectAlreadyExists:  # another launch or `cchc setup` made it meanwhile
        return (await client.read_work_pool(name)).base_job_template
    return None


def api_configured() -> str | None:
    """Return the Prefect API URL when one is set (ephemeral mode cannot run schedules)."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value() or None


async def pause_schedules(*, name: str) -> int:
    """Set every schedule of deployment `name` inactive; return how many were active."""
    from prefect import get_client

    async with get_client() as client:
        deployment = await client.read_deployment_by_name(name)
        active = [s for s in deployment.schedules if s.active]
        for schedule in active:
            await client.update_deployment_schedule(deployment.id, schedule.id, active=False)
    return len(active)


async def remove_deployment(*, name: str) -> bool:
    """Delete deployment `name` (and so its schedule); False when Prefect has no such one."""
    from prefect import get_client
    from prefect.exceptions import ObjectNotFound

    async with get_client() as client:
        try:
            deployment = await client.read_deployment_by_name(name)
        except ObjectNotFound:
            return False
        await client.delete_deployment(deployment.id)
    return True
