"""Write one scale's figures into bench/RESULTS.md between markers, keeping the rest of it."""

from __future__ import annotations

import re
from pathlib import Path

from bench.common import Figure, fmt

HEADER = "# Benchmark results\n\nWritten by `python -m bench.run` (`make bench`); notes by hand.\n"


def _row(f: Figure) -> str:
    """One figure as a Markdown table row."""
    met = "" if f.met is None else ("yes" if f.met else "**no**")
    base = f"{f.baseline}: {fmt(f.baseline_value)}" if f.baseline else ""
    ratio = f"{f.ratio:.2f}x" if f.ratio is not None else ""
    note = f.note.replace("|", "/")
    cells = [f.bench, f.figure, f"{fmt(f.value)} {f.unit}", base, ratio, f.target, met, note]
    return "| " + " | ".join(cells) + " |"


def section(scale: str, info: dict[str, str], figures: list[Figure]) -> str:
    """The Markdown section of one run."""
    machine = ", ".join(f"{k} {v}" for k, v in info.items() if k not in ("scale", "date"))
    lines = [
        f"<!-- scale:{scale} -->",
        f"## Scale `{scale}` — {info.get('date', '')}",
        "",
        f"Machine: {machine}.",
        "",
        "| bench | figure | value | baseline (same run) | ratio | target | met | note |",
        "|---|---|---|---|---|---|---|---|",
        *(_row(f) for f in figures),
        f"<!-- /scale:{scale} -->",
    ]
    return "\n".join(lines) + "\n"


def write_section(path: Path, scale: str, info: dict[str, str], figures: list[Figure]) -> None:
    """Replace (or append) the section of `scale` in the results file."""
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    new = section(scale, info, figures)
    pattern = re.compile(
        rf"<!-- scale:{re.escape(scale)} -->.*?<!-- /scale:{re.escape(scale)} -->\n", re.S
    )
    text = (
        pattern.sub(lambda _: new, text)
        if pattern.search(text)
        else text.rstrip("\n") + "\n\n" + new
    )
    path.write_text(text, encoding="utf-8")
