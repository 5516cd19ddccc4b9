"""Links from the dashboard to the Prefect UI: a tick's flow run, a campaign's deployment."""

from __future__ import annotations

from jinja2 import Environment

from cchc.settings import get_settings


def run_url(flow_run_id: str | None) -> str | None:
    """The Prefect UI page of a flow run, or None when the run or the UI is unknown."""
    base = get_settings().prefect_ui
    return f"{base}/runs/flow-run/{flow_run_id}" if base and flow_run_id else None


def deployment_url(deployment_id: str | None) -> str | None:
    """The Prefect UI page of a deployment, or None when it or the UI is unknown."""
    base = get_settings().prefect_ui
    return f"{base}/deployments/deployment/{deployment_id}" if base and deployment_id else None


def install(env: Environment) -> None:
    """Give templates `run_url()` and `deployment_url()`."""
    env.globals.update(run_url=run_url, deployment_url=deployment_url)
