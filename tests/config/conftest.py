"""Fixtures for config tests: the repo's config folder and a writable copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "config"


@pytest.fixture
def config_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copy the YAML config to tmp_path/config and work from tmp_path (labels read config/...)."""
    dest = tmp_path / "config"
    shutil.copytree(CONFIG, dest, ignore=shutil.ignore_patterns("*.py", "__pycache__", "tools"))
    monkeypatch.chdir(tmp_path)
    return dest


def line_of(path: Path, needle: str, after: str | None = None) -> int:
    """Return the 1-based line of the first `needle` (after the first `after`, if given)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, text in enumerate(lines) if after in text) if after else 0
    return next(i for i in range(start, len(lines)) if needle in lines[i]) + 1


def edit(path: Path, line: int, old: str, new: str) -> None:
    """Replace `old` by `new` on one 1-based line of a file."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")
