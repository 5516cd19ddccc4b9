"""Scores of formula leaves from the figure a unit or an agency supplies (cchc.formula)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cchc.errors import ScoreError
from cchc.formula import figure_problem, formula_points
from cchc.wording import extensions as say
from models.catalog.criteria import CriteriaItem

EPS = 1e-9


def figure_scores(
    items: Mapping[str, CriteriaItem], scores: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, float]]:
    """Turn entries carrying a "figure" into their computed score; return (scores, figures).

    A figure for an item without a formula, a figure out of the rule's range and a score that
    contradicts its figure are refused (every problem at once, each naming its code).
    """
    out: dict[str, Any] = dict(scores)
    figures: dict[str, float] = {}
    problems: list[str] = []
    for code, entry in scores.items():
        if not isinstance(entry, Mapping) or entry.get("figure") is None:
            continue
        item = items.get(code)
        if item is None or not item.formula:
            problems.append(say.not_formula(code))
            continue
        points, problem = _points(item, code, entry)
        if problem:
            problems.append(problem)
            continue
        out[code] = {**entry, "score": points}
        out[code].pop("figure", None)
        figures[code] = float(entry["figure"])
    if problems:
        raise ScoreError(problems[0], problems=problems)
    return out, figures


def _points(item: CriteriaItem, code: str, entry: Mapping[str, Any]) -> tuple[float, str | None]:
    """Return the figure's points, or a problem naming the code."""
    rule = item.formula or {}
    problem = figure_problem(rule, entry["figure"])
    if problem:
        return 0.0, f"{code}: {problem}"
    points = formula_points(rule, item.max_points, entry["figure"])
    given = entry.get("score")
    if isinstance(given, int | float) and abs(given - points) > EPS:
        return points, say.score_differs(code, given, points)
    return points, None


def figure_points(item: CriteriaItem, code: str, figure: float) -> float:
    """Return the points a formula leaf's figure gives, or refuse (ScoreError)."""
    scores, _figures = figure_scores({code: item}, {code: {"figure": figure}})
    return float(scores[code]["score"])
