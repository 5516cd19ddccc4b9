"""Real helper processes for benches and fault tests: the loopback receiver, `cchc serve`.

Every process is started here, stopped here by its own pid, and bounded in time.
"""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a child: ours, telemetry off, plus `extra`."""
    env = dict(
        os.environ,
        DO_NOT_TRACK="1",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra or {})
    return env


def stop(proc: subprocess.Popen, grace: float = 5.0) -> None:
    """Stop one child we started: SIGTERM, then SIGKILL after `grace` seconds."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=grace)


class ReceiverProc:
    """A running `bench.receiver` child and a client for its stats and controls."""

    def __init__(self, proc: subprocess.Popen, port: int) -> None:
        self.proc, self.port = proc, port
        self.url = f"http://127.0.0.1:{port}"

    def apprise_url(self, path: str = "hook") -> str:
        """The apprise json:// URL that posts to this receiver."""
        return f"json://127.0.0.1:{self.port}/{path}"

    def stats(self) -> dict:
        """What arrived so far: total, refused, counts by key."""
        return httpx.get(f"{self.url}/_stats", timeout=10).json()

    def control(self, mode: str, hang_seconds: float | None = None) -> None:
        """Switch the receiver to ok, fail or hang."""
        body: dict = {"mode": mode}
        if hang_seconds is not None:
            body["hang_seconds"] = hang_seconds
        httpx.post(f"{self.url}/_control", json=body, timeout=10).raise_for_status()


@contextmanager
def receiver(
    mode: str = "ok", hang_seconds: float = 30.0, timeout: float = 20.0
) -> Iterator[ReceiverProc]:
    """Run the loopback receiver in its own process (so it never competes for our GIL)."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench.receiver",
            "--mode",
            mode,
            "--hang-seconds",
            str(hang_seconds),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=_env(),
    )
    try:
        ready, _, _ = select.select([proc.stdout], [], [], timeout)
        line = proc.stdout.readline() if ready else ""  # type: ignore[union-attr]
        if not line.startswith("PORT "):
            raise RuntimeError(f"receiver did not start within {timeout} s")
        yield ReceiverProc(proc, int(line.split()[1]))
    finally:
        stop(proc)


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float, proc: subprocess.Popen | None = None) -> None:
    """Wait until `url` answers (any status), or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before {url} answered")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def serve_command(port: int) -> list[str]:
    """`cchc serve` on loopback; uvicorn on the app factory while the CLI has no `serve` yet."""
    cchc = str(Path(sys.executable).parent / "cchc")
    probe = subprocess.run(
        [cchc, "serve", "--help"],
        capture_output=True,
        cwd=ROOT,
        env=_env(),
        timeout=60,
        check=False,
    )
    if probe.returncode == 0:
        return [cchc, "serve", "--host", "127.0.0.1", "--port", str(port)]
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "web.app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]


@contextmanager
def cchc_serve(
    db_url: str, port: int | None = None, timeout: float = 60.0, log: Path | None = None
) -> Iterator[tuple[subprocess.Popen, str]]:
    """Run `cchc serve` against `db_url` on loopback; yield (process, base URL)."""
    port = port or free_port()
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115  (closed below)
    proc = subprocess.Popen(
        serve_command(port),
        cwd=ROOT,
        stdout=out,
        stderr=subprocess.STDOUT,
        env=_env({"CCHC_DATABASE_URL": db_url, "CCHC_API_PORT": str(port)}),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{base}/login", timeout, proc)
        yield proc, base
    finally:
        stop(proc)
        if log:
            out.close()  # type: ignore[union-attr]


def start_group(cmd: list[str], env: dict[str, str], log: Path | None = None) -> subprocess.Popen:
    """Start a child in its own process group (so it and whatever it spawns stop together)."""
    out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115  (the child holds it)
    return subprocess.Popen(
        cmd, cwd=ROOT, env=_env(env), stdout=out, stderr=subprocess.STDOUT, start_new_session=True
    )


def kill_group(proc: subprocess.Popen, sig: int = signal.SIGKILL, wait: float = 10.0) -> None:
    """Signal the process group we started with `start_group` (by its id), then reap the child."""
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=wait)


@contextmanager
def prefect_server(home: Path, timeout: float = 120.0) -> Iterator[str]:
    """Run `prefect server start` (SQLite under `home`, no UI); yield its API URL."""
    with prefect_server_proc(home, timeout) as (_proc, api):
        yield api


@contextmanager
def prefect_server_proc(
    home: Path, timeout: float = 120.0
) -> Iterator[tuple[subprocess.Popen, str]]:
    """Run `prefect server start` (SQLite under `home`, no UI); yield (process, API URL)."""
    port = free_port()
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_UI_ENABLED": "false",
        "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "200",
        "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE": "100",
    }
    prefect = str(Path(sys.executable).parent / "prefect")
    proc = start_group(
        [
            prefect,
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-ui",
            "--analytics-off",
        ],
        env,
        log=home / "server.log",
    )
    api = f"http://127.0.0.1:{port}/api"
    try:
        wait_http(f"{api}/health", timeout, proc)
        yield proc, api
    finally:
        kill_group(proc, signal.SIGTERM)
