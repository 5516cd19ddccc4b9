"""Reports, CLI and dashboard write numbers alike: half-up on decimal hundredths, comma."""

from __future__ import annotations

import pytest

from cchc.wording.numbers import fmt_change, fmt_points, fmt_rank, fmt_vn, number

CASES = [
    (92.175, "92,18"),
    (84.615, "84,62"),
    (0.125, "0,13"),
    (-0.001, "0,00"),
    (1234.5, "1.234,50"),
]


@pytest.mark.parametrize(("value", "text"), CASES)
def test_report_and_dashboard_round_half_up_alike(value: float, text: str) -> None:
    assert fmt_vn(value) == text
    assert number(value) == text


def test_other_places_round_half_up_too() -> None:
    assert (fmt_vn(2.5, 0), fmt_vn(0.05, 1), number(84.6155, 3), number(None)) == (
        "3",
        "0,1",
        "84,616",
        "–",
    )


def test_points_changes_and_ranks_are_written_the_vietnamese_way() -> None:
    assert [fmt_points(v) for v in (2.0, 1.5, 0.25, None)] == ["2", "1,5", "0,25", ""]
    assert [fmt_change(v) for v in (1.25, -0.5, 0.001, None)] == ["+1,25", "-0,50", "0,00", ""]
    assert (fmt_rank(2, False), fmt_rank(2, True), fmt_rank(None, False)) == ("2", "2=", "")
    assert (fmt_vn(-1234567.891), fmt_vn(None)) == ("-1.234.567,89", "")
