"""What every benchmark shares: figures with their baseline, the table, peak memory, the machine."""

from __future__ import annotations

import json
import os
import platform
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

# Prefect and friends read these at import time; the benches must never phone home.
for _key, _value in {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "200",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE": "100",
}.items():
    os.environ.setdefault(_key, _value)


@dataclass
class Figure:
    """One measured figure next to its baseline from the same run."""

    bench: str
    figure: str
    value: float
    unit: str
    baseline: str = ""
    baseline_value: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """value / baseline (None without a baseline)."""
        if not self.baseline_value:
            return None
        return self.value / self.baseline_value


def fmt(value: float | None) -> str:
    """Show a figure with a sensible number of digits."""
    if value is None:
        return "–"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if abs(value) < 10 else f"{value:.1f}"


def print_table(title: str, figures: list[Figure]) -> None:
    """Print the figures as a table on the terminal."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for column in ("figure", "value", "baseline", "ratio", "target", "met"):
        table.add_column(column, justify="right" if column in ("value", "ratio") else "left")
    for f in figures:
        met = "" if f.met is None else ("yes" if f.met else "NO")
        table.add_row(
            f.figure,
            f"{fmt(f.value)} {f.unit}",
            f"{f.baseline} = {fmt(f.baseline_value)}" if f.baseline else "",
            fmt(f.ratio),
            f.target,
            met,
        )
    console = Console(width=160)
    console.print(table)
    for f in figures:
        if f.note:
            console.print(f"  [dim]{f.figure}: {f.note}[/dim]")


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (getrusage ru_maxrss, KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process_peak_rss_mb(pid: int) -> float | None:
    """Peak resident memory (VmHWM) of another live process, in MiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def memory_figure(bench: str, what: str = "this process") -> Figure:
    """The peak memory figure of a bench process."""
    return Figure(bench, f"peak RSS ({what})", peak_rss_mb(), "MiB", note="getrusage ru_maxrss")


@contextmanager
def timed() -> Iterator[Callable[[], float]]:
    """Time a block: `with timed() as t: ...; t()` gives seconds (perf_counter)."""
    start = time.perf_counter()
    end: list[float] = []
    yield lambda: (end[0] if end else time.perf_counter()) - start
    end.append(time.perf_counter())


def best_of(n: int, fn: Callable[[], Any]) -> float:
    """Run fn n times and return the fastest wall time in seconds (noise only adds time)."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def emit(figures: list[Figure], path: str | None) -> None:
    """Append the figures as JSON lines for bench.run to collect."""
    if path:
        with open(path, "a", encoding="utf-8") as out:
            for f in figures:
                out.write(json.dumps({**asdict(f), "ratio": f.ratio}, ensure_ascii=False) + "\n")


def load_average() -> str:
    """The 1, 5 and 15-minute load averages (how busy the shared machine was)."""
    try:
        return " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def machine() -> dict[str, str]:
    """Describe the machine the figures come from."""
    info = {
        "nproc": str(os.cpu_count()),
        "python": platform.python_version(),
        "kernel": platform.release(),
    }
    try:
        cpu = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(
            line.split(":", 1)[1].strip()
            for line in cpu.splitlines()
            if line.startswith("model name")
        )
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        info["ram"] = f"{int(mem) / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    info["load"] = load_average()
    return info
