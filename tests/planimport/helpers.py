"""Small readers over an ImportResult, so tests state what they expect in one line."""

from __future__ import annotations

from datetime import date
from typing import Any

from planimport import ImportResult


def stages(result: ImportResult) -> list[dict[str, Any]]:
    """Return the imported stages."""
    return list(result.plan["stages"])


def window(stage: dict[str, Any]) -> tuple[date, date]:
    """Return (opens, due) of a stage."""
    return stage["window"]["opens"], stage["window"]["due"]


def by_deadline(result: ImportResult, text: str) -> dict[str, Any]:
    """Return the one stage whose deadline wording contains `text`."""
    found = [s for s in stages(result) if text in (s.get("deadline") or "")]
    assert len(found) == 1, [s.get("deadline") for s in stages(result)]
    return found[0]
