"""YAML configuration of cchc-flow: units, criteria sets, plans, survey, bands, calendar.

Every loader validates fully and raises cchc.errors.ConfigError whose `problems` are lines
"file:line path: message"; `validate_paths` returns those lines instead of raising.
"""

from config.loader import (
    calendar_overrides,
    load_bands,
    load_calendar,
    load_criteria_set,
    load_plan,
    load_survey,
    load_units,
)
from config.resolved import ResolvedPlan, ResolvedStage
from config.validate import Report, validate_paths, validate_report

__all__ = [
    "Report",
    "ResolvedPlan",
    "ResolvedStage",
    "calendar_overrides",
    "load_bands",
    "load_calendar",
    "load_criteria_set",
    "load_plan",
    "load_survey",
    "load_units",
    "validate_paths",
    "validate_report",
]
