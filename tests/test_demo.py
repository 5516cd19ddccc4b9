"""The demo: the Bắc Kạn 2023 plan from guidance to publication inside one flow run."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sqlmodel import Session

import config
from cchc.settings import ROOT
from demo.flow import demo_campaign
from models.campaign.launch import launch_campaign
from tasks.outbox_plugin import outbox_path


@pytest.mark.prefect
def test_demo_flow_runs_bac_kan_to_publication(prefect_harness, sqlite_only, monkeypatch, tmp_path):
    from cchc.settings import get_settings

    monkeypatch.setenv("CCHC_DATABASE_URL", sqlite_only.url.render_as_string(hide_password=False))
    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("CCHC_NOTIFY__DEFAULT_URLS", '["outbox://demo"]')
    get_settings.cache_clear()
    with Session(sqlite_only) as session:
        launch_campaign(
            session=session,
            plan_cfg=config.load_plan(ROOT / "config/plans/bac-kan-2023.yaml"),
            actor="test",
        )
        session.commit()
    summary = demo_campaign(campaign="bac-kan-2023", seed=7)
    get_settings.cache_clear()
    assert summary["state"] == "published"
    assert all(s["state"] == "closed" for s in summary["stages"]) and len(summary["stages"]) == 15
    assert summary["messages"]["reminder"] > 0 and summary["messages"]["escalation"] > 0
    assert summary["failed_messages"] == 0 and summary["late_units"]
    assert set(summary["ranking"]) == {"department", "district", "commune"}
    assert summary["ranking"]["district"][0]["rank"] == 1
    lines = [json.loads(x) for x in outbox_path("demo").read_text(encoding="utf-8").splitlines()]
    keys = [x["key"] for x in lines]
    assert len(keys) == len(set(keys)) == sum(summary["messages"].values())


@pytest.mark.slow
def test_cchc_demo_command_writes_json_summary(tmp_path):
    out = tmp_path / "summary.json"
    env = {**os.environ, "CCHC_VAR_DIR": str(tmp_path / "var")}
    env.pop("CCHC_DATABASE_URL", None)
    cmd = [
        sys.executable,
        "-c",
        "from cli.main import main; main()",
        "demo",
        "--json-summary",
        str(out),
    ]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert summary["state"] == "published" and summary["ranking"]
    assert "Xếp hạng" in done.stdout
    # One database: the default file every command opens, and a token to open the dashboard.
    assert (tmp_path / "var" / "cchc.sqlite3").exists() and "«demo-admin»" in done.stdout
    # Speed is the bench's business (bench/RESULTS.md, `make demo` row), not a timed assert here.
    assert summary["wall_seconds"] > 0
