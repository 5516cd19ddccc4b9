"""Read points ("1,5", "0.25 điểm") and steps ("Bước 0,25") written in table cells."""

from __future__ import annotations

import re

from planimport.text import fold_clean

_NUMBER = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(?:diem|đ)?\s*$")
_STEP = re.compile(r"\bbuoc\s*:?\s*(\d+(?:[.,]\d+)?)")


def read_points(text: str) -> float | None:
    """Return the number a points cell holds, or None."""
    found = _NUMBER.match(fold_clean(text))
    return float(found.group(1).replace(",", ".")) if found else None


def read_step(*texts: str) -> float | None:
    """Return the scoring step named in any of `texts` ("Bước 0,25"), or None."""
    for text in texts:
        found = _STEP.search(fold_clean(text))
        if found:
            return float(found.group(1).replace(",", "."))
    return None


def fmt(value: float) -> str:
    """Write points the Vietnamese way: 1,5 and 10."""
    return f"{value:g}".replace(".", ",")


def tidy(value: float) -> float | int:
    """Return a whole number as int, so the YAML reads 10 and not 10.0."""
    value = round(value, 6)
    return int(value) if value.is_integer() else value
