"""`scripts/local-stack.sh`, as docs/operations.md runs it: a plan ticked by a scheduled run on a
worker, the dashboard answering, one worker killed and the next tick still run; then torn down.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session, select

from bench.procs import free_port
from cchc.db import make_engine
from cchc.settings import ROOT
from models import Campaign
from tests.conftest import _drop_pg_database, pg_or_skip
from tests.world.plans import stage, write_world

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
SCRIPT = str(ROOT / "scripts" / "local-stack.sh")


def _stack_env(stack: Path) -> dict[str, str]:
    """The variables `up` wrote to $STACK_DIR/env."""
    env: dict[str, str] = {}
    for line in (stack / "env").read_text().splitlines():
        for pair in line.removeprefix("export ").split():
            key, _, value = pair.partition("=")
            env[key] = value
    return env


def _run(args: list[str], env: dict[str, str], timeout: float = 240) -> str:
    """Run a command to completion; fail with its output."""
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args}: {done.stdout[-1500:]} {done.stderr[-1500:]}"
    return done.stdout


def _tick_at(env: dict[str, str], when: str) -> None:
    """Schedule a run of the campaign's deployment a few seconds ahead (a worker picks it up)."""
    deployment = "campaign-tick/thu-2024"
    args = [str(BIN / "prefect"), "deployment", "run", deployment, "--param", f"at={when}"]
    _run([*args, "--start-in", "3 seconds"], env)


def _wait_tick(url: str, after: date, timeout: float = 150) -> None:
    """Wait until the campaign's last tick is on or after `after`."""
    engine = make_engine(url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Session(engine) as session:
            last = session.exec(select(Campaign.last_tick_at)).one()
        if last is not None and last.date() >= after:
            engine.dispose()
            return
        time.sleep(1)
    engine.dispose()
    pytest.fail(f"no tick on or after {after} within {timeout} s")


def test_local_stack_ticks_on_a_worker_and_survives_losing_one(tmp_path):
    pg_or_skip()
    suffix = uuid.uuid4().hex[:8]
    stack = tmp_path / "stack"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CCHC_", "PREFECT_API_"))} | {
        "STACK_DIR": str(stack),
        "STACK_CCHC_DB": f"cchc_stack_{suffix}",
        "STACK_PREFECT_DB": f"prefect_stack_{suffix}",
        "STACK_PREFECT_PORT": str(free_port()),
        "STACK_CCHC_PORT": str(free_port()),
    }
    plan = write_world(
        tmp_path,
        [stage("huong-dan", "guidance", "so-noi-vu", date(2024, 1, 2), date(2024, 1, 31))],
        districts=1,
        communes=2,
    )
    try:
        _run([SCRIPT, "up"], env, timeout=420)
        cchc = {**env, **_stack_env(stack)}
        assert "Đã đăng ký lịch chạy campaign-tick/thu-2024" in _run(
            [str(BIN / "cchc"), "launch", str(plan), "--replay"], cchc
        )
        _tick_at(cchc, "2024-01-02T01:00:00+00:00")
        _wait_tick(cchc["CCHC_DATABASE_URL"], date(2024, 1, 2))
        base = f"http://127.0.0.1:{env['STACK_CCHC_PORT']}"
        assert httpx.get(f"{base}/login", timeout=10).status_code == 200
        ready = httpx.get(f"{base}/ready", timeout=10).json()
        assert ready == {"status": "ok", "checks": {"database": "ok", "prefect": "ok"}}
        os.killpg(int((stack / "worker-1.pid").read_text()), signal.SIGKILL)
        _tick_at(cchc, "2024-01-03T01:00:00+00:00")
        _wait_tick(cchc["CCHC_DATABASE_URL"], date(2024, 1, 3))
    finally:
        subprocess.run([SCRIPT, "down"], cwd=ROOT, env=env, timeout=120, check=False)
        for name in (env["STACK_CCHC_DB"], env["STACK_PREFECT_DB"]):
            _drop_pg_database(name)
    assert not list(stack.glob("*.pid"))
