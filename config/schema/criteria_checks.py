"""Rules of a criteria set: hierarchical codes and leaf sums at every level."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from cchc.formula import formula_problems
from cchc.wording import validate as words
from config.schema.base import Loc, Problem

if TYPE_CHECKING:
    from config.schema.criteria import CriteriaSet

EPS = 1e-9


def fill_methods(cs: CriteriaSet) -> None:
    """Give every leaf its effective method (own, criterion's, self) and kind (own, parents')."""
    for field in cs.fields:
        for crit in field.criteria:
            crit.kind = crit.kind or field.kind
            for sub in crit.sub_criteria:
                sub.kind = sub.kind or crit.kind
                sub.method = sub.method or crit.method or "self"
            if crit.sub_criteria and crit.method is None:
                methods = {sub.method for sub in crit.sub_criteria}
                crit.method = methods.pop() if len(methods) == 1 else None
            elif not crit.sub_criteria:
                crit.method = crit.method or "self"


def fill_kinds(cs: CriteriaSet) -> None:
    """Write penalty points positive (checked first): a penalty of 2 deducts up to 2."""
    for field in cs.fields:
        field.max_points = abs(field.max_points)
        for crit in field.criteria:
            crit.max_points = abs(crit.max_points)
            for sub in crit.sub_criteria:
                sub.max_points = abs(sub.max_points)


def check_criteria_set(cs: CriteriaSet) -> list[Problem]:
    """Check codes, methods, steps, kinds, formulas and sums of a whole set."""
    problems = _check_codes(cs)
    sums = {"self": 0.0, "survey": 0.0}
    extra = 0.0  # bonus and penalty points: outside the base maximum
    for i, field in enumerate(cs.fields):
        floc: Loc = ("fields", i)
        problems += _sign_problem(field, floc)
        field_leaves: list[Any] = []
        for j, crit in enumerate(field.criteria):
            cloc: Loc = (*floc, "criteria", j)
            problems += _sign_problem(crit, cloc)
            if crit.sub_criteria:
                problems += _check_parent(crit, cloc)
            else:
                problems += _check_leaf(crit, cloc)
            # a criterion without sub-criteria is its own leaf
            field_leaves += [*crit.sub_criteria] if crit.sub_criteria else [crit]
        problems += _parent_sum((*floc, "max_points"), field, field_leaves)
        for leaf in field_leaves:
            if leaf.kind:
                extra += abs(leaf.max_points)
            else:
                sums[leaf.method or "self"] += leaf.max_points
    problems += _sum_problem(("self_total",), sums["self"], cs.self_total, extra)
    problems += _sum_problem(("survey_total",), sums["survey"], cs.survey_total)
    problems += _sum_problem(("total",), sums["self"] + sums["survey"], cs.total, extra)
    if bool(cs.applies_to.rank_groups) == bool(cs.applies_to.units):
        problems.append(Problem(("applies_to",), words.EITHER_TARGET))
    return problems


def _check_parent(crit: Any, loc: Loc) -> list[Problem]:
    """Check a criterion that has sub-criteria."""
    out = _parent_sum((*loc, "max_points"), crit, crit.sub_criteria)
    for k, sub in enumerate(crit.sub_criteria):
        sloc: Loc = (*loc, "sub_criteria", k)
        if crit.method is not None and sub.method != crit.method:
            out.append(Problem((*sloc, "method"), words.method_mismatch(sub.method, crit.method)))
        out += _sign_problem(sub, sloc) + _check_leaf(sub, sloc)
    return out


def _parent_sum(loc: Loc, parent: Any, leaves: list[Any]) -> list[Problem]:
    """Check a parent's declared points: its base leaves, or all of a bonus/penalty parent's."""
    if parent.kind:
        return _sum_problem(loc, sum(abs(x.max_points) for x in leaves), abs(parent.max_points))
    base = sum(x.max_points for x in leaves if not x.kind)
    extra = sum(abs(x.max_points) for x in leaves if x.kind)
    return _sum_problem(loc, base, parent.max_points, extra)


def _sign_problem(item: Any, loc: Loc) -> list[Problem]:
    """Refuse negative points anywhere but on a penalty (điểm trừ)."""
    if item.max_points < 0 and item.kind != "penalty":
        return [Problem((*loc, "max_points"), words.NEGATIVE_POINTS)]
    return []


def _check_leaf(leaf: Any, loc: Loc) -> list[Problem]:
    """Check a leaf's steps, its kind and not-applicable flag, and its formula."""
    out = _extension_problems(leaf, loc)
    if leaf.step is None:
        return out
    steps = abs(leaf.max_points) / leaf.step
    if abs(steps - round(steps)) > EPS:
        msg = words.not_multiple_of_step(leaf.max_points, leaf.step)
        return [*out, Problem((*loc, "step"), msg)]
    return out


def _extension_problems(leaf: Any, loc: Loc) -> list[Problem]:
    """Refuse survey bonus/penalty, N/A on bonus/penalty or survey items, bad formulas."""
    out: list[Problem] = []
    if leaf.kind and leaf.method == "survey":
        out.append(Problem((*loc, "kind"), words.extension_not_survey(leaf.kind)))
    if leaf.allow_not_applicable and (leaf.kind or leaf.method == "survey"):
        msg = words.not_applicable_refused(leaf.kind or "survey")
        out.append(Problem((*loc, "allow_not_applicable"), msg))
    if leaf.formula is None:
        return out
    floc: Loc = (*loc, "formula")
    if leaf.method == "survey" or leaf.kind == "penalty":
        out.append(Problem(floc, words.formula_for_self_only(leaf.kind or "survey")))
    if leaf.formula.rule == "proportional" and leaf.step is not None:
        out.append(Problem((*loc, "step"), words.PROPORTIONAL_STEP))
    rule = leaf.formula.model_dump()
    out += [Problem(floc, msg) for msg in formula_problems(rule, abs(leaf.max_points))]
    return out


def _sum_problem(loc: Loc, actual: float, declared: float, extra: float = 0.0) -> list[Problem]:
    """Report a declared total that the leaves do not add up to (`extra`: bonus/penalty)."""
    if abs(actual - declared) <= EPS:
        return []
    counted = declared - actual  # part of the bonus/penalty points counted in the maximum
    if extra > EPS and EPS < counted <= extra + EPS:
        return [Problem(loc, words.extra_outside_base(actual, declared, counted))]
    return [Problem(loc, words.sum_differs(actual, declared))]


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
        out.append(Problem(loc, words.duplicate_item(code)))
    if parent and (not code.startswith(parent + ".") or code.count(".") != parent.count(".") + 1):
        out.append(Problem(loc, words.code_not_under_parent(code, parent)))
    elif not parent and "." in code:
        out.append(Problem(loc, words.field_code_dotted(code)))
    return out
