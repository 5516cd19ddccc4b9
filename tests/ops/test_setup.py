"""`cchc setup` migrates, creates the pool and automation once; prefect.yaml deploys cleanly."""

from __future__ import annotations

import asyncio
import importlib
import inspect

import pytest
import yaml

from cchc.settings import ROOT
from services import deployments


async def _pool_type(name: str) -> str:
    """The type of work pool `name` in the configured Prefect API."""
    from prefect import get_client

    async with get_client() as client:
        return (await client.read_work_pool(name)).type


async def _drop_pool(name: str) -> None:
    """Delete work pool `name` if it exists (so this test sees the first creation)."""
    from prefect import get_client
    from prefect.exceptions import ObjectNotFound

    async with get_client() as client:
        try:
            await client.delete_work_pool(name)
        except ObjectNotFound:
            pass


async def _drop_automations() -> None:
    """Delete the automations `cchc setup` creates."""
    from prefect import get_client

    from services.zombie_watch import NAME

    async with get_client() as client:
        for found in await client.read_automations_by_name(NAME):
            await client.delete_automation(found.id)


@pytest.mark.prefect
def test_setup_migrates_and_creates_the_pool_once(prefect_harness, point_at, run_cli):
    point_at("")
    asyncio.run(_drop_pool("cchc-pool"))
    code, out, err = run_cli("setup")
    assert code == 0, err
    assert "lược đồ đã cập nhật" in out and "Đã tạo work pool «cchc-pool»" in out
    assert asyncio.run(_pool_type("cchc-pool")) == "process"
    assert "«cchc: đánh dấu lượt chạy mất tín hiệu» (mất tín hiệu quá 90 giây → Crashed)" in out
    assert "lượt chạy mất tín hiệu quá 90 giây (máy worker chết) tự chuyển sang Crashed" in out
    code, out, _err = run_cli("setup")
    assert code == 0 and "Work pool «cchc-pool» đã có." in out
    assert "Tự động hóa «cchc: đánh dấu lượt chạy mất tín hiệu» đã có" in out
    asyncio.run(_drop_automations())  # the harness is shared: no 90 s watch on others' runs


def test_setup_without_prefect_server_migrates_and_says_how(point_at, run_cli, monkeypatch):
    point_at("")
    monkeypatch.setattr(deployments, "api_configured", lambda: None)
    code, out, _err = run_cli("setup")
    assert code == 0 and "lược đồ đã cập nhật" in out and "PREFECT_API_URL trống" in out
    assert "tự động hóa" not in out.lower()  # nothing to watch without a server


def test_every_prefect_yaml_deployment_supplies_its_flows_required_parameters():
    doc = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    entries = [*doc["deployments"], doc["definitions"]["templates"]["campaign_tick"]]
    for entry in entries:
        path, name = entry["entrypoint"].split(":")
        module = path.removesuffix(".py").replace("/", ".")
        flow = getattr(importlib.import_module(module), name)
        required = {
            p.name
            for p in inspect.signature(flow.fn).parameters.values()
            if p.default is inspect.Parameter.empty
        }
        supplied = set(entry.get("parameters") or {})
        is_template = entry is entries[-1]  # `cchc launch` supplies {campaign: <code>}
        assert required <= supplied | ({"campaign"} if is_template else set()), entry["name"]
