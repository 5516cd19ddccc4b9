"""Checks that span files: a plan against its units and criteria sets, a set against its units."""

from __future__ import annotations

from cchc.wording import validate as words
from config.refs import UnknownRef, expand, scope_units
from config.schema.base import Loc, Problem
from config.schema.criteria import CriteriaSet
from config.schema.plan import Plan
from config.schema.units import UnitsFile

StageRefs = dict[str, list[str]]  # lead_units, cooperating_units, scope_units


def plan_refs(plan: Plan, units: UnitsFile) -> tuple[list[StageRefs], list[Problem]]:
    """Resolve every stage's lead, cooperating and scope; report what does not resolve."""
    problems: list[Problem] = []
    if plan.province != units.province.code:
        msg = words.units_other_province(plan.units, units.province.code)
        problems.append(Problem(("units",), msg))
    out: list[StageRefs] = []
    for i, stage in enumerate(plan.stages):
        loc: Loc = ("stages", i)
        refs = {
            "lead_units": _expand_list(stage.lead, (*loc, "lead"), stage.code, units, problems),
            "cooperating_units": _expand_list(
                stage.cooperating, (*loc, "cooperating"), stage.code, units, problems
            ),
            "scope_units": [],
        }
        _expand_list(stage.scope.units, (*loc, "scope", "units"), stage.code, units, problems)
        try:
            refs["scope_units"] = scope_units(stage.scope, units)
        except UnknownRef:
            pass  # already reported above
        if not stage.scope.empty and not refs["scope_units"]:
            problems.append(Problem((*loc, "scope"), words.scope_empty(stage.code)))
        out.append(refs)
    return out, problems


def _expand_list(
    refs: list[str], loc: Loc, stage: str, units: UnitsFile, problems: list[Problem]
) -> list[str]:
    """Expand references, reporting each unknown one at its own index."""
    codes: dict[str, None] = {}
    for j, ref in enumerate(refs):
        try:
            codes.update(dict.fromkeys(expand(ref, units)))
        except UnknownRef as exc:
            problems.append(Problem((*loc, j), words.in_stage(stage, str(exc))))
    return list(codes)


def set_refs(cs: CriteriaSet, units: UnitsFile) -> list[Problem]:
    """Check a criteria set's appraisers and targets against its units file."""
    known = units.by_code()
    out: list[Problem] = []
    for i, field in enumerate(cs.fields):
        if field.appraiser != "parent" and field.appraiser not in known:
            out.append(Problem(("fields", i, "appraiser"), words.unknown_unit(field.appraiser)))
    for j, code in enumerate(cs.applies_to.units):
        if code not in known:
            out.append(Problem(("applies_to", "units", j), words.unknown_unit(code)))
    present = {u.rank_group for u in units.units}
    for j, group in enumerate(cs.applies_to.rank_groups):
        if group not in present:
            out.append(Problem(("applies_to", "rank_groups", j), words.rank_group_empty(group)))
    return out


def covered_units(cs: CriteriaSet, units: UnitsFile) -> list[str]:
    """Return the units a criteria set scores."""
    if cs.applies_to.units:
        return list(cs.applies_to.units)
    return [u.code for u in units.units if u.rank_group in cs.applies_to.rank_groups]


def plan_sets(plan: Plan, units: UnitsFile, sets: dict[str, CriteriaSet]) -> list[Problem]:
    """Check the plan's criteria sets: same province and year, no unit scored by two sets."""
    out: list[Problem] = []
    owner: dict[str, str] = {}
    for i, code in enumerate(plan.criteria_sets):
        cs = sets.get(code)
        loc: Loc = ("criteria_sets", i)
        if cs is None:
            continue  # reported by the loader (missing or invalid file)
        if cs.province != plan.province or cs.year != plan.year:
            msg = words.set_other_plan(code, cs.province, cs.year, plan.province, plan.year)
            out.append(Problem(loc, msg))
        clashes: dict[str, list[str]] = {}
        for unit in covered_units(cs, units):
            if unit in owner:
                clashes.setdefault(owner[unit], []).append(unit)
            owner.setdefault(unit, code)
        for other, shared in clashes.items():
            msg = words.scored_twice(len(shared), shared[0], other, code)
            out.append(Problem(loc, msg))
    return out


def plan_coverage(
    plan: Plan, refs: list[StageRefs], units: UnitsFile, sets: dict[str, CriteriaSet]
) -> list[Problem]:
    """Check every unit that must self-assess has a criteria set (when the plan names sets)."""
    if not plan.criteria_sets or len(sets) != len(plan.criteria_sets):
        return []  # no sets (e.g. the ministry's table), or missing ones already reported
    covered = {u for cs in sets.values() for u in covered_units(cs, units)}
    out: list[Problem] = []
    for i, (stage, ref) in enumerate(zip(plan.stages, refs, strict=True)):
        bare = [u for u in ref["scope_units"] if u not in covered]
        if stage.kind == "self_assessment" and bare:
            msg = words.without_set(len(bare), bare[0])
            out.append(Problem(("stages", i, "scope"), msg))
    return out
