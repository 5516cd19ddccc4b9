"""Reports, CLI and dashboard write numbers alike: half-up on decimal hundredths, comma."""

from __future__ import annotations

import pytest

from report.format import fmt_vn
from web.fmt import number

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
