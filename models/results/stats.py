"""Per-block figures as provinces publish them: count, mean, median, min, max, bands, change.

Computed from the published (rounded) indices as Decimals, so the mean of 85,71 and 85,72 is
85,715 → 85,72 exactly as a person with the table computes it, never a float's 85,71499….
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from cchc.wording.numbers import exact
from models.results.read import ResultRow


@dataclass(frozen=True)
class BlockStats:
    """One block's figures, each rounded at the published precision."""

    code: str
    title: str
    count: int
    mean: Decimal | None
    median: Decimal | None
    min: Decimal | None
    max: Decimal | None
    bands: dict[str, int]  # band code → units, in the scheme's order (zeros kept)
    change: Decimal | None  # mean change of the units that have last campaign's index
    compared: int  # how many units that is

    def as_json(self) -> dict[str, object]:
        """Return a JSON-ready dict; decimals as rounded numbers (see models/results/README)."""
        out: dict[str, object] = dict(self.__dict__)
        for key in ("mean", "median", "min", "max", "change"):
            value = out[key]
            out[key] = None if value is None else float(value)  # type: ignore[arg-type]
        return out


def _q(value: Decimal, places: int) -> Decimal:
    """Round a Decimal half-up at `places` (the published precision)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def block_stats(
    code: str, title: str, rows: Sequence[ResultRow], band_codes: Sequence[str], places: int = 2
) -> BlockStats:
    """Return one block's figures over its ranked units (unranked ones are left out)."""
    ranked = [r for r in rows if r.rank is not None] or list(rows)
    values = sorted(exact(r.index_value, places) for r in ranked)
    bands = dict.fromkeys(band_codes, 0)
    for r in ranked:
        if r.band is not None:
            bands[r.band] = bands.get(r.band, 0) + 1
    changes = [exact(r.change, places) for r in ranked if r.change is not None]
    return BlockStats(
        code=code,
        title=title,
        count=len(values),
        mean=_q(sum(values, Decimal(0)) / len(values), places) if values else None,
        median=_q(Decimal(median(values)), places) if values else None,
        min=values[0] if values else None,
        max=values[-1] if values else None,
        bands=bands,
        change=_q(sum(changes, Decimal(0)) / len(changes), places) if changes else None,
        compared=len(changes),
    )
