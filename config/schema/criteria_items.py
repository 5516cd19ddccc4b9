"""A criteria set flattened to rows: what the database and the scoring code work with."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from config.schema.criteria import CriteriaField, CriteriaSet


class Item(NamedTuple):
    """One field (level 1), criterion (2) or sub-criterion (3) of a set, in document order."""

    code: str
    parent_code: str | None
    field_code: str
    level: int
    title: str
    max_points: float
    method: str | None  # leaves: self or survey; parents: shared method of their leaves or None
    step: float | None
    appraiser: str  # the field's appraiser (a unit code, or "parent")
    is_leaf: bool
    position: int
    kind: str = "base"  # base | bonus | penalty (bonus and penalty lie outside the maximum)
    allow_not_applicable: bool = False
    formula: dict | None = None  # cchc.formula's rule, for a leaf scored from a figure


def flatten(cs: CriteriaSet) -> list[Item]:
    """List every item of the set, parents before their children."""
    rows: list[Item] = []
    for field in cs.fields:
        f = field.code
        rows.append(
            Item(
                f,
                None,
                f,
                1,
                field.title,
                field.max_points,
                _field_method(field),
                None,
                field.appraiser,
                False,
                len(rows),
                field.kind or "base",
            )
        )
        for crit in field.criteria:
            leaf = not crit.sub_criteria
            rows.append(
                Item(
                    crit.code,
                    f,
                    f,
                    2,
                    crit.title,
                    crit.max_points,
                    crit.method,
                    crit.step,
                    field.appraiser,
                    leaf,
                    len(rows),
                    *_extensions(crit),
                )
            )
            for sub in crit.sub_criteria:
                rows.append(
                    Item(
                        sub.code,
                        crit.code,
                        f,
                        3,
                        sub.title,
                        sub.max_points,
                        sub.method,
                        sub.step,
                        field.appraiser,
                        True,
                        len(rows),
                        *_extensions(sub),
                    )
                )
    return rows


def _field_method(field: CriteriaField) -> str | None:
    """Return the method all leaves of a field share, or None when mixed."""
    methods = {c.method for c in field.criteria}
    return methods.pop() if len(methods) == 1 else None


def _extensions(item: Any) -> tuple[str, bool, dict | None]:
    """Return an item's kind, not-applicable flag and formula rule as flat values."""
    rule = item.formula.model_dump() if item.formula is not None else None
    return item.kind or "base", item.allow_not_applicable, rule
