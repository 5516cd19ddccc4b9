"""Real `prefect server` and process worker: launch (creating the pool), tick via the worker.

Bounded in time; every process started here is stopped in `finally` (its whole process group).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session, select

from cchc.db import make_engine
from cchc.settings import ROOT
from models import Campaign, Notification, Stage
from models.db_init import init_db
from tests.flows.receivers import free_port
from tests.world.plans import stage, write_world

pytestmark = [pytest.mark.slow, pytest.mark.first]
BIN = Path(sys.executable).parent


def _env(tmp_path: Path, port: int) -> dict[str, str]:
    """Environment of every process: a private Prefect home and database, our app database."""
    return {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "PWD": str(ROOT),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "200",
        "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE": "100",
        "CCHC_DATABASE_URL": f"sqlite:///{tmp_path / 'app.sqlite3'}",
        "CCHC_VAR_DIR": str(tmp_path / "var"),
    }


def _start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """Start a long-running process in its own group, logging to a file."""
    return subprocess.Popen(
        args,
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _stop(proc: subprocess.Popen | None) -> None:
    """Stop a process group: TERM, then KILL after 10 s."""
    if proc is None or proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def _run(args: list[str], env: dict[str, str], timeout: float = 120) -> str:
    """Run a command to completion; fail with its output."""
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args}: {done.stdout[-1500:]} {done.stderr[-1500:]}"
    return done.stdout


def _wait(check, timeout: float, what: str):  # type: ignore[no-untyped-def]
    """Poll `check` until it returns a truthy value (bounded)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


def _healthy(url: str) -> bool:
    try:
        return httpx.get(f"{url}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def test_tick_runs_through_server_and_worker(tmp_path):
    port = free_port()
    env = _env(tmp_path, port)
    plan = write_world(
        tmp_path,
        [stage("huong-dan", "guidance", "so-noi-vu", date(2024, 1, 2), date(2024, 1, 31))],
        districts=1,
        communes=2,
    )
    init_db(make_engine(env["CCHC_DATABASE_URL"]))
    server = worker = None
    try:
        server = _start(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env,
            tmp_path / "server.log",
        )
        _wait(lambda: _healthy(env["PREFECT_API_URL"]), 120, "prefect server")
        # No `prefect work-pool create`, no `prefect deploy`: the first launch creates the pool.
        out = _run([str(BIN / "cchc"), "launch", str(plan), "--replay"], env)
        assert "Đã đăng ký lịch chạy campaign-tick/thu-2024" in out
        pool = httpx.get(f"{env['PREFECT_API_URL']}/work_pools/cchc-pool", timeout=10).json()
        assert pool["type"] == "process"
        worker = _start(
            [str(BIN / "prefect"), "worker", "start", "--pool", "cchc-pool"],
            env,
            tmp_path / "worker.log",
        )
        _run(
            [
                str(BIN / "prefect"),
                "deployment",
                "run",
                "campaign-tick/thu-2024",
                "--param",
                "at=2024-01-02T01:00:00+00:00",
            ],
            env,
        )
        engine = make_engine(env["CCHC_DATABASE_URL"])

        def ticked() -> bool:
            with Session(engine) as session:
                return session.exec(select(Campaign.last_tick_at)).one() is not None and bool(
                    session.exec(
                        select(Notification).where(Notification.state == "delivered")
                    ).all()
                )

        _wait(ticked, 180, "the worker's tick")
        with Session(engine) as session:
            assert session.exec(select(Stage.state)).all() == ["open"]
            kinds = set(session.exec(select(Notification.kind)).all())
        assert kinds == {"kickoff", "stage_open"}
        deployment = httpx.get(
            f"{env['PREFECT_API_URL']}/deployments/name/campaign-tick/thu-2024"
        ).json()
        rrule = deployment["schedules"][0]["schedule"]["rrule"]
        assert "BYDAY=MO,TU,WE,TH,FR" in rrule and "EXDATE" not in json.dumps(
            deployment["parameters"]
        )
        assert deployment["parameters"] == {"campaign": "thu-2024"}
    finally:
        _stop(worker)
        _stop(server)
