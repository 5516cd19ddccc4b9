"""Rules of a criteria set: hierarchical codes and leaf sums at every level."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from config.schema.base import Loc, Problem, fmt_num

if TYPE_CHECKING:
    from config.schema.criteria import CriteriaSet

EPS = 1e-9


def fill_methods(cs: CriteriaSet) -> None:
    """Give every leaf its effective method: its own, else its criterion's, else self."""
    for field in cs.fields:
        for crit in field.criteria:
            for sub in crit.sub_criteria:
                sub.method = sub.method or crit.method or "self"
            if crit.sub_criteria and crit.method is None:
                methods = {sub.method for sub in crit.sub_criteria}
                crit.method = methods.pop() if len(methods) == 1 else None
            elif not crit.sub_criteria:
                crit.method = crit.method or "self"


def check_criteria_set(cs: CriteriaSet) -> list[Problem]:
    """Check codes, methods, steps and sums of a whole set."""
    problems = _check_codes(cs)
    sums = {"self": 0.0, "survey": 0.0}
    for i, field in enumerate(cs.fields):
        floc: Loc = ("fields", i)
        field_sum = 0.0
        for j, crit in enumerate(field.criteria):
            cloc: Loc = (*floc, "criteria", j)
            if crit.sub_criteria:
                problems += _check_parent(crit, cloc)
            else:
                problems += _check_leaf(crit, cloc)
            # a criterion without sub-criteria is its own leaf
            leaves: list[Any] = [*crit.sub_criteria] if crit.sub_criteria else [crit]
            for leaf in leaves:
                sums[leaf.method or "self"] += leaf.max_points
                field_sum += leaf.max_points
        problems += _sum_problem((*floc, "max_points"), field_sum, field.max_points)
    problems += _sum_problem(("self_total",), sums["self"], cs.self_total)
    problems += _sum_problem(("survey_total",), sums["survey"], cs.survey_total)
    problems += _sum_problem(("total",), sums["self"] + sums["survey"], cs.total)
    if bool(cs.applies_to.rank_groups) == bool(cs.applies_to.units):
        problems.append(Problem(("applies_to",), "give either rank_groups or units"))
    return problems


def _check_parent(crit: Any, loc: Loc) -> list[Problem]:
    """Check a criterion that has sub-criteria."""
    out = _sum_problem(
        (*loc, "max_points"), sum(s.max_points for s in crit.sub_criteria), crit.max_points
    )
    for k, sub in enumerate(crit.sub_criteria):
        sloc: Loc = (*loc, "sub_criteria", k)
        if crit.method is not None and sub.method != crit.method:
            out.append(
                Problem((*sloc, "method"), f"{sub.method} leaf under a {crit.method} criterion")
            )
        out += _check_leaf(sub, sloc)
    return out


def _check_leaf(leaf: Any, loc: Loc) -> list[Problem]:
    """Check that a leaf's max points are a whole number of steps."""
    if leaf.step is None:
        return []
    steps = leaf.max_points / leaf.step
    if abs(steps - round(steps)) > EPS:
        msg = (
            f"max points {fmt_num(leaf.max_points)} is not a multiple of step {fmt_num(leaf.step)}"
        )
        return [Problem((*loc, "step"), msg)]
    return []


def _sum_problem(loc: Loc, actual: float, declared: float) -> list[Problem]:
    """Report a declared total that the leaves do not add up to."""
    if abs(actual - declared) <= EPS:
        return []
    return [Problem(loc, f"leaves sum to {fmt_num(actual)}, declared {fmt_num(declared)}")]


def _check_codes(cs: CriteriaSet) -> list[Problem]:
    """Check that codes are unique and each extends its parent's code."""
    seen: Counter[str] = Counter()
    out: list[Problem] = []
    for i, field in enumerate(cs.fields):
        out += _code_problem(("fields", i, "code"), field.code, "", seen)
        for j, crit in enumerate(field.criteria):
            cloc: Loc = ("fields", i, "criteria", j)
            out += _code_problem((*cloc, "code"), crit.code, field.code, seen)
            for k, sub in enumerate(crit.sub_criteria):
                out += _code_problem((*cloc, "sub_criteria", k, "code"), sub.code, crit.code, seen)
    return out


def _code_problem(loc: Loc, code: str, parent: str, seen: Counter[str]) -> list[Problem]:
    """Check one code for duplicates and for its parent's prefix."""
    seen[code] += 1
    out: list[Problem] = []
    if seen[code] > 1:
        out.append(Problem(loc, f"duplicate item code {code!r}"))
    if parent and (not code.startswith(parent + ".") or code.count(".") != parent.count(".") + 1):
        out.append(Problem(loc, f"code {code!r} should extend its parent's code {parent!r}"))
    elif not parent and "." in code:
        out.append(Problem(loc, f"field code {code!r} should have no dot"))
    return out
