"""A plan with its windows computed and its unit references resolved (what load_plan returns)."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from config.schema.criteria import CriteriaSet
from config.schema.plan import Plan, PlanStage
from config.schema.units import UnitsFile


class ResolvedStage(PlanStage):
    """A stage with its window (tz-aware, Asia/Ho_Chi_Minh) and the units it names."""

    opens_at: datetime
    due_at: datetime
    rule: str  # how the window was read, from deadlines (e.g. "month")
    lead_units: list[str]
    cooperating_units: list[str]
    scope_units: list[str]  # one assignment per unit; empty: only the lead acts


class ResolvedPlan(Plan):
    """A validated plan ready to launch; stage reminders/late/close carry the effective values."""

    # Narrower than Plan.stages: list is invariant, but pydantic validates each as resolved.
    stages: list[ResolvedStage] = Field(min_length=1)  # type: ignore[assignment]
    unit_set: UnitsFile = Field(exclude=True, repr=False)
    criteria: dict[str, CriteriaSet] = Field(default_factory=dict, exclude=True, repr=False)

    @property
    def starts_at(self) -> datetime:
        """The earliest opening of any stage."""
        return min(s.opens_at for s in self.stages)

    @property
    def ends_at(self) -> datetime:
        """The latest due time of any stage."""
        return max(s.due_at for s in self.stages)

    def stage(self, code: str) -> ResolvedStage:
        """Return the stage with this code."""
        return next(s for s in self.stages if s.code == code)
