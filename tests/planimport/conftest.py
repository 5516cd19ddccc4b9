"""Paths to the seed documents and the importer's own test documents."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = (Path(__file__).parents[2] / "../shared/seeds").resolve()
DATA = Path(__file__).parent / "data"


def seed(prefix: str) -> Path:
    """Return the seed file whose name starts with `prefix` ("004")."""
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    assert found, f"seed {prefix} missing under {SEEDS}"
    return found[0]


@pytest.fixture
def seeds_dir() -> Path:
    """The seeds folder (fails, never skips, when it is missing)."""
    assert SEEDS.is_dir(), f"seeds not found at {SEEDS}"
    return SEEDS
