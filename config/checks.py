"""Validate one parsed file of each kind, including the files it refers to."""

from __future__ import annotations

from pathlib import Path

from cchc.wording import validate as words
from config.catalog import Catalog, parse
from config.crosscheck import plan_coverage, plan_refs, plan_sets, set_refs
from config.problems import from_problems
from config.resolved import ResolvedPlan, ResolvedStage
from config.schema.base import Problem
from config.schema.criteria import CriteriaSet
from config.schema.plan import Plan
from config.schema.survey import SurveyConfig
from config.schema.units import UnitsFile
from config.set_rules import set_rules
from config.source import Source
from config.windows import stage_windows


def check_criteria(
    src: Source, path: Path, catalog: Catalog, units: UnitsFile | None = None
) -> tuple[CriteriaSet | None, list[str]]:
    """Validate a criteria set, and its unit codes when its units file is found."""
    cs, problems = parse(src, CriteriaSet)
    if cs is None or problems:
        return cs, problems
    if units is None:
        units, why = catalog.units(cs.units_code, path)
        if units is None:
            return cs, from_problems(src, [Problem(("units",) if cs.units else ("province",), why)])
    return cs, from_problems(src, set_refs(cs, units) + set_rules(cs, units))


def check_plan(
    src: Source, path: Path, catalog: Catalog, units: UnitsFile | None = None
) -> tuple[ResolvedPlan | None, list[str]]:
    """Validate a plan against its units and criteria sets and compute its windows."""
    plan, problems = parse(src, Plan)
    if plan is None or problems:
        return None, problems
    if units is None:
        units, why = catalog.units(plan.units, path)
        if units is None:
            return None, from_problems(src, [Problem(("units",), why)])
    refs, found = plan_refs(plan, units)
    windows, window_problems = stage_windows(plan)
    sets: dict[str, CriteriaSet] = {}
    for i, code in enumerate(plan.criteria_sets):
        cs, why = catalog.criteria(code, path)
        if cs is None:
            found.append(Problem(("criteria_sets", i), why))
        else:
            sets[code] = cs
    found += window_problems + plan_sets(plan, units, sets)
    found += plan_coverage(plan, refs, units, sets)
    if found:
        return None, from_problems(src, found)
    return _resolve(plan, units, sets, refs, windows), []


def _resolve(plan: Plan, units: UnitsFile, sets: dict, refs: list, windows: list) -> ResolvedPlan:
    """Assemble the resolved plan, filling each stage's effective policies."""
    stages = []
    for stage, ref, window in zip(plan.stages, refs, windows, strict=True):
        body = stage.model_dump()
        body.update(ref, opens_at=window.opens_at, due_at=window.due_at, rule=window.rule)
        body["reminders"] = (stage.reminders or plan.reminders).model_dump()
        body["late"] = stage.late or plan.policy.late
        body["close"] = stage.close or plan.policy.close
        grace = stage.late_grace_days
        body["late_grace_days"] = plan.policy.late_grace_days if grace is None else grace
        stages.append(ResolvedStage.model_validate(body))
    head = plan.model_dump(exclude={"stages"})
    return ResolvedPlan.model_validate(
        {**head, "stages": stages, "unit_set": units, "criteria": sets}
    )


def check_survey(
    src: Source, path: Path, catalog: Catalog
) -> tuple[SurveyConfig | None, list[str]]:
    """Validate a survey config and its survey agency against the province's units."""
    doc, problems = parse(src, SurveyConfig)
    if doc is None or problems or doc.survey_agency is None:
        return doc, problems
    units, why = catalog.units(doc.province, path)
    if units is None:
        return doc, from_problems(src, [Problem(("province",), why)])
    if doc.survey_agency not in units.by_code():
        msg = words.unknown_unit(doc.survey_agency, doc.province)
        return doc, from_problems(src, [Problem(("survey_agency",), msg)])
    return doc, []
