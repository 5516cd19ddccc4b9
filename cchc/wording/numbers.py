"""Vietnamese numbers for reports, CLI and dashboard: 92,18 and 1.234,50; ranks 2 / 2=."""

from __future__ import annotations

import math
from decimal import Decimal

DASH = "–"  # what the dashboard shows for a missing value, where reports leave the cell empty


def scaled(value: float, places: int = 2) -> int:
    """Round half-up (away from zero) to a count of 10**-places, as the ranking SQL does."""
    value = float(value)  # a Decimal from the block figures is already rounded: exact in float
    sign = -1 if value < 0 else 1
    # A tiny epsilon makes 92.17499999 (binary noise for 92.175) round like the decimal does.
    return sign * math.floor(abs(value) * 10**places + 0.5 + 1e-7)


def exact(value: float, places: int = 2) -> Decimal:
    """Return `value` rounded half-up at `places` as a Decimal: exact(94.14999999999999, 1) == 94.2.

    Stored values are binary floats; rounding them once here, as the ranking SQL does, is what
    every output (JSON, XLSX, HTML) shows, so 0.1 + 0.2 is 0.30 and 94.15 rounds like 94.15.
    """
    return Decimal(scaled(value, places)).scaleb(-places)


def rounded(value: float | None, places: int = 2) -> float | None:
    """Return the nearest float to exact(value): its repr is the rounded decimal (61.25)."""
    return None if value is None else float(exact(value, places))


def hundredths(value: float) -> int:
    """Round half-up to an integer count of hundredths."""
    return scaled(value, 2)


def fmt_vn(value: float | None, places: int = 2) -> str:
    """Write a number the Vietnamese way: fmt_vn(92.175) == "92,18"; thousands with dots."""
    if value is None:
        return ""
    units = scaled(value, places)
    whole, part = divmod(abs(units), 10**places)
    text = f"{whole:,}".replace(",", ".") + (f",{part:0{places}d}" if places > 0 else "")
    return ("-" if units < 0 else "") + text


def number(value: float | None, places: int = 2) -> str:
    """Write a number as fmt_vn does, or a dash when missing (the dashboard's cells)."""
    return DASH if value is None else fmt_vn(value, places)


def fmt_points(value: float | None) -> str:
    """Write points without trailing zeros: 2 / 1,5 / 0,25 (empty for None)."""
    if value is None:
        return ""
    return f"{round(value, 4):g}".replace(".", ",")


def fmt_change(value: float | None) -> str:
    """Write a year-over-year change with its sign: +1,25 / -0,50 / empty."""
    if value is None:
        return ""
    return ("+" if hundredths(value) > 0 else "") + fmt_vn(value)


def fmt_rank(rank: int | None, tied: bool) -> str:
    """Write a rank, marking a shared one: 2 / 2= / empty."""
    return "" if rank is None else f"{rank}{'=' if tied else ''}"
