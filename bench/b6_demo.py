"""Bench 6: `make demo` wall time, against a bare Prefect start (a 1-task flow, ephemeral API).

Both run as fresh processes with a private PREFECT_HOME and CCHC_VAR_DIR, so the demo never
touches the repository's var/ and each starts Prefect cold, as `make demo` on a fresh clone does.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Figure, emit, memory_figure, print_table
from bench.procs import ROOT

TARGET = 60.0
TIMEOUT = 600.0
BARE_FLOW = """
from prefect import flow, task
@task
def one() -> int:
    return 1
@flow
def bare() -> int:
    return one()
bare()
"""


def _run(cmd: list[str], home: Path) -> tuple[float, int, str, float]:
    """Run cmd in a fresh environment; return wall seconds, exit code, output tail, peak RSS MiB."""
    env = dict(
        os.environ,
        PREFECT_HOME=str(home / "prefect"),
        CCHC_VAR_DIR=str(home / "var"),
        DO_NOT_TRACK="1",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
        # As `cchc demo` sets it: the temporary server can take over Prefect's default 20 s.
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120",
    )
    env.pop("CCHC_DATABASE_URL", None)  # the demo runs on its embedded SQLite default
    before = _children_rss()
    start = time.perf_counter()
    done = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    wall = time.perf_counter() - start
    tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
    return wall, done.returncode, " | ".join(tail), max(before, _children_rss())


def _children_rss() -> float:
    """Largest peak RSS of any waited-for child so far, in MiB (getrusage RUSAGE_CHILDREN)."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def measure(command: list[str] | None = None, baseline: list[str] | None = None) -> list[Figure]:
    """Time `make demo`, then the bare flow (either can be replaced, for the smoke test)."""
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        demo, rc, tail, rss = _run(command or ["make", "--no-print-directory", "demo"], Path(b))
        bare, bare_rc, bare_tail, _ = _run(baseline or [sys.executable, "-c", BARE_FLOW], Path(a))
    ok = rc == 0 and bare_rc == 0
    note = f"make demo exit {rc}: {tail}" if rc else "make demo exit 0"
    if bare_rc:
        note += f"; bare flow exit {bare_rc}: {bare_tail}"
    return [
        Figure(
            "demo",
            "make demo (installed venv)",
            demo,
            "s",
            "fresh process, 1-task flow, ephemeral Prefect API",
            bare,
            f"<= {TARGET:.0f} s",
            ok and demo <= TARGET,
            note,
        ),
        Figure(
            "demo",
            "peak RSS (make demo)",
            rss,
            "MiB",
            note="getrusage RUSAGE_CHILDREN ru_maxrss right after the demo (its largest process)",
        ),
    ]


def main(argv: list[str] | None = None) -> None:
    """Command line: run the bench and print its table."""
    parser = argparse.ArgumentParser(prog="python -m bench.b6_demo")
    parser.add_argument("--json", default=None)
    parser.add_argument("--db", default=None, help="unused: the demo runs on its own SQLite file")
    parser.add_argument("--command", default=None, help="instead of `make demo` (a shell line)")
    parser.add_argument("--baseline-command", default=None, help="instead of the bare flow")
    args = parser.parse_args(argv)
    figures = measure(
        *(shlex.split(c) if c else None for c in (args.command, args.baseline_command))
    )
    figures.append(memory_figure("demo", "bench process"))
    print_table("Bench 6: make demo", figures)
    emit(figures, args.json)


if __name__ == "__main__":
    main()
