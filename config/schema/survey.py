"""Survey config (config/survey/<code>.yaml): respondent groups, answer weights, coverage."""

from __future__ import annotations

import math
from collections import Counter

from pydantic import Field, ValidationInfo, model_validator

from cchc.wording import validate as words
from config.schema.base import Problem, Slug, StrictModel, Text, report
from config.schema.units import RankGroup


class RespondentGroup(StrictModel):
    """A group of respondents (đối tượng điều tra), its sample and its weight."""

    code: Slug
    name: Text
    sample_size: int | None = Field(None, ge=0)  # None: set by another plan (e.g. the ministry's)
    formula: list[int] = Field(default_factory=list)  # factors whose product is sample_size
    formula_text: str | None = None  # as the plan writes it: "03 người/sở x 19 sở"
    weight: float = Field(1.0, gt=0)  # relative; normalised over the groups that rated a unit
    rates: list[RankGroup] = Field(min_length=1)  # rank groups this group is asked about
    source: str | None = None


class SurveyConfig(StrictModel):
    """How survey ballots turn into points for one province."""

    code: Slug
    province: Slug
    title: Text
    survey_agency: Slug | None = None  # the unit that runs the fieldwork (e.g. Bưu điện tỉnh)
    answer_weights: dict[str, float] = Field(
        default_factory=lambda: {"A": 1.0, "B": 0.6, "C": 0.2, "D": 0.0}
    )
    min_ballots_per_unit: int = Field(5, ge=1)
    groups: list[RespondentGroup] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> SurveyConfig:
        report(check_survey(self), info)
        return self


def check_survey(doc: SurveyConfig) -> list[Problem]:
    """Check answer weights, unique groups and each sample formula."""
    out: list[Problem] = []
    for answer, weight in doc.answer_weights.items():
        if not 0.0 <= weight <= 1.0:
            out.append(Problem(("answer_weights", answer), words.weight_out_of_range(weight)))
    counts = Counter(g.code for g in doc.groups)
    for i, group in enumerate(doc.groups):
        if counts[group.code] > 1:
            out.append(Problem(("groups", i, "code"), words.duplicate_group(group.code)))
        if group.formula and math.prod(group.formula) != group.sample_size:
            product = math.prod(group.formula)
            msg = words.sample_differs(group.formula, product, group.sample_size)
            out.append(Problem(("groups", i, "sample_size"), msg))
    return out
