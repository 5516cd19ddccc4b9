"""`scripts/local-stack.sh`, as docs/operations.md runs it, with several provinces on two workers.

One stack (its start costs most of the time), three acts:
1. three provinces' campaigns due at the same instant, two workers polling the pool: each tick
   runs once (Prefect's run states and cchc's own `last_tick_at`), each message arrives once;
2. the worker running a tick is SIGKILLed with its run mid-send (the receiver holds messages a
   few seconds), a replacement is started by the script, the next tick delivers what the dead
   runs left once their outbox lease ran out: every message arrives exactly once;
3. the cchc database hangs (a proxy stops forwarding): `/health`, static files and `/login`
   answer, `/ready` says 503 in Vietnamese within seconds, a write is refused with 503; after
   recovery nothing is lost (a fact recorded before through the API included).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlmodel import Session

from bench.procs import ReceiverProc, free_port, receiver
from cchc.db import make_engine
from cchc.settings import ROOT
from cchc.wording import ops
from models.accounts.ops import create_user
from tests.conftest import _drop_pg_database, pg_or_skip
from tests.ops.proxy import HangingProxy, hanging_proxy
from tests.ops.stack_runs import kill_machine, run_processes, runs_of, schedule_all, wait_final
from tests.world.plans import stage, write_world

pytestmark = [pytest.mark.slow, pytest.mark.first]
BIN = Path(sys.executable).parent
SCRIPT = str(ROOT / "scripts" / "local-stack.sh")
PROVINCES = ("pa", "pb", "pc")
DAYS = [datetime(2024, 1, d, 1, tzinfo=UTC) for d in (2, 3, 4)]  # 08:00 in Vietnam
HOLD = 6.0  # seconds the receiver holds each message in act 2
COUNTED = ("campaign", "stage", "assignment", "fact", "notification", "audit_entry")


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


def _launch_all(plans: list[Path], env: dict[str, str]) -> None:
    """`cchc launch --replay` every plan, side by side (each registers its deployment)."""
    args = [[str(BIN / "cchc"), "launch", str(plan), "--replay"] for plan in plans]
    with ThreadPoolExecutor(len(plans)) as pool:
        outputs = list(pool.map(lambda a: _run(a, env), args))
    for plan, out in zip(plans, outputs, strict=True):
        assert f"Đã đăng ký lịch chạy campaign-tick/{plan.stem}" in out


def _plans(root: Path, notify: str) -> list[Path]:
    """One small province and plan per code; a stage opens on each of DAYS (one notice each)."""
    stages = [
        stage(f"s{i}", "guidance", "so-noi-vu", day.date(), date(2024, 1, 31))
        for i, day in enumerate(DAYS, 1)
    ]
    return [
        write_world(
            root / p,
            stages,
            code=f"{p}-2024",
            province=p,
            districts=1,
            communes=1,
            departments=1,
            notify=[notify],
        )
        for p in PROVINCES
    ]


def _table_counts(url: str) -> dict[str, int]:
    """Rows per table that must survive a sick database."""
    engine = make_engine(url)
    with engine.connect() as conn:
        counts = {
            t: conn.execute(sa.text(f"select count(*) from {t}")).scalar_one() for t in COUNTED
        }
    engine.dispose()
    return counts


def _outbox(url: str) -> dict[str, tuple[str, bool]]:
    """Idempotency key → (state, still leased) of every outbox row."""
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "select idempotency_key, state, claimed_until > now() is true from notification"
            )
        ).all()
    engine.dispose()
    return {key: (state, leased) for key, state, leased in rows}


def _last_ticks(url: str) -> dict[str, datetime]:
    """Campaign code → its last tick instant (cchc's own record of ticks)."""
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("select code, last_tick_at from campaign")).all()
    engine.dispose()
    return {code: at.astimezone(UTC) for code, at in rows}


def _wait(check: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll `check()` until it returns something true; fail naming `what`."""
    deadline = time.monotonic() + timeout
    while not (found := check()):
        assert time.monotonic() < deadline, f"{what} within {timeout} s"
        time.sleep(0.3)
    return found


def _tick_all(api: str, campaigns: list[str], at: datetime) -> list[str]:
    """Every campaign's run for `at` at one scheduled instant; all must complete."""
    ids = schedule_all(api, campaigns, at)
    runs = wait_final(api, ids, timeout=240)
    assert {r.state_name for r in runs.values()} == {"Completed"}, runs
    return ids


def _act_same_instant(cchc: dict[str, str], direct: str, r: ReceiverProc, codes: list[str]) -> None:
    """Act 1: all due at once on two workers: one run each, one tick each, one message each."""
    api = cchc["PREFECT_API_URL"]
    _tick_all(api, codes, DAYS[0])
    for code in codes:
        runs = [run for run in runs_of(api, code) if run.parameters.get("at")]
        assert len(runs) == 1 and runs[0].run_count == 1, runs  # no worker ran it twice
    assert _last_ticks(direct) == dict.fromkeys(codes, DAYS[0])
    rows = _outbox(direct)
    assert len(rows) == 2 * len(codes)  # the kick-off and the first stage's notice
    assert r.stats()["keys"] == dict.fromkeys(rows, 1)


def _act_worker_killed(
    cchc: dict[str, str], direct: str, r: ReceiverProc, codes: list[str], stack: Path
) -> None:
    """Act 2: kill the worker whose run is mid-send, replace it, and let the next tick finish."""
    api = cchc["PREFECT_API_URL"]
    r.control("slow", HOLD)
    ids = dict(zip(codes, schedule_all(api, codes, DAYS[1]), strict=True))
    held = _wait(lambda: r.stats()["waiting"], 180, "no message reached the receiver")
    victim = ids[held[0].split(":", 1)[0]]  # keys start with the campaign code
    workers = {n: int((stack / f"worker-{n}.pid").read_text()) for n in (1, 2)}
    number = next(n for n, pid in workers.items() if victim in run_processes(pid))
    killed = kill_machine(workers[number])
    assert victim in killed
    r.control("ok")
    _run([SCRIPT, "worker", str(number)], cchc)
    # The kill landed while a message was being sent: its sender never heard the answer.
    _wait(lambda: r.stats()["aborted"], HOLD + 10, "no send was cut short by the kill")
    _wait(lambda: not any(leased for _, leased in _outbox(direct).values()), 60, "leases held")
    # The next tick, for every campaign: the dead worker may have held other runs that never
    # reached their first step; each opens what is due by now and sends what is left.
    _tick_all(api, codes, DAYS[2])
    rows = _outbox(direct)
    assert len(rows) == 4 * len(codes)  # kick-off and three stage notices each
    assert {state for state, _ in rows.values()} == {"delivered"}
    assert r.stats()["keys"] == dict.fromkeys(rows, 1)  # every message exactly once


def _admin_token(url: str) -> dict[str, str]:
    """Headers of a new admin's token (written straight to the database)."""
    engine = make_engine(url)
    with Session(engine) as session:
        _user, token = create_user(session=session, name="ops", role="admin", actor="test")
        session.commit()
    engine.dispose()
    return {"Authorization": f"Bearer {token}"}


def _act_sick_database(base: str, proxy: HangingProxy, direct: str, code: str) -> None:
    """Act 3: the cchc database hangs; the server stays up and recovers with nothing lost."""
    auth = _admin_token(direct)
    fact = {"kind": "guidance_issued", "stage_code": "s3", "document_no": "01/HD-SNV"}
    post = f"{base}/api/campaigns/{code}/facts"
    assert httpx.post(post, json=fact, headers=auth, timeout=30).status_code == 201
    before = _table_counts(direct)
    assert before["fact"] == 1
    proxy.hang()
    try:
        for path in ("/health", "/static/app.css", "/login"):
            started = time.monotonic()
            assert httpx.get(f"{base}{path}", timeout=10).status_code == 200, path
            assert time.monotonic() - started < 5, path  # not waiting on the database
        started = time.monotonic()
        ready = httpx.get(f"{base}/ready", timeout=30)
        assert ready.status_code == 503 and time.monotonic() - started < 12  # connect limit 4 s
        assert ready.json()["checks"]["database"] == ops.READY_DB_DOWN
        refused = httpx.post(post, json={**fact, "stage_code": "s2"}, headers=auth, timeout=30)
        assert refused.status_code == 503  # a write during the hang is refused, not half-done
    finally:
        proxy.heal()
    _wait(lambda: httpx.get(f"{base}/ready", timeout=30).status_code == 200, 30, "not ready")
    assert _table_counts(direct) == before


def test_local_stack_scales_out_survives_a_dead_worker_and_a_hung_database(tmp_path):
    pg_or_skip()
    suffix = uuid.uuid4().hex[:8]
    stack = tmp_path / "stack"
    with receiver() as r, hanging_proxy() as proxy:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("CCHC_", "PREFECT_API_"))}
        env |= {
            "STACK_DIR": str(stack),
            "STACK_CCHC_DB": f"cchc_stack_{suffix}",
            "STACK_PREFECT_DB": f"prefect_stack_{suffix}",
            "STACK_PREFECT_PORT": str(free_port()),
            "STACK_CCHC_PORT": str(free_port()),
            "STACK_CCHC_PG": f"postgresql://postgres@127.0.0.1:{proxy.port}",
            # A dead sender's rows come back after 15 s; sends start up to 1 s before that.
            "CCHC_NOTIFY__LEASE_SECONDS": "15",
            "CCHC_NOTIFY__LEASE_MARGIN_SECONDS": "1",
            "CCHC_DB__CONNECT_TIMEOUT": "4",
        }
        direct = f"postgresql+psycopg://postgres@127.0.0.1:5432/{env['STACK_CCHC_DB']}"
        codes = [f"{p}-2024" for p in PROVINCES]
        try:
            _run([SCRIPT, "up"], env, timeout=420)
            cchc = {**env, **_stack_env(stack)}
            _launch_all(_plans(tmp_path, r.apprise_url()), cchc)
            _act_same_instant(cchc, direct, r, codes)
            base = f"http://127.0.0.1:{env['STACK_CCHC_PORT']}"
            assert httpx.get(f"{base}/login", timeout=30).status_code == 200
            ready = httpx.get(f"{base}/ready", timeout=30).json()
            assert ready == {"status": "ok", "checks": {"database": "ok", "prefect": "ok"}}
            _act_worker_killed(cchc, direct, r, codes, stack)
            _act_sick_database(base, proxy, direct, codes[0])
        finally:
            subprocess.run([SCRIPT, "down"], cwd=ROOT, env=env, timeout=120, check=False)
            for name in (env["STACK_CCHC_DB"], env["STACK_PREFECT_DB"]):
                _drop_pg_database(name)
    assert not list(stack.glob("*.pid"))
