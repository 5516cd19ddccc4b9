"""A criteria set against its units: who may appraise it, whom it may score, what it counts."""

from __future__ import annotations

from cchc.wording import criteria as words
from config.schema.base import Problem
from config.schema.criteria import CriteriaSet
from config.schema.units import UnitsFile

APPRAISING_KINDS = {"province", "department", "body", "central_agency"}
LOCAL_TIERS = {"commune", "ward"}  # only their fields may be appraised by a district
# The rank groups each tier may score ("none": units scored but not ranked, any tier).
FAMILIES = {
    "department": {"department", "special", "central_agency", "none"},
    "special": {"department", "special", "central_agency", "none"},
    "central_agency": {"department", "special", "central_agency", "none"},
    "district": {"district", "none"},
    "commune": {"commune", "ward", "none"},
    "ward": {"commune", "ward", "none"},
}


def set_rules(cs: CriteriaSet, units: UnitsFile) -> list[Problem]:
    """Return the appraiser and tier problems of a set (unknown codes are reported elsewhere)."""
    return _appraisers(cs, units) + _tier(cs, units)


def _appraisers(cs: CriteriaSet, units: UnitsFile) -> list[Problem]:
    """Refuse a field appraised by a commune, or by a district outside commune sets."""
    known = units.by_code()
    out: list[Problem] = []
    for i, field in enumerate(cs.fields):
        label = words.field_label(field.code, field.title)
        loc = ("fields", i, "appraiser")
        if field.appraiser == "parent":
            if cs.tier not in LOCAL_TIERS:
                out.append(Problem(loc, words.parent_not_allowed(label, cs.tier)))
            continue
        unit = known.get(field.appraiser)
        if unit is None:
            continue
        allowed = unit.kind in APPRAISING_KINDS or (
            unit.kind == "district" and cs.tier in LOCAL_TIERS
        )
        if not allowed:
            msg = words.appraiser_not_agency(label, unit.name, unit.kind, cs.tier)
            out.append(Problem(loc, msg))
    return out


def _tier(cs: CriteriaSet, units: UnitsFile) -> list[Problem]:
    """Refuse rank groups or units outside the set's tier."""
    family = FAMILIES[cs.tier]
    out: list[Problem] = []
    for j, group in enumerate(cs.applies_to.rank_groups):
        if group not in family:
            msg = words.tier_contradicts(cs.tier, f"nhóm xếp hạng «{group}»")
            out.append(Problem(("applies_to", "rank_groups", j), msg))
    known = units.by_code()
    for j, code in enumerate(cs.applies_to.units):
        unit = known.get(code)
        if unit is not None and unit.rank_group not in family:
            msg = words.tier_contradicts(cs.tier, f"«{unit.name}» (nhóm {unit.rank_group})")
            out.append(Problem(("applies_to", "units", j), msg))
    return out


def summary(cs: CriteriaSet) -> list[str]:
    """Return the set's counts line, then one line per field."""
    lines = []
    crits = subs = 0
    for field in cs.fields:
        n_subs = sum(len(c.sub_criteria) for c in field.criteria)
        crits, subs = crits + len(field.criteria), subs + n_subs
        lines.append(
            words.field_line(field.code, field.title, len(field.criteria), n_subs, field.max_points)
        )
    bonus, penalty = (sum(x.max_points for x in cs.leaves() if x.kind == k) for k in KINDS)
    head = words.set_line(
        cs.code, len(cs.fields), crits, subs, cs.self_total, cs.survey_total, (bonus, penalty)
    )
    return [head, *lines]


KINDS = ("bonus", "penalty")
