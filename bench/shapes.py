"""The two national shapes of local government and the scales the benchmarks run at."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Shape:
    """A country's local government: totals over every province."""

    name: str
    tiers: int
    provinces: int
    departments: int
    districts: int
    communes: int


@dataclass(frozen=True)
class Scale:
    """How much of a shape to build, and how big each criteria set is."""

    name: str
    provinces: int | None  # None: every province of the shape
    units_per_province: int | None = None  # None: the shape's own average
    leaves: int = 100  # leaves per criteria set (self + survey)
    survey_leaves: int = 12


SHAPES = {
    # Before 1 July 2025: 63 provinces, districts, communes (≈ 12,000 scored units).
    "pre-2025": Shape("pre-2025", 3, 63, 1_300, 700, 10_000),
    # Since 1 July 2025: 34 provinces, no districts, ≈ 3,300 communes, ≈ 25 departments each.
    "two-tier": Shape("two-tier", 2, 34, 850, 0, 3_300),
}

SCALES = {
    "tiny": Scale("tiny", 1, units_per_province=24, leaves=20, survey_leaves=4),  # tests only
    "small": Scale("small", 1),  # one average province
    "province": Scale("province", 1, units_per_province=1_000),  # one large province
    "national": Scale("national", None),  # the whole country
    # One campaign over ≈ 12,000 units (a ministry-wide view): the dashboard's worst case.
    "one-campaign": Scale("one-campaign", 1, units_per_province=12_000),
}


def split(total: int, parts: int, rng: random.Random, spread: float = 0.3) -> list[int]:
    """Split `total` into `parts` positive counts that vary by about ±spread and sum exactly."""
    if parts <= 0:
        return []
    weights = [1 + rng.uniform(-spread, spread) for _ in range(parts)]
    raw = [total * w / sum(weights) for w in weights]
    counts = [max(1, int(r)) if total >= parts else int(r) for r in raw]
    short = total - sum(counts)
    order = sorted(range(parts), key=lambda i: raw[i] - int(raw[i]), reverse=True)
    for i in range(abs(short)):
        counts[order[i % parts]] += 1 if short > 0 else -1
    return counts


@dataclass(frozen=True)
class ProvinceSize:
    """How many units of each kind one generated province has."""

    departments: int
    districts: int
    communes: int

    @property
    def units(self) -> int:
        """Scored units in the province."""
        return self.departments + self.districts + self.communes


def province_sizes(shape: Shape, scale: Scale, rng: random.Random) -> list[ProvinceSize]:
    """Return one size per province to build."""
    n = shape.provinces if scale.provinces is None else scale.provinces
    if scale.provinces is None:
        kinds = [
            split(total, n, rng) for total in (shape.departments, shape.districts, shape.communes)
        ]
        return [ProvinceSize(*counts) for counts in zip(*kinds, strict=True)]
    average = (shape.departments + shape.districts + shape.communes) / shape.provinces
    factor = (scale.units_per_province or average) / average
    size = ProvinceSize(
        departments=max(2, round(min(shape.departments / shape.provinces * factor, 25))),
        districts=round(shape.districts / shape.provinces * factor),
        communes=0,
    )
    communes = max(
        1, (scale.units_per_province or round(average)) - size.departments - size.districts
    )
    return [ProvinceSize(size.departments, size.districts, communes)] * n
