"""The capacity bench's arithmetic and CPU accounting (its runs need a server and workers)."""

from __future__ import annotations

import os
import subprocess
import sys

from bench.b8_capacity import _cpu_seconds, _figures


def test_cpu_seconds_count_the_children_a_process_reaped():
    before = _cpu_seconds(os.getpid())
    burn = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"
    subprocess.run([sys.executable, "-c", burn], check=True, timeout=60)
    assert _cpu_seconds(os.getpid()) - before >= 0.25


def test_figures_give_per_worker_rates_against_the_in_process_baseline():
    done = {
        1: {"wall": 60.0, "server_cpu": 12.0, "worker_cpu": 60.0, "completed": 6},
        2: {"wall": 40.0, "server_cpu": 12.0, "worker_cpu": 72.0, "completed": 5},
    }
    figures = {f.figure: f for f in _figures(["a"] * 6, 240, 12.0, done, 30, "1 / 1 / 1")}
    one = figures["campaigns ticked per worker per minute (1 worker(s))"]
    assert (one.value, one.baseline_value, one.met) == (6.0, 30.0, True)
    two = figures["campaigns ticked per worker per minute (2 worker(s))"]
    assert (two.value, two.met) == (4.5, False)  # 9 ticks/min over 2 workers; one run failed
    assert figures["ticks per minute, 2 worker(s)"].value == 9.0
    worker = "ticks per minute one worker machine carries per core (from CPU per tick)"
    assert figures[worker].value == 6.0  # 10 CPU s per tick at best
    server = "ticks per minute one Prefect server carries (per core, from its CPU per tick)"
    assert figures[server].value == 30.0  # 24 CPU s over 12 ticks
