"""Plan file (config/plans/<code>.yaml): the stages of a yearly plan, as the plan words them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, model_validator

from cchc.wording import validate as words
from config.schema.base import Problem, Slug, StrictModel, fits, report
from config.schema.units import RankGroup, UnitKind

StageKind = Literal[
    "guidance",
    "self_assessment",
    "appraisal",
    "survey",
    "council_session",
    "approval",
    "publication",
    "generic",
]
LatePolicy = Literal["accept_flag", "refuse"]
ClosePolicy = Literal["all_done", "window"]
# Groups a lead/cooperating/scope entry may name instead of a unit code.
GROUPS = (
    "all_departments",
    "all_districts",
    "all_communes",
    "all_central_agencies",
    "appraisal_council",
)
Ref = Annotated[str, Field(pattern=r"^[a-z0-9]+([-_][a-z0-9]+)*$")]


def _listify(value: object) -> object:
    """Let YAML write one lead as a plain string."""
    return [value] if isinstance(value, str) else value


class Reminders(StrictModel):
    """When to remind (working days before due), nag when overdue, and escalate."""

    before: list[Annotated[int, Field(ge=0, le=60)]] = Field(default_factory=lambda: [5, 2])
    overdue_every: int = Field(2, ge=1, le=30)
    escalate_after: int = Field(1, ge=0, le=60)


# A tie-break key: a part's points, or a named field's points ("field:2" for lĩnh vực 2).
TieKey = Annotated[
    str, Field(pattern=r"^(appraised_points|survey_points|self_points|field:[A-Za-z0-9.]+)$")
]


class RankRules(StrictModel):
    """How a province ranks: competition (1, 2, 2, 4) or dense (1, 2, 2, 3), ties and blocks."""

    method: Literal["competition", "dense"] = "competition"
    # Ties are decided on the index rounded to this many decimals ("unrounded": as computed).
    precision: Literal["unrounded", 0, 1, 2] = 2
    # Equal indices are ordered by these keys in turn; units equal on all of them share a rank.
    tie_break: list[TieKey] = Field(default_factory=list, max_length=5)
    # Rank group → the block it ranks in (absent: its own block), e.g. {special: department}.
    blocks: dict[RankGroup, RankGroup] = Field(default_factory=dict)


class Policy(StrictModel):
    """How due dates, late work and closing behave unless a stage says otherwise."""

    roll_forward: bool = True
    late: LatePolicy = "accept_flag"
    close: ClosePolicy = "window"
    # With late work accepted, a window-closed stage still needs an end: this many working days
    # after its last due time it closes and units that never acted are marked refused.
    late_grace_days: int = Field(10, ge=0, le=120)
    # Ranking rules some provinces set: equal indices broken by this part's points, and which
    # band scheme of config/bands.yaml classifies the results.
    tie_break: Literal["appraised_points", "survey_points", "self_points"] | None = None
    bands: Slug | None = None
    rank: RankRules = Field(default_factory=RankRules)


class Schedule(StrictModel):
    """The local hour (and minute) at which the campaign ticks on working days."""

    hour: int = Field(8, ge=0, le=23)
    minute: int = Field(0, ge=0, le=59)


def _day_or_instant(value: object) -> object:
    """Read a quoted "2024-02-16" as a day (not midnight), so `due` means the end of that day."""
    if isinstance(value, str) and len(value.strip()) == 10:
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return value
    return value


DayOrInstant = Annotated[datetime | date | None, BeforeValidator(_day_or_instant)]


class WindowOverride(StrictModel):
    """Explicit window bounds; a date means the start (opens) or end (due) of that day."""

    opens: DayOrInstant = None
    due: DayOrInstant = None


class Scope(StrictModel):
    """Which units must act: kinds and rank groups (both must match), plus named units."""

    kinds: list[UnitKind] = Field(default_factory=list)
    rank_groups: list[RankGroup] = Field(default_factory=list)
    units: list[Ref] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when no unit is asked to act (only the lead)."""
        return not (self.kinds or self.rank_groups or self.units)


class PlanStage(StrictModel):
    """One row of the plan's table."""

    code: Annotated[str, fits("stage_code")]
    title: Annotated[str, fits("stage_title")]
    kind: StageKind
    # the plan's own wording, e.g. "Tháng 10/2023"
    deadline: Annotated[str, fits("stage_deadline")] | None = None
    window: WindowOverride | None = None
    lead: Annotated[list[Ref], BeforeValidator(_listify)] = Field(min_length=1)
    cooperating: list[Ref] = Field(default_factory=list)
    scope: Scope = Field(default_factory=Scope)
    depends_on: list[Slug] = Field(default_factory=list)
    reminders: Reminders | None = None
    late: LatePolicy | None = None
    close: ClosePolicy | None = None
    late_grace_days: int | None = Field(None, ge=0, le=120)
    # "trong N ngày làm việc kể từ ngày nhận văn bản": each unit's clock starts at its receipt
    from_receipt_days: int | None = Field(None, ge=1, le=120)
    needs_review: bool = False
    review_notes: list[str] = Field(default_factory=list)


class Plan(StrictModel):
    """A yearly plan as configured (before its windows are computed)."""

    code: Slug
    province: Slug
    year: int = Field(ge=2000, le=2100)
    title: Annotated[str, fits("plan_title")]
    decision_no: Annotated[str, fits("plan_decision_no", required=False)] | None = None
    issued_on: date | None = None  # the plan's own date ("Lạng Sơn, ngày 15 tháng 10 năm 2025")
    source: Annotated[str, fits("plan_source", required=False)] | None = None
    units: Slug
    criteria_sets: list[Slug] = Field(default_factory=list)
    policy: Policy = Field(default_factory=Policy)
    reminders: Reminders = Field(default_factory=Reminders)
    schedule: Schedule = Field(default_factory=Schedule)
    stages: list[PlanStage] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> Plan:
        report(check_stage_order(self), info)
        return self


def check_stage_order(plan: Plan) -> list[Problem]:
    """Check unique stage codes, backward-only dependencies, and a way to get each window."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, stage in enumerate(plan.stages):
        loc = ("stages", i)
        if stage.code in seen:
            problems.append(Problem((*loc, "code"), words.duplicate_stage(stage.code)))
        for j, dep in enumerate(stage.depends_on):
            if dep not in seen:
                msg = words.depends_on_later(dep, itself=dep == stage.code)
                problems.append(Problem((*loc, "depends_on", j), msg))
        seen.add(stage.code)
        full = stage.window is not None and stage.window.opens and stage.window.due
        if stage.deadline is None and not full:
            problems.append(Problem((*loc, "deadline"), words.NO_WINDOW))
    return problems
