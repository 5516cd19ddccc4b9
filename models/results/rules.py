"""Criteria-set rules (which set scores which unit) as SQL pieces for compute_results.

A unit takes the set that names it, else the set of its rank group (criteria_set_for reads the
same rules); the SQL gets them as CASE expressions over org_unit with one parameter per value.
"""

from __future__ import annotations


def first_rules(rules: list) -> list:
    """One rule per (kind, value): the first, as criteria_set_for reads them."""
    first: dict[tuple[str, str], tuple] = {}
    for kind, value, set_id in rules:
        first.setdefault((kind, value), (kind, value, set_id))
    return list(first.values())


def rule_case(rules: list, column: str) -> str:
    """Return a CASE giving each unit its rule's `column` (set or max): named units first."""
    cases = []
    for kind, unit_column in (("unit", "u.code"), ("group", "u.rank_group")):
        whens = [
            f"WHEN :rule_val_{i} THEN :rule_{column}_{i}"
            for i, (k, _value, _set_id) in enumerate(rules)
            if k == kind
        ]
        if whens:
            cases.append(f"CASE {unit_column} " + " ".join(whens) + " END")
    return cases[0] if len(cases) == 1 else "COALESCE(" + ", ".join(cases) + ")"


def rule_set_ids(rules: list) -> str:
    """Return the parameters naming each distinct criteria set of the rules once."""
    first: dict[object, int] = {}
    for i, (_kind, _value, set_id) in enumerate(rules):
        first.setdefault(set_id, i)
    return ", ".join(f":rule_set_{i}" for i in first.values())


def rule_params(rules: list, maxima: dict) -> dict[str, object]:
    """Return the rules' parameters: matched value, criteria set and the set's max points."""
    params: dict[str, object] = {}
    for i, (_kind, value, set_id) in enumerate(rules):
        params |= {
            f"rule_val_{i}": value,
            f"rule_set_{i}": set_id,
            f"rule_max_{i}": float(maxima[set_id]),
        }
    return params
