"""Run every benchmark at one scale and record the figures in bench/RESULTS.md.

    python -m bench.run [--scale small|province|national] [--only 1,3] [--no-write]

Generates the data set once into a private PostgreSQL database (cchc_bench_<pid>, dropped at
the end, even on failure), then runs each bench as its own process (so peak memory is its own).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Figure, machine, peak_rss_mb, print_table
from bench.results_md import write_section

HERE = Path(__file__).resolve().parent
# Per scale: which shapes to generate, and each bench's arguments.
PLANS: dict[str, dict] = {
    "small": {
        "shapes": ("pre-2025", "two-tier"),
        "args": {
            1: ["--flows", "2"],
            2: [],
            3: ["--messages", "1500"],
            4: [],
            5: ["--units", "12000", "--seconds", "15"],
            6: [],
            7: ["--requests", "20"],
            8: [],
        },
    },
    "province": {
        "shapes": ("pre-2025", "two-tier"),
        "args": {
            1: ["--flows", "2"],
            2: [],
            3: ["--messages", "3000"],
            4: [],
            5: ["--units", "12000", "--seconds", "20"],
            6: [],
            7: ["--requests", "30"],
            8: [],
        },
    },
    "national": {
        "shapes": ("pre-2025",),
        "args": {
            1: ["--flows", "12"],
            2: [],
            3: ["--messages", "5000"],
            4: ["--one-campaign"],
            5: ["--units", "12000", "--seconds", "30"],
            6: [],
            7: ["--requests", "50", "--seconds", "20"],
            8: ["--campaigns", "12"],
        },
    },
}
MODULES = {
    1: "b1_tick",
    2: "b2_reminders",
    3: "b3_delivery",
    4: "b4_ranking",
    5: "b5_dashboard",
    6: "b6_demo",
    7: "b7_campaign_page",
    8: "b8_capacity",
}
TIMEOUT = 3600.0


def generate_into(url: str, scale: str, shapes: tuple[str, ...]) -> list[Figure]:
    """Generate the data set and return its figures (time, rows/s, peak memory)."""
    from bench.generate import generate
    from cchc.db import make_engine

    engine = make_engine(url)
    done = generate(engine, scale=scale, shapes=shapes)
    engine.dispose()
    rows = sum(done.rows.values())
    note = (
        f"{done.units:,} units, {len(done.campaigns)} campaigns, {done.leaf_scores:,} leaf "
        f"scores, {rows:,} rows in all ({', '.join(shapes)})"
    )
    return [
        Figure(
            "generate", "generate (COPY on PostgreSQL)", rows / done.seconds, "rows/s", note=note
        ),
        Figure("generate", "peak RSS (generator)", peak_rss_mb(), "MiB", note="getrusage"),
    ]


def run_bench(number: int, url: str, args: list[str], out: Path) -> list[Figure]:
    """Run one bench as a child process; a failure becomes a figure that says so."""
    cmd = [sys.executable, "-m", f"bench.{MODULES[number]}", "--db", url, "--json", str(out), *args]
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, cwd=HERE.parent, timeout=TIMEOUT, check=False)
        code = done.returncode
    except subprocess.TimeoutExpired:
        code = -1
    if code != 0:
        return [
            Figure(
                MODULES[number],
                "bench failed",
                time.perf_counter() - start,
                "s",
                met=False,
                note=f"exit {code}: {' '.join(cmd[2:])}",
            )
        ]
    return []


def read_figures(path: Path) -> list[Figure]:
    """Figures the benches appended as JSON lines."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        data.pop("ratio", None)
        out.append(Figure(**data))
    return out


def main(argv: list[str] | None = None) -> None:
    """Command line."""
    from bench.pgdb import private_database, server_version

    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--scale", choices=sorted(PLANS), default="small")
    parser.add_argument("--only", default="1,2,3,4,5,6", help="bench numbers, e.g. 1,4")
    parser.add_argument("--no-write", action="store_true", help="do not update bench/RESULTS.md")
    args = parser.parse_args(argv)
    plan = PLANS[args.scale]
    chosen = [int(n) for n in args.only.split(",")]
    started = datetime.now(UTC)
    info = machine() | {
        "postgresql": server_version(),
        "scale": args.scale,
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
    }
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp, private_database() as (_, url):
        figures += generate_into(url, args.scale, plan["shapes"])
        out = Path(tmp) / "figures.jsonl"
        for number in chosen:
            figures += run_bench(number, url, plan["args"][number], out)
        figures += read_figures(out)
    info["wall"] = f"{(datetime.now(UTC) - started).total_seconds():.0f} s"
    print_table(f"All benches, scale {args.scale}", figures)
    if not args.no_write:
        write_section(HERE / "RESULTS.md", args.scale, info, figures)


if __name__ == "__main__":
    main()
