"""The campaign-tick deployment template comes from prefect.yaml, with this checkout's path."""

from __future__ import annotations

from cchc.settings import ROOT
from services.deployments import tick_template


def test_template_comes_from_prefect_yaml():
    template = tick_template()
    assert template["entrypoint"] == "flows/campaign_tick.py:campaign_tick"
    assert template["work_pool"]["name"] == "cchc-pool"
    step = template["pull"][0]["prefect.deployments.steps.set_working_directory"]
    assert step["directory"] == str(ROOT)
