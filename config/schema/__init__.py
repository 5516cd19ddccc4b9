"""Pydantic models of every config file kind (all refuse unknown keys)."""

from config.schema.bands import Band, BandScheme, BandsFile
from config.schema.base import Problem, StrictModel
from config.schema.calendar import CalendarFile, CalendarYear, DayEntry
from config.schema.criteria import AppliesTo, CriteriaField, CriteriaSet, Criterion, SubCriterion
from config.schema.plan import GROUPS, Plan, PlanStage, Policy, Reminders, Schedule, Scope
from config.schema.survey import RespondentGroup, SurveyConfig
from config.schema.units import Predecessor, Province, Unit, UnitsFile

__all__ = [
    "GROUPS",
    "AppliesTo",
    "Band",
    "BandScheme",
    "BandsFile",
    "CalendarFile",
    "CalendarYear",
    "CriteriaField",
    "CriteriaSet",
    "Criterion",
    "DayEntry",
    "Plan",
    "PlanStage",
    "Policy",
    "Predecessor",
    "Problem",
    "Province",
    "Reminders",
    "RespondentGroup",
    "Schedule",
    "Scope",
    "StrictModel",
    "SubCriterion",
    "SurveyConfig",
    "Unit",
    "UnitsFile",
]
