"""Text column lengths of the tables that configuration fills, written once for both sides.

`cchc validate` refuses a plan, unit or criteria text longer than its column (config/schema
uses these), so a 2 MB stage title fails validation instead of the insert at launch.
`tests/cchc/test_columns.py` checks each figure equals the table's own column length.
"""

from __future__ import annotations

# name → (table, column, length)
COLUMNS: dict[str, tuple[str, str, int]] = {
    "plan_title": ("plan", "title", 1000),
    "plan_decision_no": ("plan", "decision_no", 64),
    "plan_source": ("plan", "source", 500),
    "stage_code": ("stage", "code", 64),
    "stage_title": ("stage", "title", 2000),
    "stage_deadline": ("stage", "deadline_text", 500),
    "unit_name": ("org_unit", "name", 255),
    "unit_email": ("org_unit", "email", 255),
    "set_title": ("criteria_set", "title", 500),
    "item_title": ("criteria_item", "title", 1000),
    "item_code": ("criteria_item", "code", 32),
}


def length(name: str) -> int:
    """Return the column length of `name` (a key of COLUMNS)."""
    return COLUMNS[name][2]
