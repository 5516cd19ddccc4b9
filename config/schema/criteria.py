"""Criteria set file (config/criteria/<code>.yaml): fields → criteria → sub-criteria."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, model_validator

from cchc.columns import length
from config.schema.base import Slug, StrictModel, fits, report
from config.schema.criteria_checks import check_criteria_set, fill_kinds, fill_methods
from config.schema.criteria_items import Item, flatten
from config.schema.units import RankGroup

Method = Literal["self", "survey"]
Kind = Literal["bonus", "penalty"]  # None: a base item, inside the set's maximum
Tier = Literal["department", "special", "district", "commune", "ward", "central_agency"]
ITEM_CODE = r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$"
ItemCode = Annotated[str, StringConstraints(pattern=ITEM_CODE, max_length=length("item_code"))]
Points = Annotated[float, Field(ge=0, le=1000)]
Step = Annotated[float, Field(gt=0, le=100)]
# A leaf's points: a penalty may be written negative (-2 = deducts up to 2); fill_kinds makes
# it positive after the check.
LeafPoints = Annotated[float, Field(ge=-1000, le=1000)]


class Bracket(StrictModel):
    """One bracket of a formula: min <= figure < max gives `points`."""

    min: float
    max: float
    points: float


class Formula(StrictModel):
    """Points computed from a figure (cchc.formula): by brackets or proportionally."""

    figure: Annotated[str, fits("item_title")]
    min: float = 0
    max: float = 100
    rule: Literal["brackets", "proportional"]
    brackets: list[Bracket] = Field(default_factory=list)


class SubCriterion(StrictModel):
    """A sub-criterion (tiêu chí thành phần): always a scored leaf."""

    code: ItemCode
    title: Annotated[str, fits("item_title")]
    max_points: LeafPoints
    method: Method | None = None  # None: inherit from the criterion, then "self"
    step: Step | None = None
    note: str | None = None
    kind: Kind | None = None  # None: inherit from the criterion, then base
    allow_not_applicable: bool = False
    formula: Formula | None = None


class Criterion(StrictModel):
    """A criterion (tiêu chí): a leaf, or the sum of its sub-criteria."""

    code: ItemCode
    title: Annotated[str, fits("item_title")]
    max_points: LeafPoints
    method: Method | None = None
    step: Step | None = None
    note: str | None = None
    kind: Kind | None = None  # None: inherit from the field, then base
    allow_not_applicable: bool = False
    formula: Formula | None = None
    sub_criteria: list[SubCriterion] = Field(default_factory=list)


class CriteriaField(StrictModel):
    """A field (lĩnh vực) and the unit that appraises it ("parent": the unit's parent)."""

    code: ItemCode
    title: Annotated[str, fits("item_title")]
    appraiser: Slug
    max_points: LeafPoints
    kind: Kind | None = None  # a field of bonus or penalty items (Điểm thưởng / Điểm trừ)
    criteria: list[Criterion] = Field(min_length=1)


class AppliesTo(StrictModel):
    """Which units a set scores: whole rank groups, or named units."""

    rank_groups: list[RankGroup] = Field(default_factory=list)
    units: list[Slug] = Field(default_factory=list)


class CriteriaSet(StrictModel):
    """A versioned criteria set (Bộ chỉ số) whose leaves sum to its totals."""

    code: Slug
    province: Slug
    units: Slug | None = None  # the units file it refers to; default: the province code
    year: int = Field(ge=2000, le=2100)
    tier: Tier
    title: Annotated[str, fits("set_title")]
    decision_no: str | None = None
    applies_to: AppliesTo
    total: Points
    self_total: Points
    survey_total: Points
    index_cap: Annotated[float, Field(gt=0, le=1000)] | None = None  # e.g. 100 with bonus points
    fields: list[CriteriaField] = Field(min_length=1)

    def items(self) -> list[Item]:
        """Every field, criterion and sub-criterion as flat rows, in document order."""
        return flatten(self)

    def leaves(self) -> list[Item]:
        """The scored items (criteria without sub-criteria, and sub-criteria)."""
        return [item for item in flatten(self) if item.is_leaf]

    @property
    def units_code(self) -> str:
        """The units file this set resolves unit codes against."""
        return self.units or self.province

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> CriteriaSet:
        fill_methods(self)
        report(check_criteria_set(self), info)
        fill_kinds(self)
        return self
