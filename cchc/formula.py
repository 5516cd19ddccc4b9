"""Points of a formula item from its figure: by brackets or proportionally (pure, one place).

A criteria leaf may be scored from a figure the unit or the agency supplies (e.g. the % of
administrative procedures handled on time). The rule is stored as a plain dict (criteria YAML
`formula:`, the item's `formula` column):

    {"figure": "Tỷ lệ % hồ sơ đúng hạn", "min": 0, "max": 100, "rule": "brackets",
     "brackets": [{"min": 95, "max": 100, "points": 2}, {"min": 80, "max": 95, "points": 1}, …]}

A bracket holds min <= figure < max; the bracket ending at the figure's `max` also holds max
itself, unless a bracket with min = max = the figure's `max` ("đạt 100%") holds it alone.
`proportional` gives max_points × (figure − min) / (max − min), rounded half-up to
hundredths. Validation (`formula_problems`) and scoring (`formula_points`) both read it here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cchc.wording import extensions as say
from cchc.wording import validate as words

EPS = 1e-9
RULES = ("proportional", "brackets")


def formula_problems(rule: Mapping[str, Any], max_points: float) -> list[str]:
    """Return what is wrong with a formula rule for a leaf of `max_points` (Vietnamese lines)."""
    low, high = float(rule.get("min", 0)), float(rule.get("max", 100))
    if not high > low:
        return [words.range_empty(low, high)]
    if rule.get("rule") not in RULES:
        return [words.rule_unknown(RULES)]
    if rule["rule"] == "proportional":
        return [words.PROPORTIONAL_NO_BRACKETS] if rule.get("brackets") else []
    return _bracket_problems(_brackets(rule), low, high, max_points)


def _brackets(rule: Mapping[str, Any]) -> list[tuple[float, float, float]]:
    """Return the brackets as (min, max, points), lowest first."""
    rows = [
        (float(b["min"]), float(b["max"]), float(b["points"])) for b in rule.get("brackets", [])
    ]
    return sorted(rows)


def _bracket_problems(
    rows: list[tuple[float, float, float]], low: float, high: float, max_points: float
) -> list[str]:
    """Refuse empty, out-of-range, overlapping or gapped brackets and points above the max."""
    if not rows:
        return [words.BRACKETS_NEEDED]
    out: list[str] = []
    edge = low
    for b_low, b_high, points in rows:
        if not b_high > b_low and not abs(b_low - high) < EPS:  # "đạt 100%": max exactly
            out.append(words.bracket_empty(b_low, b_high))
        if b_low < edge - EPS:
            out.append(words.bracket_overlaps(b_low, b_high, edge))
        elif b_low > edge + EPS:
            out.append(words.bracket_gap(edge, b_low))
        if points < -EPS or points > max_points + EPS:
            out.append(words.bracket_points(b_low, b_high, points, max_points))
        edge = max(edge, b_high)
    if abs(edge - high) > EPS:
        out.append(words.brackets_end(edge, high))
    return out


def figure_problem(rule: Mapping[str, Any], figure: object) -> str | None:
    """Return why `figure` is not a figure this rule takes (Vietnamese), or None."""
    low, high = float(rule.get("min", 0)), float(rule.get("max", 100))
    if isinstance(figure, bool) or not isinstance(figure, int | float) or not math.isfinite(figure):
        return say.figure_not_number(figure)
    if figure < low - EPS or figure > high + EPS:
        return say.figure_out_of_range(figure, low, high)
    return None


def formula_points(rule: Mapping[str, Any], max_points: float, figure: float) -> float:
    """Return the points the rule gives `figure` (checked first with `figure_problem`)."""
    problem = figure_problem(rule, figure)
    if problem:
        raise ValueError(problem)
    low, high = float(rule.get("min", 0)), float(rule.get("max", 100))
    if rule.get("rule") == "proportional":
        span = Decimal(repr(high)) - Decimal(repr(low))
        exact = Decimal(repr(max_points)) * (Decimal(repr(figure)) - Decimal(repr(low))) / span
        return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    rows = _brackets(rule)
    for b_low, b_high, points in rows:
        if b_low - EPS <= figure < b_high - EPS:
            return points
    return rows[-1][2]  # figure == max: the top bracket holds it
