"""`cchc serve` over a database that hangs, and `cchc serve` stopped by SIGTERM (real processes)."""

from __future__ import annotations

import os
import signal
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session

from bench.procs import cchc_serve
from cchc.db import make_engine
from cchc.settings import get_settings
from models.accounts.ops import create_user
from tests.conftest import _create_pg_database, _drop_pg_database, pg_or_skip
from tests.ops.proxy import hanging_proxy

pytestmark = pytest.mark.slow


def _timed_get(url: str, **kwargs: object) -> tuple[int, float, dict]:
    """GET `url`; return the status, the seconds it took and the JSON body (or {})."""
    started = time.monotonic()
    answer = httpx.get(url, timeout=60, **kwargs)  # type: ignore[arg-type]
    body = answer.json() if "json" in answer.headers.get("content-type", "") else {}
    return answer.status_code, time.monotonic() - started, body


@pytest.fixture
def private_pg(monkeypatch: pytest.MonkeyPatch):
    """A private PostgreSQL database, and short database limits for the served app."""
    pg_or_skip()
    name = f"cchc_sick_{uuid.uuid4().hex[:8]}"
    url = _create_pg_database(name)
    monkeypatch.setenv("CCHC_DB__CONNECT_TIMEOUT", "4")
    monkeypatch.setenv("CCHC_DB__WEB_STATEMENT_TIMEOUT", "3")
    monkeypatch.setenv("CCHC_API_WORKERS", "1")
    get_settings.cache_clear()
    yield name, url
    get_settings.cache_clear()
    _drop_pg_database(name)


def _token(url: str) -> str:
    """An admin token in the database at `url` (served schema already created)."""
    engine = make_engine(url)
    with Session(engine) as session:
        _user, token = create_user(session=session, name="ops", role="admin", actor="test")
        session.commit()
    engine.dispose()
    return token


def test_hung_database_gives_503_fast_while_health_static_and_login_answer(private_pg):
    name, direct = private_pg
    with hanging_proxy() as proxy, cchc_serve(proxy.url(name), timeout=180) as (_proc, base):
        auth = {"Authorization": f"Bearer {_token(direct)}"}
        assert _timed_get(f"{base}/api/campaigns", headers=auth)[0] == 200
        assert _timed_get(f"{base}/ready")[0] == 200
        proxy.hang()
        with ThreadPoolExecutor(8) as pool:
            hung = [
                pool.submit(_timed_get, f"{base}/api/campaigns", headers=auth) for _ in range(8)
            ]
            time.sleep(0.5)  # the database requests are now waiting on the hung server
            for path in ("/health", "/static/app.css", "/login"):
                status, seconds, _ = _timed_get(f"{base}{path}")
                assert status == 200 and seconds < 2.5, (path, seconds)
            answers = [f.result() for f in hung]
        assert all(status == 503 for status, _, _ in answers), answers
        assert max(seconds for _, seconds, _ in answers) < 12  # connect limit 4 s, then refused
        assert answers[0][2]["error"]["message"].startswith("Cơ sở dữ liệu")
        status, seconds, body = _timed_get(f"{base}/ready")
        assert status == 503 and seconds < 6 and body["checks"]["database"] != "ok"
        proxy.heal()
        deadline = time.monotonic() + 15
        seen: list[tuple[int, float, dict]] = []
        while (seen := [*seen, _timed_get(f"{base}/api/campaigns", headers=auth)])[-1][0] != 200:
            assert time.monotonic() < deadline, f"the server did not recover within 15 s: {seen}"
            time.sleep(0.5)
        assert _timed_get(f"{base}/ready")[0] == 200


def _descendants(pid: int) -> set[int]:
    """Every live process below `pid` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    """Tell whether `pid` still runs (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sigterm_leaves_no_child_of_cchc_serve(tmp_path, monkeypatch):
    monkeypatch.setenv("CCHC_API_WORKERS", "2")
    monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path))
    with cchc_serve(f"sqlite:///{tmp_path / 'serve.sqlite3'}", timeout=180) as (proc, _base):
        deadline = time.monotonic() + 30
        while len(family := _descendants(proc.pid)) < 2:  # the 2 workers (no render helpers now)
            assert time.monotonic() < deadline, f"workers did not start: {family}"
            time.sleep(0.5)
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=90)  # 16 s on this machine when idle; graceful, under load
    deadline = time.monotonic() + 10
    while left := [pid for pid in family if _alive(pid)]:
        assert time.monotonic() < deadline, f"children outlived cchc serve: {left}"
        time.sleep(0.2)
