"""Per-block figures, computed by hand: count, mean, median, min, max, bands, change."""

from __future__ import annotations

import uuid
from decimal import Decimal

from models.results.read import ResultRow
from models.results.stats import block_stats


def _row(index: float, band: str, rank: int | None = 1, change: float | None = None) -> ResultRow:
    return ResultRow(
        unit_id=uuid.uuid4(),
        unit_code="u",
        unit_name="Xã A",
        kind="commune",
        rank_group="commune",
        max_points=100.0,
        self_points=index,
        appraised_points=index,
        survey_points=0.0,
        achieved_points=index,
        index_value=index,
        rank=rank,
        tied=False,
        band=band,
        frozen=False,
        change=change,
    )


def test_block_figures_match_a_hand_computation() -> None:
    """Indices 92,18 / 85,715 (→ 85,72) / 81,4 / 76,05 / 69,99 and one unranked (left out).

    mean = (92,18 + 85,72 + 81,40 + 76,05 + 69,99) / 5 = 405,34 / 5 = 81,068 → 81,07
    median = 81,40; min 69,99; max 92,18; bands A 1, B 2, C 1, D 1.
    change: (+1,50 − 0,25 + 2,005 → 2,01) / 3 = 3,26 / 3 = 1,0866… → 1,09 (3 units compared).
    """
    rows = [
        _row(92.18, "A", change=1.5),
        _row(85.715, "B", change=-0.25),
        _row(81.4, "B", change=2.005),
        _row(76.05, "C"),
        _row(69.99, "D"),
        _row(50.0, "D", rank=None),
    ]
    stats = block_stats("commune", "UBND các xã", rows, ["A", "B", "C", "D"])
    assert (stats.count, stats.mean, stats.median, stats.min, stats.max) == (
        5,
        Decimal("81.07"),
        Decimal("81.40"),
        Decimal("69.99"),
        Decimal("92.18"),
    )
    assert stats.bands == {"A": 1, "B": 2, "C": 1, "D": 1}
    assert (stats.change, stats.compared) == (Decimal("1.09"), 3)
    assert stats.as_json()["mean"] == 81.07


def test_an_even_block_takes_the_mean_of_its_middle_pair() -> None:
    stats = block_stats("x", "x", [_row(v, "A") for v in (90.0, 80.01, 80.0, 70.0)], ["A"])
    assert (stats.median, stats.mean, stats.change) == (Decimal("80.01"), Decimal("80.00"), None)
