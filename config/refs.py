"""Resolve unit references (codes and groups such as all_districts) against a units file."""

from __future__ import annotations

from cchc.wording import validate as words
from config.schema.plan import Scope
from config.schema.units import Unit, UnitsFile

# What each group means; appraisal_council is every unit with that role.
GROUP_KINDS = {
    "all_departments": "department",
    "all_districts": "district",
    "all_communes": "commune",
    "all_central_agencies": "central_agency",
}


class UnknownRef(LookupError):
    """Raised when a reference is neither a unit code nor a group with members."""


def expand(ref: str, units: UnitsFile) -> list[str]:
    """Return the unit codes a reference stands for (raise UnknownRef if none)."""
    if ref in GROUP_KINDS:
        codes = [u.code for u in units.units if u.kind == GROUP_KINDS[ref]]
    elif ref == "appraisal_council":
        codes = [u.code for u in units.units if u.role == "appraisal_council"]
    else:
        codes = [ref] if ref in units.by_code() else []
    if not codes:
        raise UnknownRef(_unknown(ref, units))
    return codes


def _unknown(ref: str, units: UnitsFile) -> str:
    """Explain why a reference matched nothing."""
    if ref in GROUP_KINDS or ref == "appraisal_council":
        return words.empty_group(ref, units.province.code)
    return words.unknown_unit(ref, units.province.code)


def expand_all(refs: list[str], units: UnitsFile) -> list[str]:
    """Expand several references, keeping order and dropping repeats."""
    out: dict[str, None] = {}
    for ref in refs:
        out.update(dict.fromkeys(expand(ref, units)))
    return list(out)


def scope_units(scope: Scope, units: UnitsFile) -> list[str]:
    """Return the units that must act: kind/rank-group matches plus named units or groups."""
    chosen: dict[str, None] = {}
    if scope.kinds or scope.rank_groups:
        chosen.update(dict.fromkeys(u.code for u in units.units if _matches(scope, u)))
    chosen.update(dict.fromkeys(expand_all(scope.units, units)))
    return list(chosen)


def _matches(scope: Scope, unit: Unit) -> bool:
    """Tell whether a unit passes both the kinds and the rank_groups filter."""
    kind_ok = not scope.kinds or unit.kind in scope.kinds
    group_ok = not scope.rank_groups or unit.rank_group in scope.rank_groups
    return kind_ok and group_ok
