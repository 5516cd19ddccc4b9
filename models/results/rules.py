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


def rule_case(rules: list, column: str, tag: str = "") -> str:
    """Return a CASE giving each unit its rule's `column` (set or max): named units first."""
    cases = []
    for kind, unit_column in (("unit", "u.code"), ("group", "u.rank_group")):
        whens = [
            f"WHEN :rule_val{tag}_{i} THEN :rule_{column}{tag}_{i}"
            for i, (k, _value, _set_id) in enumerate(rules)
            if k == kind
        ]
        if whens:
            cases.append(f"CASE {unit_column} " + " ".join(whens) + " END")
    return cases[0] if len(cases) == 1 else "COALESCE(" + ", ".join(cases) + ")"


def rule_set_ids(rules: list, tag: str = "") -> str:
    """Return the parameters naming each distinct criteria set of the rules once."""
    first: dict[object, int] = {}
    for i, (_kind, _value, set_id) in enumerate(rules):
        first.setdefault(set_id, i)
    return ", ".join(f":rule_set{tag}_{i}" for i in first.values())


def rule_params(
    rules: list, maxima: dict, tag: str = "", caps: dict | None = None
) -> dict[str, object]:
    """Return the rules' parameters: matched value, criteria set, its max points and index cap.

    A set without a cap has 0.0 (a cap is > 0): a typed number, never NULL, for PostgreSQL.
    """
    params: dict[str, object] = {}
    for i, (_kind, value, set_id) in enumerate(rules):
        params |= {
            f"rule_val{tag}_{i}": value,
            f"rule_set{tag}_{i}": set_id,
            f"rule_max{tag}_{i}": float(maxima[set_id]),
            f"rule_cap{tag}_{i}": float((caps or {}).get(set_id) or 0.0),
        }
    return params


def batch_case(cases: list[str]) -> str:
    """Return one campaign's CASE as is, several chosen by campaign (`cid_<j>` parameters)."""
    if len(cases) == 1:
        return cases[0]
    whens = " ".join(f"WHEN :cid_{j} THEN {case}" for j, case in enumerate(cases))
    return f"CASE c.id {whens} END"
